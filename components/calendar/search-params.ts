// The calendar's state, all in the URL: view, day, the table's filters (same names and
// parsers, so a filtered table link and a filtered calendar link read alike) and the drawer.
import { createSearchParamsCache, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { filterParsers } from "@/components/appointments/search-params";
import { CALENDAR_VIEWS } from "./range";

export const calendarParsers = {
  view: parseAsStringLiteral(CALENDAR_VIEWS).withDefault("week"),
  /** A day of the company's calendar, YYYY-MM-DD; absent: today. */
  date: parseAsString,
  status: filterParsers.status,
  service: filterParsers.service,
  agent: filterParsers.agent,
  /** The appointment shown in the detail drawer. */
  appointment: parseAsString,
};

export const calendarCache = createSearchParamsCache(calendarParsers);
export type CalendarParams = Awaited<ReturnType<typeof calendarCache.parse>>;
