import "server-only";
import { Placeholder, type SQL, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireManager, requireScope, scopeCompanies } from "../auth/caller";
import { AppError, pgErrorCode } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { preparedStatement } from "../prepared";
import { appointmentAgentLockCte } from "./agent-lock";
import { changeStatement } from "./change-sql";
import type { AppointmentJson } from "../contract/events";
import { updateStatusInput, type UpdateStatusInput } from "../contract/appointment-inputs";
import { ALLOWED_FROM, type AppointmentStatus, type CancellationKind, NO_SHOW_UNDO_MS } from "../contract/status";

/** The clock the rules that depend on the time read (tests inject theirs). */
export type Clock = { now?: Date };

/**
 * Moves an appointment along the status machine. One statement locks the row, updates it
 * only if its current status allows the move, and records the event with the appointment as
 * it now is: two staff clicking at once cannot both win, and no change goes unrecorded.
 * A cancellation of kind `no-show` is allowed only from CONFIRMED once the start has passed.
 * Answers the appointment as `get` does.
 */
export async function updateAppointmentStatus(
  caller: Caller,
  id: string,
  input: UpdateStatusInput,
  clock: Clock = {},
): Promise<AppointmentJson> {
  requireScope(caller, "appointments:status");
  const { status: to, reason: given, kind: asked } = parseInput(updateStatusInput, input);
  // A reason belongs to a cancellation; given with another move it is not kept.
  const reason = to === "CANCELLED" ? given : null;
  const kind: CancellationKind | null = to === "CANCELLED" ? (asked ?? "cancelled") : null;
  if (!isUuid(id)) throw new AppError("appointment-not-found");

  const db = await getDb();
  const now = clock.now ?? new Date();
  // Built and turned into text once per shape (target, kind, scoped or not), then only run:
  // building this statement cost more CPU per request than PostgreSQL spends running it.
  const scoped = caller.companyIds !== "all";
  const statement = preparedStatement(db, `status:${to}:${kind ?? ""}:${scoped ? "S" : ""}`, () => {
    const ph = sql.placeholder;
    const bound = { ...caller, appId: ph("appId"), actor: { type: ph("actorType"), id: ph("actorId"), name: ph("actorName") } };
    return statusChangeStatement(bound as unknown as Caller, ph("id") as unknown as string, to, to === "CANCELLED" ? (ph("reason") as unknown as string) : null, {
      kind,
      now: ph("now"),
      scope: ph("scope"),
    });
  });
  const [result] = await statement.execute<{ current: AppointmentStatus | null; data: AppointmentJson | null }>({
    appId: caller.appId,
    id,
    actorType: caller.actor.type,
    actorId: caller.actor.id,
    actorName: caller.actor.name,
    reason,
    now: now.toISOString(),
    scope: scopeCompanies(caller),
  });

  if (!result?.current) throw new AppError("appointment-not-found");
  if (!result.data) {
    const message =
      kind === "no-show"
        ? "Seul un rendez-vous confirmé dont l'heure est passée peut être marqué absent"
        : `Impossible de passer de ${result.current} à ${to}`;
    throw new AppError("invalid-status-transition", message, { details: { from: result.current, to, ...(kind === "no-show" ? { kind } : {}) } });
  }
  return result.data;
}

/**
 * The guarded change as one statement: lock the row, update it only from an allowed status
 * (a no-show: from CONFIRMED, started by `now`), record the event. Answers the status found
 * (null: no such appointment for this caller) and the appointment after the change (null: not
 * allowed). Exported for the benchmark's bare server, which runs the same SQL.
 */
