// Free slots: three statements per search whatever the number of agents and days (the service
// with its company's hours and the agents who perform it, and the appointment being moved; their
// time off; their blocked ranges), then the slots are computed in memory on the company's clock
// (hours-math).
import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { type AvailabilitySearchInput, availabilitySearchInput, MAX_SLOTS, type Slot, type TimeOff, type WeeklyHours } from "../contract/hours";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { addDays, findFreeSlots, type Range } from "./hours-math";
import { hoursSpec } from "./working-hours";

type ServiceRow = {
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
  const scope = companyScope(caller, sql.raw("s.company_id"));
  const [service] = await executeRows<ServiceRow>(
    db,
    sql`
      SELECT s.id, s.is_active, s.duration, s.buffer_before, s.buffer_after, co.timezone, co.opening_hours, co.min_notice_minutes,
        (SELECT json_agg(json_build_object('id', a.id, 'schedule', a.schedule) ORDER BY a.id)
           FROM agents a JOIN agent_services x ON x.app_id = a.app_id AND x.agent_id = a.id AND x.service_id = s.id
          WHERE a.app_id = s.app_id AND a.company_id = s.company_id AND a.is_active
            ${q.agentId ? sql`AND a.id = ${q.agentId}::uuid` : sql``}) AS agents,
        (SELECT json_build_object('lengthMs', (extract(epoch FROM (m."end" - m.date)) * 1000)::bigint,
                'before', m.buffer_before, 'after', m.buffer_after)
           FROM appointments m
          WHERE m.app_id = s.app_id AND m.company_id = s.company_id AND m.service_id = s.id AND m.id = ${movingId}::uuid) AS moving
      FROM services s JOIN companies co ON co.app_id = s.app_id AND co.id = s.company_id
      WHERE s.app_id = ${caller.appId}::uuid AND s.id = ${q.serviceId}::uuid ${scope ? sql`AND ${scope}` : sql``}`,
  );
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

  const ids = agents.map((a) => a.id);
  const before = bufferBefore * 60_000;
  const reach = (duration + bufferAfter) * 60_000;
  const firstDay = addDays(new Date(from).toISOString().slice(0, 10), -2);
  const lastDay = addDays(new Date(to + reach).toISOString().slice(0, 10), 2);
  const [exceptions, busy] = await Promise.all([
    executeRows<TimeOff>(
      db,
      sql`
        SELECT agent_id AS "agentId", kind, start_date::text AS "startDate", end_date::text AS "endDate", start_time AS "startTime", end_time AS "endTime"
        FROM agent_time_off
        WHERE app_id = ${caller.appId}::uuid AND agent_id = ANY(${sql.param(ids)}::uuid[]) AND end_date >= ${firstDay}::date AND start_date <= ${lastDay}::date`,
    ),
    // Blocked ranges that reach into the window; `date` bounds the index scan (an appointment
    // and its buffers last at most a day and 8 hours).
    executeRows<{ agent_id: string; f: string; t: string }>(
      db,
      sql`
        SELECT agent_id, to_char(blocked_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS f,
               to_char(blocked_to AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t
        FROM appointments
        WHERE app_id = ${caller.appId}::uuid AND agent_id = ANY(${sql.param(ids)}::uuid[])
          AND status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS')
          ${movingId ? sql`AND id <> ${movingId}::uuid` : sql``}
          AND date < ${new Date(to + reach + 240 * 60_000).toISOString()}::timestamptz
          AND date > ${new Date(from - before - 2 * 86_400_000).toISOString()}::timestamptz
          AND blocked_to > ${new Date(from - before).toISOString()}::timestamptz
          AND blocked_from < ${new Date(to + reach).toISOString()}::timestamptz`,
    ),
  ]);

  const busyOf = new Map<string, Range[]>();
  for (const b of busy) {
    const list = busyOf.get(b.agent_id) ?? [];
    list.push({ start: Date.parse(b.f), end: Date.parse(b.t) });
    busyOf.set(b.agent_id, list);
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
