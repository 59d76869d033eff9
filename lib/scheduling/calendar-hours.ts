// The hours the calendar shades, made by the same functions that decide a booking
// (hoursSpec + openRanges, as assertWithinWorkingHours), so the grid and the
// `outside-working-hours` rule cannot disagree: the company's week, each agent's own week or
// the company's, with their time off and extra hours. One query for a company and a range.
import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { instantToWallClock } from "../contract/dates";
import type { Absence, TimeOff, WallRange, WeeklyHours } from "../contract/hours";
import { isUuid } from "../contract/ids";
import { addDays, alwaysOpen, openRanges } from "./hours-math";
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

/**
 * Open hours over [from, to) for a company and its agents, as wall-clock ranges on its clock.
 * `withHours: false` reads the time off only (a list of appointments marks absent agents).
 */
export async function calendarHours(caller: Caller, companyId: string, from: Date, to: Date, { withHours = true } = {}): Promise<CalendarHours> {
  requireScope(caller, "catalog:read");
  const none: CalendarHours = { company: null, agents: {}, absences: [] };
  if (!isUuid(companyId)) return none;
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
  if (!row) return none;
  const exceptions = row.exceptions ?? [];
  const wall = (spec: ReturnType<typeof hoursSpec>): WallRange[] | null =>
    !withHours || alwaysOpen(spec)
      ? null
      : openRanges(spec, from.getTime(), to.getTime()).map((r) => ({
          start: instantToWallClock(new Date(r.start), row.timezone),
          end: instantToWallClock(new Date(r.end), row.timezone),
        }));
  const agents: Record<string, WallRange[] | null> = {};
  for (const a of row.agents ?? []) {
    const own = exceptions.filter((e) => e.agentId === a.id);
    agents[a.id] = wall(hoursSpec({ timezone: row.timezone, opening_hours: row.opening_hours, schedule: a.schedule, exceptions: own }, true));
  }
  return {
    company: wall(hoursSpec({ timezone: row.timezone, opening_hours: row.opening_hours, schedule: null, exceptions: [] }, false)),
    agents,
    absences: exceptions
      .filter((e) => e.kind !== "extra")
      .map((e) => ({ agentId: e.agentId, startDate: e.startDate, endDate: e.endDate, startTime: e.startTime, endTime: e.endTime })),
  };
}
