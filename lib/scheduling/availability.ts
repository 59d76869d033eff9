// Free slots: one statement per search whatever the number of agents and days (the service with
// its company's hours, the agents who perform it, the appointment being moved, their time off and
// their blocked ranges), then the slots are computed in memory on the company's clock
// (hours-math).
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { type AvailabilitySearchInput, availabilitySearchInput, MAX_SLOTS, type Slot, type TimeOff, type WeeklyHours } from "../contract/hours";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { addDays, findFreeSlots, type Range } from "./hours-math";
import { hoursSpec } from "./working-hours";

type SearchRow = {
  id: string;
  is_active: boolean;
  duration: number;
  buffer_before: number;
  buffer_after: number;
  timezone: string;
  opening_hours: WeeklyHours | null;
  min_notice_minutes: number;
  agents: { id: string; schedule: WeeklyHours | null }[] | null;
  /** The appointment being moved (appointmentId), of this service: its booked length (ms) and buffers. */
  moving: { lengthMs: number; before: number; after: number } | null;
  /** The agents' time off and extra hours that touch the window. */
  exceptions: TimeOff[] | null;
  /** The agents' blocked ranges that reach into the window: [agent, from ms, to ms]. */
  busy: [string, number | string, number | string][] | null;
};

export type AvailabilityAnswer = { data: Slot[]; nextFrom: Date | null };

/**
 * The free starts in [from, to) (never before now, nor before the company's minimum notice for
 * an API key), for each active agent who performs the service (or the one asked), sorted by
 * start then agent; at most 2 000, then `nextFrom` continues. With `appointmentId` (a move:
 * "Déplacer", or an API client), the slots fit that appointment as booked: its length and
 * buffers are kept by a move whatever the service's are today, and its own place is free.
 */
export async function searchAvailability(
  caller: Caller,
  input: AvailabilitySearchInput,
  options: { now?: Date; limit?: number } = {},
): Promise<AvailabilityAnswer> {
  requireScope(caller, "appointments:read");
  const q = parseInput(availabilitySearchInput, input);
  if (!isUuid(q.serviceId)) throw new AppError("service-not-found");
  if (q.agentId !== undefined && !isUuid(q.agentId)) throw new AppError("agent-not-found");
  if (q.appointmentId !== undefined && !isUuid(q.appointmentId)) throw new AppError("appointment-not-found");
  const movingId = q.appointmentId ?? null;
  const db = await getDb();
  const [service] = await executeRows<SearchRow>(db, searchStatement(caller, q.serviceId, q.agentId ?? null, movingId, q.from, q.to));
  if (!service) throw new AppError("service-not-found");
  if (movingId && !service.moving) throw new AppError("appointment-not-found");
  // A booking of a service no longer offered may still be moved.
  if (!service.is_active && !movingId) throw new AppError("service-not-found", "Ce service n'est plus proposé");
  // What the slot must hold: the appointment as booked when moving one, else the service today.
  const duration = service.moving ? Number(service.moving.lengthMs) / 60_000 : service.duration;
  const bufferBefore = service.moving ? Number(service.moving.before) : service.buffer_before;
  const bufferAfter = service.moving ? Number(service.moving.after) : service.buffer_after;
  const agents = service.agents ?? [];
  if (q.agentId && agents.length === 0) throw new AppError("agent-not-found");

  const now = (options.now ?? new Date()).getTime();
  const notice = caller.actor.type === "api_key" ? service.min_notice_minutes * 60_000 : 0;
  const from = Math.max(q.from.getTime(), now + notice);
  const to = q.to.getTime();
  if (agents.length === 0 || from >= to) return { data: [], nextFrom: null };
  const exceptions = service.exceptions ?? [];
  const busy = service.busy ?? [];

  const busyOf = new Map<string, Range[]>();
  for (const [agentId, start, end] of busy) {
    const list = busyOf.get(agentId) ?? [];
    list.push({ start: Number(start), end: Number(end) });
    busyOf.set(agentId, list);
  }
  const { slots, nextFrom } = findFreeSlots({
    from,
    to,
    step: q.step,
    duration,
    bufferBefore,
    bufferAfter,
    timezone: service.timezone,
    agents: agents.map((a) => ({
      id: a.id,
      hours: hoursSpec(
        { timezone: service.timezone, opening_hours: service.opening_hours, schedule: a.schedule, exceptions: exceptions.filter((e) => e.agentId === a.id) },
        true,
      ),
      busy: busyOf.get(a.id) ?? [],
    })),
    limit: options.limit ?? MAX_SLOTS,
  });
  return {
    data: slots.map((s) => ({ agentId: s.agentId, start: new Date(s.start), end: new Date(s.end) })),
    nextFrom: nextFrom === null ? null : new Date(nextFrom),
  };
}

