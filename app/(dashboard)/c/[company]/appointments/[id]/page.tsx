import { notFound, redirect } from "next/navigation";
import { getAppointment } from "@/lib/appointments";
import { withinCompany } from "@/lib/auth/caller";
import { isAppError } from "@/lib/contract/errors";
import { loadCompany } from "../../company";

/** A short link to one appointment: checks access, then opens the list with its drawer. */
export default async function AppointmentLink({ params }: { params: Promise<{ company: string; id: string }> }) {
  const { company: slug, id } = await params;
  const { member, company } = await loadCompany(slug);
  try {
    // As a caller of this company only: another company's appointment is not found.
    await getAppointment(withinCompany(member.caller, company.id), id);
  } catch (err) {
    if (isAppError(err) && err.code === "appointment-not-found") notFound();
    throw err;
  }
  redirect(`/c/${company.slug}/appointments?range=all&appointment=${id}`);
}
