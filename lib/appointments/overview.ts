import "server-only";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { executeRows, withReadDb } from "@/db";
import { agents, appointments } from "@/db/schema";
import { type Caller, canSeeCompany, requireScope } from "../auth/caller";
import { TZDate } from "@date-fns/tz";
import { subWeeks } from "date-fns/subWeeks";
import { localDateKey, weekRange } from "../contract/dates";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { countAppointmentsByStatus } from "./list";
import { selectAppointments } from "./shape";
import { ACTIVE_STATUSES } from "../contract/status";
import { agentsWorkingTime } from "../scheduling/calendar-hours";
import { workDay } from "./work-day";

/**
 * The work day at a glance for one company, cut in its time zone: counts per status, what
 * comes next, revenue of completed appointments this week against last week (per day, and up
 * to the same weekday and time, so a Wednesday compares with last Monday to Wednesday, not the
 * whole week), and each active agent's load against their working time that day (the hours
 * rule of lib/scheduling: null when no hours are set; 0 with time off: absent). The work day is today, or the next day with work
 * once today has none left (workDay). `now` is the caller's clock (tests pass one).
 */
export async function companyOverview(caller: Caller, company: { id: string; timezone: string }, now = new Date()) {
  requireScope(caller, "appointments:read");
  if (!isUuid(company.id) || !canSeeCompany(caller, company.id)) throw new AppError("company-not-found");
  const today = await workDay(caller, company, now);
  const thisWeek = weekRange(now, company.timezone);
  const lastWeek = weekRange(now, company.timezone, -1);
  // The same wall-clock moment a week ago (a clock change in between moves the instant, not the hour).
  const sameMomentLastWeek = new Date(subWeeks(new TZDate(now.getTime(), company.timezone), 1).getTime());
  const inCompany = and(eq(appointments.appId, caller.appId), eq(appointments.companyId, company.id));

  // Figures that tolerate a short delay: on the replica when there is one (read-your-writes kept).
  const [counts, working, [upcoming, revenueRows, loadRows]] = await Promise.all([
    countAppointmentsByStatus(caller, { companyId: company.id, from: today.start, to: today.end }),
    agentsWorkingTime(caller, company.id, today.start, today.end),
    withReadDb(caller.readAfter, (db) =>
      Promise.all([
        selectAppointments(
          db,
          and(inCompany, inArray(appointments.status, [...ACTIVE_STATUSES]), gte(appointments.end, now), lt(appointments.date, today.end)),
        )
          .orderBy(asc(appointments.date), asc(appointments.id))
          .limit(8),
        // Per local day; the part of last week before the same moment counted apart (its day is split).
        executeRows<{ day: string; revenue: number; beforeSameMoment: number }>(
          db,
          sql`SELECT to_char(date AT TIME ZONE ${company.timezone}, 'YYYY-MM-DD') AS day, sum(total_price)::bigint AS revenue,
                     coalesce(sum(total_price) FILTER (WHERE date < ${sameMomentLastWeek.toISOString()}::timestamptz), 0)::bigint AS "beforeSameMoment"
              FROM appointments
              WHERE app_id = ${caller.appId}::uuid AND company_id = ${company.id}::uuid AND status = 'COMPLETED'
                AND date >= ${lastWeek.start.toISOString()}::timestamptz AND date < ${thisWeek.end.toISOString()}::timestamptz
              GROUP BY 1`,
        ),
        db
          .select({
            agentId: agents.id,
            fullname: agents.fullname,
            appointments: sql<number>`count(${appointments.id})::int`,
            minutes: sql<number>`coalesce(sum(extract(epoch from (${appointments.end} - ${appointments.date})) / 60), 0)::int`,
          })
          .from(agents)
          .leftJoin(
            appointments,
            and(
              eq(appointments.appId, agents.appId),
              eq(appointments.agentId, agents.id),
              inArray(appointments.status, [...ACTIVE_STATUSES, "COMPLETED"]),
              gte(appointments.date, today.start),
              lt(appointments.date, today.end),
            ),
          )
          .where(and(eq(agents.appId, caller.appId), eq(agents.companyId, company.id), eq(agents.isActive, true)))
          .groupBy(agents.id, agents.fullname)
          .orderBy(asc(agents.fullname)),
      ]),
    ),
  ]);

  const revenueByDay = new Map(revenueRows.map((r) => [r.day, Number(r.revenue)]));
  const week = (range: { start: Date }) =>
    Array.from({ length: 7 }, (_, i) => {
      const day = localDateKey(new Date(range.start.getTime() + (i * 24 + 12) * 3_600_000), company.timezone);
      return { day, revenue: revenueByDay.get(day) ?? 0 };
    });
  const current = week(thisWeek);
  const previous = week(lastWeek);
  return {
    today,
    counts,
    upcoming,
    revenue: {
      thisWeek: current,
      lastWeek: previous,
      thisWeekTotal: current.reduce((a, d) => a + d.revenue, 0),
      lastWeekTotal: previous.reduce((a, d) => a + d.revenue, 0),
      /** Last week from its Monday up to `sameMomentLastWeek`: what this week so far compares with. */
      lastWeekToDateTotal: revenueRows.reduce((a, r) => a + Number(r.beforeSameMoment), 0),
      sameMomentLastWeek,
    },
    agentLoad: loadRows.map((r) => ({
      ...r,
      appointments: Number(r.appointments),
      minutes: Number(r.minutes),
      workMinutes: working[r.agentId]?.minutes ?? null,
      timeOff: working[r.agentId]?.timeOff ?? false,
    })),
  };
}

export type CompanyOverview = Awaited<ReturnType<typeof companyOverview>>;