const DAY_MS = 86_400_000;

/**
 * Everything a search reads, as one row (none when the service is not in the caller's
 * companies). Time off and blocked ranges are read for the asked window, a little wider (the
 * search itself may start later, at now or the notice): a superset is harmless.
 */
function searchStatement(caller: Caller, serviceId: string, agentId: string | null, movingId: string | null, from: Date, to: Date): SQL {
  const scope = companyScope(caller, sql.raw("s.company_id"));
  // Any zone's local days of the window: its UTC days, two either side (as working-hours.ts).
  const firstDay = addDays(from.toISOString().slice(0, 10), -2);
  const lastDay = addDays(new Date(to.getTime() + DAY_MS).toISOString().slice(0, 10), 2);
  const ms = (column: string) => sql.raw(`floor(extract(epoch FROM ${column}) * 1000)::bigint`);
  return sql`
    WITH sv AS (
      SELECT s.app_id, s.company_id, s.id, s.is_active, s.duration, s.buffer_before, s.buffer_after,
        co.timezone, co.opening_hours, co.min_notice_minutes,
        m.id AS moving_id, (extract(epoch FROM (m."end" - m.date)) * 1000)::bigint AS moving_ms, m.buffer_before AS moving_before, m.buffer_after AS moving_after
      FROM services s JOIN companies co ON co.app_id = s.app_id AND co.id = s.company_id
      LEFT JOIN appointments m ON m.app_id = s.app_id AND m.company_id = s.company_id AND m.service_id = s.id AND m.id = ${movingId}::uuid
      WHERE s.app_id = ${caller.appId}::uuid AND s.id = ${serviceId}::uuid ${scope ? sql`AND ${scope}` : sql``}
    ),
    ag AS (
      SELECT a.id, a.schedule FROM sv
      JOIN agents a ON a.app_id = sv.app_id AND a.company_id = sv.company_id AND a.is_active
      JOIN agent_services x ON x.app_id = a.app_id AND x.agent_id = a.id AND x.service_id = sv.id
      ${agentId ? sql`WHERE a.id = ${agentId}::uuid` : sql``}
    ),
    -- How far before and after a start the agent must be free: the moved appointment as booked, else the service.
    reach AS (
      SELECT make_interval(mins => coalesce(moving_before, buffer_before)) AS before,
             coalesce(moving_ms * interval '1 millisecond', duration * interval '1 minute') + make_interval(mins => coalesce(moving_after, buffer_after)) AS after
      FROM sv
    )
    SELECT sv.id, sv.is_active, sv.duration, sv.buffer_before, sv.buffer_after, sv.timezone, sv.opening_hours, sv.min_notice_minutes,
      (SELECT json_agg(json_build_object('id', ag.id, 'schedule', ag.schedule) ORDER BY ag.id) FROM ag) AS agents,
      CASE WHEN sv.moving_id IS NULL THEN NULL
           ELSE json_build_object('lengthMs', sv.moving_ms, 'before', sv.moving_before, 'after', sv.moving_after) END AS moving,
      (SELECT json_agg(json_build_object('agentId', t.agent_id, 'kind', t.kind, 'startDate', t.start_date::text, 'endDate', t.end_date::text,
                                         'startTime', t.start_time, 'endTime', t.end_time))
         FROM agent_time_off t
        WHERE t.app_id = sv.app_id AND t.agent_id IN (SELECT id FROM ag) AND t.end_date >= ${firstDay}::date AND t.start_date <= ${lastDay}::date) AS exceptions,
      -- Blocked ranges that reach into the window; date bounds the index scan (an appointment
      -- and its buffers last at most a day and 8 hours).
      (SELECT json_agg(json_build_array(b.agent_id, ${ms("b.blocked_from")}, ${ms("b.blocked_to")}))
         FROM appointments b, reach r
        WHERE b.app_id = sv.app_id AND b.agent_id IN (SELECT id FROM ag)
          AND b.status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS')
          ${movingId ? sql`AND b.id <> ${movingId}::uuid` : sql``}
          AND b.date < ${to.toISOString()}::timestamptz + r.after + interval '240 minutes'
          AND b.date > ${from.toISOString()}::timestamptz - r.before - interval '2 days'
          AND b.blocked_to > ${from.toISOString()}::timestamptz - r.before
          AND b.blocked_from < ${to.toISOString()}::timestamptz + r.after) AS busy
    FROM sv`;
}
