import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError, pgErrorCode } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { ACTIVE_STATUSES, isActive, type AppointmentStatus } from "../contract/status";
import type { AppointmentJson } from "../contract/events";
import { rescheduleInput, type RescheduleInput } from "../contract/appointment-inputs";
import { assertWithinWorkingHours } from "../scheduling/working-hours";
import { agentLockCte } from "./agent-lock";
import { APPOINTMENT_JOINS, APPOINTMENT_JSON, changeStatement } from "./change-sql";

/** The appointment to move as it is now, and whether the agent asked for may take it. */
export type MoveCurrent = {
  status: AppointmentStatus;
  companyId: string;
  serviceId: string;
  /** Exact (microseconds), for the guard of the write. */
  dateIso: string;
  date: Date;
  end: Date;
  agentId: string | null;
  agentName: string | null;
  /** Minutes the agent is kept busy around the appointment (copied from the service at booking). */
  bufferBefore: number;
  bufferAfter: number;
  /** Whether the target agent (when one is asked for) is active in the company and performs the service. */
  targetAgentOk: boolean;
  targetAgentName: string | null;
  data: AppointmentJson;
};

/** Where the appointment goes; null agent: unassigned. */
export type MoveTarget = { date: Date; end: Date; agentId: string | null };

/**
 * Every rule a move must pass before it is written, in one place: the status, the agent. (The
 * overlap rule is the database's exclusion constraint, checked by the write itself.) Answers the
 * target, or null when nothing would change. Rules that need more than the row (an agent's
 * working hours) are added here.
 */
export function planMove(current: MoveCurrent, move: { date?: Date; agentId?: string | null }): MoveTarget | null {
  if (!isActive(current.status)) {
    throw new AppError("invalid-status-transition", "Un rendez-vous terminé ou annulé ne peut plus être déplacé", {
      details: { status: current.status },
    });
  }
  const date = move.date ?? current.date;
  const agentId = move.agentId === undefined ? current.agentId : move.agentId;
  if (date.getTime() === current.date.getTime() && agentId === current.agentId) return null;
  if (agentId !== null && agentId !== current.agentId && !current.targetAgentOk) throw new AppError("agent-not-found");
  // The booked length is kept, whatever the service's duration is today.
  const end = new Date(date.getTime() + (current.end.getTime() - current.date.getTime()));
  return { date, end, agentId };
}

/**
 * Moves an active appointment to another start and/or agent (`agentId: null` unassigns). The
 * status and the booked length are kept. One guarded statement writes the move and its
 * `appointment.moved` event, and only if the appointment is still where it was read: of two
 * moves at once one wins and the other answers `appointment-changed`; a slot taken meanwhile
 * answers `agent-unavailable` (the exclusion constraint). A move to where it already is answers
 * the appointment and records nothing. Answers the appointment as `get` does.
 */
export async function rescheduleAppointment(
  caller: Caller,
  id: string,
  input: RescheduleInput,
  options: { forceHours?: boolean; now?: Date } = {},
): Promise<AppointmentJson> {
  requireScope(caller, "appointments:write");
  const move = parseInput(rescheduleInput, input);
  if (!isUuid(id)) throw new AppError("appointment-not-found");
  if (move.agentId && !isUuid(move.agentId)) throw new AppError("agent-not-found");

  const db = await getDb();
  const [row] = await executeRows<MoveRow>(db, moveCheckStatement(caller, id, move.agentId ?? null));
  if (!row) throw new AppError("appointment-not-found");
  const current = toCurrent(row);
  const target = planMove(current, move);
  if (!target) return current.data;
  // The new place must be inside the agent's (or, unassigned, the company's) hours; only owners
  // and admins may force it, and the event then says so.
  const { outsideHours } = await assertWithinWorkingHours(db, caller, {
    companyId: current.companyId,
    agentId: target.agentId,
    start: target.date,
    end: target.end,
    bufferBefore: current.bufferBefore,
    bufferAfter: current.bufferAfter,
    keepsStart: target.date.getTime() === current.date.getTime(),
    force: options.forceHours,
    now: options.now,
  });

  const statement = moveStatement(caller, id, current, target, move.reason, outsideHours);
  let result: { data: AppointmentJson | null; current: AppointmentStatus | null } | undefined;
  try {
    [result] = await executeRows<NonNullable<typeof result>>(db, statement);
  } catch (err) {
    const code = pgErrorCode(err);
    // Moves and bookings onto one agent queue on the agent's lock (agent-lock.ts): the later
    // meets the earlier's row here.
    if (code === "23P01") throw new AppError("agent-unavailable");
    // The agent deleted between the check and the write.
    if (code === "23503") throw new AppError("agent-not-found");
    throw err;
  }
  if (!result?.current) throw new AppError("appointment-not-found");
  if (result.data) return result.data;
  if (!isActive(result.current)) {
    throw new AppError("invalid-status-transition", "Un rendez-vous terminé ou annulé ne peut plus être déplacé", {
      details: { status: result.current },
    });
  }
  throw new AppError("appointment-changed");
}

