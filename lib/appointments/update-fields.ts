import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { appointments, services } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { filledFieldsSchema } from "../contract/fields";
import { AppError, validationError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { changeStatement } from "./change-sql";
import type { AppointmentJson } from "../contract/events";
import { updateFieldsInput, type UpdateFieldsInput } from "../contract/appointment-inputs";
import { ACTIVE_STATUSES } from "../contract/status";

/**
 * Replaces an active appointment's filledFields, checked against its service's fields.
 * The price stays as booked. The update is guarded on the status, so a fields change cannot
 * slip in after the appointment was completed or cancelled; it is recorded in the same statement.
 */
export async function updateAppointmentFields(caller: Caller, id: string, input: UpdateFieldsInput): Promise<AppointmentJson> {
  requireScope(caller, "appointments:write");
  const { filledFields } = parseInput(updateFieldsInput, input);
  if (!isUuid(id)) throw new AppError("appointment-not-found");
  const db = await getDb();
  const [current] = await db
    .select({ status: appointments.status, fields: services.fields })
    .from(appointments)
    .innerJoin(services, and(eq(services.appId, appointments.appId), eq(services.id, appointments.serviceId)))
    .where(and(eq(appointments.appId, caller.appId), eq(appointments.id, id), companyScope(caller, appointments.companyId)))
    .limit(1);
  if (!current) throw new AppError("appointment-not-found");

  const parsed = filledFieldsSchema(current.fields).safeParse(filledFields);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((i) => ({ ...i, path: ["filledFields", ...i.path] })),
      "Les champs du service ne sont pas valides",
    );
  }

  const active = sql.join(
    ACTIVE_STATUSES.map((s) => sql`${s}::appointment_status`),
    sql`, `,
  );
  const change = sql`
    changed AS (
      UPDATE appointments a SET filled_fields = ${JSON.stringify(parsed.data)}::jsonb, updated_at = clock_timestamp()
      WHERE a.app_id = ${caller.appId}::uuid AND a.id = ${id}::uuid AND a.status IN (${active})
      RETURNING a.*, a.status AS from_status
    )`;
  const [row] = await executeRows<{ data: AppointmentJson | null }>(db, changeStatement(caller, change, { type: "appointment.fields_updated" }));
  if (!row?.data) {
    throw new AppError("invalid-status-transition", "Un rendez-vous terminé ou annulé ne peut plus être modifié", {
      details: { status: current.status },
    });
  }
  return row.data;
}
