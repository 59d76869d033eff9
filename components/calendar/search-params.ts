// The calendar's state, all in the URL: view, day, the table's filters (same names and
// parsers, so a filtered table link and a filtered calendar link read alike), whether
// cancelled appointments show, and the drawer.
import { createSearchParamsCache, parseAsBoolean, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { filterParsers } from "@/components/appointments/search-params";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "@/lib/contract/status";
import { CALENDAR_VIEWS } from "./range";

export const calendarParsers = {
  view: parseAsStringLiteral(CALENDAR_VIEWS).withDefault("week"),
  /** A day of the company's calendar, YYYY-MM-DD; absent: today. */
  date: parseAsString,
  status: filterParsers.status,
  service: filterParsers.service,
  agent: filterParsers.agent,
  /** "Afficher les annulés": cancelled appointments are left out unless asked for. */
  cancelled: parseAsBoolean.withDefault(false),
  /** The appointment shown in the detail drawer. */
  appointment: parseAsString,
};

export const calendarCache = createSearchParamsCache(calendarParsers);
export type CalendarParams = Awaited<ReturnType<typeof calendarCache.parse>>;

const NOT_CANCELLED = APPOINTMENT_STATUSES.filter((s) => s !== "CANCELLED");

/**
 * The statuses the calendar draws (undefined: all). A status filter says exactly what to
 * show, cancelled included when it is ticked, whatever the toggle; without one, cancelled
 * appointments show only when the toggle asks for them.
 */
export function shownStatuses({ status, cancelled }: { status: AppointmentStatus[]; cancelled: boolean }): AppointmentStatus[] | undefined {
  if (status.length > 0) return status;
  return cancelled ? undefined : NOT_CANCELLED;
}
