import { notFound, redirect } from "next/navigation";
import { getAppointment } from "@/lib/appointments";
import { isAppError } from "@/lib/contract/errors";
import { loadCompany } from "../../company";

/** A short link to one appointment: checks access, then opens the list with its drawer. */
export default async function AppointmentLink({ params }: { params: Promise<{ company: string; id: string }> }) {
  const { company: slug, id } = await params;
  const { member, company } = await loadCompany(slug);
  try {
    const a = await getAppointment(member.caller, id);
    if (a.companyId !== company.id) notFound();
  } catch (err) {
    if (isAppError(err) && err.code === "appointment-not-found") notFound();
    throw err;
  }
  redirect(`/c/${company.slug}/appointments?range=all&appointment=${id}`);
}
