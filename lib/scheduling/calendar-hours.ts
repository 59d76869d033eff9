// The hours the calendar shades, made by the same functions that decide a booking
// (hoursSpec + openRanges, as assertWithinWorkingHours), so the grid and the
// `outside-working-hours` rule cannot disagree: the company's week, each agent's own week or
// the company's, with their time off and extra hours. One query for a company and a range.
// The home page's agents' load counts against the working time made here too.
import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { instantToWallClock } from "../contract/dates";
import type { Absence, TimeOff, WallRange, WeeklyHours } from "../contract/hours";
import { isUuid } from "../contract/ids";
import { addDays, alwaysOpen, type HoursSpec, localDateOf, openRanges } from "./hours-math";
import { hoursSpec } from "./working-hours";

export type CalendarHours = {
  /** The company's open hours (an appointment without an agent); null: open at all times. */
  company: WallRange[] | null;
  /** Each agent's (own week or the company's, with exceptions); null: open at all times. */
  agents: Record<string, WallRange[] | null>;
  /** Time off ("off" exceptions) that touches the range: the agenda says who is absent. */
  absences: Absence[];
};

type Row = {
  timezone: string;
  opening_hours: WeeklyHours | null;
  agents: { id: string; schedule: WeeklyHours | null }[] | null;
  exceptions: (TimeOff & { agentId: string })[] | null;
};

/** The company's hours and each agent's (own week or the company's, with their exceptions) around [from, to). */
type LoadedHours = {
  timezone: string;
  company: HoursSpec;
  agents: { id: string; spec: HoursSpec }[];
  exceptions: (TimeOff & { agentId: string })[];
};

/** One query for a company and a range; null when the caller cannot see the company. */
async function loadHours(caller: Caller, companyId: string, from: Date, to: Date): Promise<LoadedHours | null> {
  if (!isUuid(companyId)) return null;
  const db = await getDb();
  // Exceptions of the local days around the range; two days either side cover any time zone.
  const firstDay = addDays(from.toISOString().slice(0, 10), -2);
  const lastDay = addDays(to.toISOString().slice(0, 10), 2);
  const scope = companyScope(caller, sql.raw("co.id"));
  const [row] = await executeRows<Row>(
    db,
    sql`
      SELECT co.timezone, co.opening_hours,
        (SELECT json_agg(json_build_object('id', a.id, 'schedule', a.schedule) ORDER BY a.id)
           FROM agents a WHERE a.app_id = co.app_id AND a.company_id = co.id) AS agents,
        (SELECT json_agg(json_build_object('agentId', t.agent_id, 'kind', t.kind, 'startDate', t.start_date, 'endDate', t.end_date,
                'startTime', t.start_time, 'endTime', t.end_time) ORDER BY t.start_date, t.start_time)
           FROM agent_time_off t
          WHERE t.app_id = co.app_id AND t.company_id = co.id AND t.end_date >= ${firstDay}::date AND t.start_date <= ${lastDay}::date
        ) AS exceptions
      FROM companies co
      WHERE co.app_id = ${caller.appId}::uuid AND co.id = ${companyId}::uuid ${scope ? sql`AND ${scope}` : sql``}`,
  );
  if (!row) return null;
  const exceptions = row.exceptions ?? [];
  return {
    timezone: row.timezone,
    company: hoursSpec({ timezone: row.timezone, opening_hours: row.opening_hours, schedule: null, exceptions: [] }, false),
    agents: (row.agents ?? []).map((a) => ({
      id: a.id,
      spec: hoursSpec(
        { timezone: row.timezone, opening_hours: row.opening_hours, schedule: a.schedule, exceptions: exceptions.filter((e) => e.agentId === a.id) },
        true,
      ),
    })),
    exceptions,
  };
}

/**
 * Open hours over [from, to) for a company and its agents, as wall-clock ranges on its clock.
 * `withHours: false` reads the time off only (a list of appointments marks absent agents).
 */
export async function calendarHours(caller: Caller, companyId: string, from: Date, to: Date, { withHours = true } = {}): Promise<CalendarHours> {
  requireScope(caller, "catalog:read");
  const loaded = await loadHours(caller, companyId, from, to);
  if (!loaded) return { company: null, agents: {}, absences: [] };
  const wall = (spec: HoursSpec): WallRange[] | null =>
    !withHours || alwaysOpen(spec)
      ? null
      : openRanges(spec, from.getTime(), to.getTime()).map((r) => ({
          start: instantToWallClock(new Date(r.start), loaded.timezone),
          end: instantToWallClock(new Date(r.end), loaded.timezone),
        }));
  return {
    company: wall(loaded.company),
    agents: Object.fromEntries(loaded.agents.map((a) => [a.id, wall(a.spec)])),
    absences: loaded.exceptions
      .filter((e) => e.kind !== "extra")
      .map((e) => ({ agentId: e.agentId, startDate: e.startDate, endDate: e.endDate, startTime: e.startTime, endTime: e.endTime })),
  };
}

/**
 * Each agent's working time in [from, to) (a day, for the home page's load), from the same
 * hours a booking is checked against: `minutes` null when no hours are set (open at all
 * times); `timeOff` when time off touches the range (with no minutes left, the agent is absent).
 */
export type WorkingTime = { minutes: number | null; timeOff: boolean };

export async function agentsWorkingTime(caller: Caller, companyId: string, from: Date, to: Date): Promise<Record<string, WorkingTime>> {
  requireScope(caller, "catalog:read");
  const loaded = await loadHours(caller, companyId, from, to);
  if (!loaded) return {};
  const lo = from.getTime();
  const hi = to.getTime();
  const firstDay = localDateOf(lo, loaded.timezone);
  const lastDay = localDateOf(hi - 1, loaded.timezone);
  const out: Record<string, WorkingTime> = {};
  for (const a of loaded.agents) {
    const minutes = alwaysOpen(a.spec)
      ? null
      : openRanges(a.spec, lo, hi).reduce((sum, r) => sum + Math.max(0, Math.min(r.end, hi) - Math.max(r.start, lo)), 0) / 60_000;
    const timeOff = loaded.exceptions.some((e) => e.agentId === a.id && e.kind === "off" && e.startDate <= lastDay && e.endDate >= firstDay);
    out[a.id] = { minutes: minutes === null ? null : Math.round(minutes), timeOff };
  }
  return out;
}
