import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, requireScope } from "../auth/caller";
import { AppError } from "../errors";
import { isUuid } from "../ids";
import { parseInput } from "../validation/parse";
import { getAppointment } from "./get";
import { updateStatusInput, type UpdateStatusInput } from "./schemas";
import { ALLOWED_FROM, type AppointmentStatus } from "./status";

/**
 * Moves an appointment along the status machine. One statement locks the row, updates it
 * only if its current status allows the move, and writes the event: two staff clicking at
 * once cannot both win, and no change goes unrecorded.
 */
export async function updateAppointmentStatus(caller: Caller, id: string, input: UpdateStatusInput) {
  requireScope(caller, "appointments:status");
  const { status: to, reason } = parseInput(updateStatusInput, input);
  if (!isUuid(id)) throw new AppError("appointment-not-found");

  const db = await getDb();
  const [result] = await executeRows<{ current: AppointmentStatus | null; changed: number }>(
    db,
    statusChangeStatement(caller, id, to, reason),
  );

  if (!result?.current) throw new AppError("appointment-not-found");
  if (Number(result.changed) !== 1) {
    throw new AppError(
      "invalid-status-transition",
      `Impossible de passer de ${result.current} à ${to}`,
      { details: { from: result.current, to } },
    );
  }
  return getAppointment(caller, id);
}

/**
 * The guarded change as one statement: lock the row, update it only from an allowed status,
 * write the event. Answers the status found (null: no such appointment for this caller) and
 * whether it changed. Exported for the benchmark's bare server, which runs the same SQL.
 */
export function statusChangeStatement(caller: Caller, id: string, to: AppointmentStatus, reason: string | null): SQL {
  const allowed = ALLOWED_FROM[to];
  const companies = caller.companyIds === "all" ? null : [...caller.companyIds];
  const companyFilter =
    companies === null
      ? sql``
      : companies.length === 0
        ? sql`AND false`
        : sql`AND company_id IN (${sql.join(
            companies.map((c) => sql`${c}::uuid`),
            sql`, `,
          )})`;
  const allowedList =
    allowed.length === 0
      ? sql`NULL::appointment_status`
      : sql.join(
          allowed.map((s) => sql`${s}::appointment_status`),
          sql`, `,
        );
  return sql`
    WITH prev AS (
      SELECT app_id, id, status FROM appointments
      WHERE app_id = ${caller.appId}::uuid AND id = ${id}::uuid ${companyFilter}
      FOR UPDATE
    ), upd AS (
      UPDATE appointments a SET status = ${to}::appointment_status, updated_at = clock_timestamp()
      FROM prev
      WHERE a.app_id = prev.app_id AND a.id = prev.id AND prev.status IN (${allowedList})
      RETURNING a.app_id, a.id, prev.status AS from_status
    ), ev AS (
      INSERT INTO appointment_events (app_id, appointment_id, from_status, to_status, kind, actor_type, actor_id, actor_name, reason)
      SELECT app_id, id, from_status, ${to}::appointment_status, 'status', ${caller.actor.type}::actor_type,
             ${caller.actor.id}, ${caller.actor.name}, ${reason}
      FROM upd
      RETURNING 1
    )
    SELECT (SELECT status FROM prev) AS current, (SELECT count(*) FROM ev)::int AS changed
  `;
}
