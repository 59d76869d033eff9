import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { changeStatement } from "./change-sql";
import type { AppointmentJson } from "../contract/events";
import { updateStatusInput, type UpdateStatusInput } from "../contract/appointment-inputs";
import { ALLOWED_FROM, type AppointmentStatus } from "../contract/status";

/**
 * Moves an appointment along the status machine. One statement locks the row, updates it
 * only if its current status allows the move, and records the event with the appointment as
 * it now is: two staff clicking at once cannot both win, and no change goes unrecorded.
 * Answers the appointment as `get` does.
 */
export async function updateAppointmentStatus(caller: Caller, id: string, input: UpdateStatusInput): Promise<AppointmentJson> {
  requireScope(caller, "appointments:status");
  const { status: to, reason: given } = parseInput(updateStatusInput, input);
  // A reason belongs to a cancellation; given with another move it is not kept.
  const reason = to === "CANCELLED" ? given : null;
  if (!isUuid(id)) throw new AppError("appointment-not-found");

  const db = await getDb();
  const [result] = await executeRows<{ current: AppointmentStatus | null; data: AppointmentJson | null }>(
    db,
    statusChangeStatement(caller, id, to, reason),
  );

  if (!result?.current) throw new AppError("appointment-not-found");
  if (!result.data) {
    throw new AppError(
      "invalid-status-transition",
      `Impossible de passer de ${result.current} à ${to}`,
      { details: { from: result.current, to } },
    );
  }
  return result.data;
}

/**
 * The guarded change as one statement: lock the row, update it only from an allowed status,
 * record the event. Answers the status found (null: no such appointment for this caller) and
 * the appointment after the change (null: not allowed). Exported for the benchmark's bare
 * server, which runs the same SQL.
 */
export function statusChangeStatement(caller: Caller, id: string, to: AppointmentStatus, reason: string | null): SQL {
  const allowed = ALLOWED_FROM[to];
  const scope = companyScope(caller, sql.raw("company_id"));
  const allowedList =
    allowed.length === 0
      ? sql`NULL::appointment_status`
      : sql.join(
          allowed.map((s) => sql`${s}::appointment_status`),
          sql`, `,
        );
  const change = sql`
    prev AS (
      SELECT app_id, id, status FROM appointments
      WHERE app_id = ${caller.appId}::uuid AND id = ${id}::uuid ${scope ? sql`AND ${scope}` : sql``}
      FOR UPDATE
    ),
    changed AS (
      UPDATE appointments a SET status = ${to}::appointment_status, updated_at = clock_timestamp()
      FROM prev
      WHERE a.app_id = prev.app_id AND a.id = prev.id AND prev.status IN (${allowedList})
      RETURNING a.*, prev.status AS from_status
    )`;
  return changeStatement(caller, change, { type: "appointment.status_changed", reason }, sql`, (SELECT status FROM prev) AS current`);
}
