// The appointment table's state, all in the URL (shareable, back button works). One set of
// parsers for the server page, the CSV export and the client hooks.
import {
  createLoader,
  createSearchParamsCache,
  parseAsArrayOf,
  parseAsBoolean,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
} from "nuqs/server";
import { presetRange, RANGE_PRESETS } from "@/lib/contract/date-presets";
import { isUuid } from "@/lib/contract/ids";
import { APPOINTMENT_STATUSES } from "@/lib/contract/status";

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

/** Filters: changing any of them starts again at the first page. */
export const filterParsers = {
  status: parseAsArrayOf(parseAsStringLiteral(APPOINTMENT_STATUSES)).withDefault([]),
  service: parseAsString,
  agent: parseAsString,
  range: parseAsStringLiteral(RANGE_PRESETS).withDefault("day"),
  from: parseAsString,
  to: parseAsString,
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(["asc", "desc"] as const).withDefault("asc"),
  /** Only the no-shows (cancelled, the customer did not come). */
  noshow: parseAsBoolean.withDefault(false),
};

export const appointmentsParsers = {
  ...filterParsers,
  size: parseAsNumberLiteral(PAGE_SIZES).withDefault(DEFAULT_PAGE_SIZE),
  /** Keyset page: the (date, id) of the row to start after ("next") or before ("prev"). */
  cursor: parseAsString,
  dir: parseAsStringLiteral(["next", "prev"] as const).withDefault("next"),
  /** The appointment shown in the detail drawer. */
  appointment: parseAsString,
};

export const appointmentsCache = createSearchParamsCache(appointmentsParsers);
export const loadAppointmentsParams = createLoader(appointmentsParsers);

export type AppointmentsParams = Awaited<ReturnType<typeof appointmentsCache.parse>>;

/**
 * The URL's filters as the domain's list filters, for one company: the page, the CSV export
 * and the calendar read the URL the same way. Unknown ids are dropped rather than refused.
 */
export function listFiltersFromParams(
  sp: Pick<AppointmentsParams, "status" | "service" | "agent" | "range" | "from" | "to" | "q"> & { noshow?: boolean },
  company: { id: string; timezone: string },
  now = new Date(),
  workDay?: { start: Date; end: Date },
) {
  const range = presetRange(sp.range, company.timezone, now, { from: sp.from, to: sp.to }, workDay);
  return {
    companyId: company.id,
    serviceId: sp.service && isUuid(sp.service) ? sp.service : undefined,
    agentId: sp.agent && isUuid(sp.agent) ? sp.agent : undefined,
    search: sp.q ? sp.q.slice(0, 100) : undefined,
    status: sp.status.length ? sp.status : undefined,
    cancellation: sp.noshow ? ("no-show" as const) : undefined,
    from: range.from,
    to: range.to,
  };
}

/** `path` with the table's filters as a query string (defaults left out): the CSV export's link. */
export function withFilters(
  path: string,
  params: Pick<AppointmentsParams, "status" | "service" | "agent" | "range" | "from" | "to" | "q" | "sort"> & { noshow?: boolean },
): string {
  const sp = new URLSearchParams();
  if (params.noshow) sp.set("noshow", "true");
  if (params.status.length) sp.set("status", params.status.join(","));
  for (const key of ["service", "agent", "from", "to"] as const) if (params[key]) sp.set(key, params[key]!);
  if (params.range !== "day") sp.set("range", params.range);
  if (params.q) sp.set("q", params.q);
  if (params.sort !== "asc") sp.set("sort", params.sort);
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}