/** The row moveCheckStatement answers. */
export type MoveRow = {
  status: AppointmentStatus;
  company_id: string;
  service_id: string;
  date_iso: string;
  end_iso: string;
  agent_id: string | null;
  agent_name: string | null;
  buffer_before: number;
  buffer_after: number;
  target_ok: boolean;
  target_name: string | null;
  j: AppointmentJson;
};

export function toCurrent(r: MoveRow): MoveCurrent {
  return {
    status: r.status,
    companyId: r.company_id,
    serviceId: r.service_id,
    dateIso: r.date_iso,
    date: new Date(r.date_iso),
    end: new Date(r.end_iso),
    agentId: r.agent_id,
    agentName: r.agent_name,
    bufferBefore: Number(r.buffer_before),
    bufferAfter: Number(r.buffer_after),
    targetAgentOk: r.target_ok,
    targetAgentName: r.target_name,
    data: typeof r.j === "string" ? JSON.parse(r.j) : r.j,
  };
}

const exactIso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The appointment as it is (scoped to the caller's companies) and the target agent's check.
 * Exported, as moveStatement, for the benchmark's bare server to run the very same statements.
 */
export function moveCheckStatement(caller: Caller, id: string, targetAgentId: string | null): SQL {
  const scope = companyScope(caller, sql.raw("a.company_id"));
  return sql`
    SELECT a.status, a.company_id, a.service_id, ${sql.raw(exactIso("a.date"))} AS date_iso, ${sql.raw(exactIso('a."end"'))} AS end_iso,
      a.agent_id, g.fullname AS agent_name, a.buffer_before, a.buffer_after, t.fullname AS target_name,
      (t.id IS NOT NULL AND t.is_active AND EXISTS (
        SELECT 1 FROM agent_services x WHERE x.app_id = a.app_id AND x.agent_id = t.id AND x.service_id = a.service_id
      )) AS target_ok,
      ${sql.raw(APPOINTMENT_JSON)} AS j
    FROM appointments a ${sql.raw(APPOINTMENT_JOINS)}
    LEFT JOIN agents t ON t.app_id = a.app_id AND t.company_id = a.company_id AND t.id = ${targetAgentId}::uuid
    WHERE a.app_id = ${caller.appId}::uuid AND a.id = ${id}::uuid ${scope ? sql`AND ${scope}` : sql``}`;
}

/**
 * The move as one statement: take the target agent's lock (agent-lock.ts), lock the row, move it only if it is still active and where it was
 * read, record the event. Answers the status found (null: no such appointment) and the
 * appointment after the move (null: not moved).
 */
export function moveStatement(caller: Caller, id: string, from: MoveCurrent, to: MoveTarget, reason: string | null, outsideHours: boolean): SQL {
  const scope = companyScope(caller, sql.raw("company_id"));
  const active = sql.join(
    ACTIVE_STATUSES.map((s) => sql`${s}::appointment_status`),
    sql`, `,
  );
  const toDate = to.date.toISOString();
  const lock = agentLockCte(to.agentId);
  const change = sql`
    ${lock ? sql`${lock},` : sql``}
    prev AS (
      SELECT app_id, id, status, date, agent_id FROM appointments
      WHERE app_id = ${caller.appId}::uuid AND id = ${id}::uuid ${scope ? sql`AND ${scope}` : sql``}
        ${lock ? sql`AND EXISTS (SELECT FROM agent_lock)` : sql``}
      FOR UPDATE
    ),
    changed AS (
      UPDATE appointments a
      SET date = ${toDate}::timestamptz, "end" = ${toDate}::timestamptz + (a."end" - a.date),
          agent_id = ${to.agentId}::uuid, updated_at = clock_timestamp()
      FROM prev
      WHERE a.app_id = prev.app_id AND a.id = prev.id AND prev.status IN (${active})
        AND prev.date = ${from.dateIso}::timestamptz AND prev.agent_id IS NOT DISTINCT FROM ${from.agentId}::uuid
      RETURNING a.*, prev.status AS from_status
    )`;
  return changeStatement(
    caller,
    change,
    { type: "appointment.moved", reason, details: moveDetails(from, to, outsideHours) },
    sql`, (SELECT status FROM prev) AS current`,
  );
}

/** The `appointment.moved` event's details: where from, where to, and whether it was forced. */
export function moveDetails(from: MoveCurrent, to: MoveTarget, outsideHours: boolean) {
  return {
    fromDate: from.date.toISOString(),
    toDate: to.date.toISOString(),
    fromAgentId: from.agentId,
    toAgentId: to.agentId,
    fromAgentName: from.agentName,
    toAgentName: to.agentId === from.agentId ? from.agentName : to.agentId ? from.targetAgentName : null,
    ...(outsideHours ? { outsideHours: true } : {}),
  };
}
