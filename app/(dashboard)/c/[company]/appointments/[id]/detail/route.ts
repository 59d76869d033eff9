// One appointment's drawer, as JSON: opening the drawer reads this alone, rather than the whole
// page again (its list, facet counts, services and agents). Same checks as the page: a
// signed-in member, a company they can see, an appointment of that company; anything else 404.
import { getLocale, getTranslations } from "next-intl/server";
import { toDetail } from "@/components/appointments/present";
import { getAppointment, listAppointmentEvents } from "@/lib/appointments";
import { currentMember } from "@/app/_server/session";
import { getCompanyBySlug } from "@/lib/catalog";
import { isManager, withinCompany } from "@/lib/auth/caller";
import { isAppError } from "@/lib/contract/errors";

const notFound = () => Response.json({ code: "appointment-not-found" }, { status: 404, headers: { "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ company: string; id: string }> }) {
  const member = await currentMember();
  if (!member) return Response.json({ code: "unauthenticated" }, { status: 401 });
  const { company: slug, id } = await params;
  try {
    const company = await getCompanyBySlug(member.caller, decodeURIComponent(slug));
    // Read as a caller of this company only: another company's appointment is not found by the domain's own scoping.
    const caller = withinCompany(member.caller, company.id);
    const [a, events, locale, t] = await Promise.all([
      getAppointment(caller, id),
      listAppointmentEvents(caller, id),
      getLocale(),
      getTranslations("detail"),
    ]);
    const detail = toDetail(a, events, company.timezone, locale, { yes: t("yes"), no: t("no") }, isManager(member.caller));
    return Response.json(detail, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (isAppError(err) && (err.code === "appointment-not-found" || err.code === "company-not-found")) return notFound();
    throw err;
  }
}
