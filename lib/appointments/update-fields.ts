import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { appointmentEvents, appointments, services } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { filledFieldsSchema } from "../catalog/fields";
import { AppError, validationError } from "../errors";
import { isUuid } from "../ids";
import { parseInput } from "../validation/parse";
import { actorColumns } from "./events";
import { getAppointment } from "./get";
import { updateFieldsInput, type UpdateFieldsInput } from "./schemas";
import { ACTIVE_STATUSES } from "./status";

/**
 * Replaces an active appointment's filledFields, checked against its service's fields.
 * The price stays as booked. The update is guarded on the status, so a fields change cannot
 * slip in after the appointment was completed or cancelled.
 */
export async function updateAppointmentFields(caller: Caller, id: string, input: UpdateFieldsInput) {
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

  const changed = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(appointments)
      .set({ filledFields: parsed.data, updatedAt: sql`now()` })
      .where(
        and(
          eq(appointments.appId, caller.appId),
          eq(appointments.id, id),
          inArray(appointments.status, [...ACTIVE_STATUSES]),
        ),
      )
      .returning({ status: appointments.status });
    if (!row) return false;
    await tx.insert(appointmentEvents).values({
      appId: caller.appId,
      appointmentId: id,
      fromStatus: row.status,
      toStatus: row.status,
      kind: "fields",
      ...actorColumns(caller),
    });
    return true;
  });
  if (!changed) {
    throw new AppError("invalid-status-transition", "Un rendez-vous terminé ou annulé ne peut plus être modifié", {
      details: { status: current.status },
    });
  }
  return getAppointment(caller, id);
}