export function statusChangeStatement(
  caller: Caller,
  id: string,
  to: AppointmentStatus,
  reason: string | null,
  options: { kind?: CancellationKind | null; now?: Date | Placeholder; scope?: Placeholder } = {},
): SQL {
  const kind = options.kind ?? (to === "CANCELLED" ? "cancelled" : null);
  const allowed = kind === "no-show" ? (["CONFIRMED"] as const) : ALLOWED_FROM[to];
  const scope = companyScope(caller, sql.raw("company_id"), options.scope);
  const allowedList =
    allowed.length === 0
      ? sql`NULL::appointment_status`
      : sql.join(
          allowed.map((s) => sql`${s}::appointment_status`),
          sql`, `,
        );
  const now = options.now instanceof Placeholder ? options.now : (options.now ?? new Date()).toISOString();
  const started = kind === "no-show" ? sql`AND prev.date <= ${now}::timestamptz` : sql``;
  const change = sql`
    prev AS (
      SELECT app_id, id, status, date FROM appointments
      WHERE app_id = ${caller.appId}::uuid AND id = ${id}::uuid ${scope ? sql`AND ${scope}` : sql``}
      FOR UPDATE
    ),
    changed AS (
      UPDATE appointments a SET status = ${to}::appointment_status, updated_at = clock_timestamp(),
        cancellation_kind = ${kind}::text, cancellation_reason = ${kind ? reason : null}::text
      FROM prev
      WHERE a.app_id = prev.app_id AND a.id = prev.id AND prev.status IN (${allowedList}) ${started}
      RETURNING a.*, prev.status AS from_status
    )`;
  const details = kind === "no-show" ? { kind } : null;
  return changeStatement(caller, change, { type: "appointment.status_changed", reason, details }, sql`, (SELECT status FROM prev) AS current`);
}

/**
 * Takes a no-show back (the customer came after all, or it was marked by mistake): owners and
 * admins only, within 24 hours of it being recorded; the appointment is CONFIRMED again and the
 * undo recorded. Its slot must still be free (agent-unavailable otherwise). A cancelled
 * appointment is never changed after its cancellation, so its updated_at is when it was recorded.
 */
export async function undoNoShow(caller: Caller, id: string, clock: Clock = {}): Promise<AppointmentJson> {
  requireScope(caller, "appointments:status");
  requireManager(caller);
  if (!isUuid(id)) throw new AppError("appointment-not-found");
  const now = clock.now ?? new Date();
  const since = new Date(now.getTime() - NO_SHOW_UNDO_MS).toISOString();
  const scope = companyScope(caller, sql.raw("company_id"));
  // Active again, the row meets the exclusion constraint like a booking: the agent's lock first.
  const change = sql`
    ${appointmentAgentLockCte(caller.appId, id)},
    prev AS (
      SELECT app_id, id, status, cancellation_kind, updated_at FROM appointments
      WHERE app_id = ${caller.appId}::uuid AND id = ${id}::uuid ${scope ? sql`AND ${scope}` : sql``}
        AND EXISTS (SELECT FROM agent_lock)
      FOR UPDATE
    ),
    changed AS (
      UPDATE appointments a SET status = 'CONFIRMED', cancellation_kind = NULL, cancellation_reason = NULL, updated_at = clock_timestamp()
      FROM prev
      WHERE a.app_id = prev.app_id AND a.id = prev.id AND prev.status = 'CANCELLED' AND prev.cancellation_kind = 'no-show'
        AND prev.updated_at > ${since}::timestamptz
      RETURNING a.*, prev.status AS from_status
    )`;
  const db = await getDb();
  let result: { current: AppointmentStatus | null; data: AppointmentJson | null } | undefined;
  try {
    [result] = await executeRows<{ current: AppointmentStatus | null; data: AppointmentJson | null }>(
      db,
      changeStatement(caller, change, { type: "appointment.status_changed", details: { undo: "no-show" } }, sql`, (SELECT status FROM prev) AS current`),
    );
  } catch (err) {
    // The slot was booked meanwhile: the exclusion constraint refuses the return.
    if (pgErrorCode(err) === "23P01") throw new AppError("agent-unavailable");
    throw err;
  }
  if (!result?.current) throw new AppError("appointment-not-found");
  if (!result.data) {
    throw new AppError("invalid-status-transition", "Seule une absence enregistrée il y a moins de 24 heures peut être annulée", {
      details: { from: result.current, to: "CONFIRMED" },
    });
  }
  return result.data;
}
