// The drawer's appointment for a dashboard page (?appointment=<id>): read before anything
// streams, so an appointment of another company (or none) answers a real 404, as on the table.
import "server-only";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { toDetail } from "@/components/appointments/present";
import type { AppointmentDetailView } from "@/components/appointments/types";
import { getAppointment, listAppointmentEvents } from "@/lib/appointments";
import type { Caller } from "@/lib/auth/caller";
import { isManager, withinCompany } from "@/lib/auth/caller";
import { isAppError } from "@/lib/contract/errors";
import { appointmentMessages } from "@/lib/messages";

/**
 * One appointment as the drawer shows it (its history: events and messages), for the page and
 * for the drawer's own JSON route; another company's answers appointment-not-found.
 */
export async function readDrawerDetail(caller: Caller, company: { id: string; timezone: string }, id: string, locale: string): Promise<AppointmentDetailView> {
  // As a caller of this company only: another company's appointment is not found by the domain's scoping.
  const inCompany = withinCompany(caller, company.id);
  const [a, events, messages, t] = await Promise.all([
    getAppointment(inCompany, id),
    listAppointmentEvents(inCompany, id),
    appointmentMessages(inCompany, id),
    getTranslations("detail"),
  ]);
  return toDetail(a, events, messages, company.timezone, locale, { yes: t("yes"), no: t("no") }, isManager(caller));
}

export async function loadDrawerDetail(
  caller: Caller,
  company: { id: string; timezone: string },
  id: string | null,
  locale: string,
): Promise<AppointmentDetailView | null> {
  if (!id) return null;
  try {
    return await readDrawerDetail(caller, company, id, locale);
  } catch (err) {
    if (isAppError(err) && err.code === "appointment-not-found") notFound();
    throw err;
  }
}
