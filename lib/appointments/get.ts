import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { appointmentEvents, appointments } from "@/db/schema";
import { type Caller, companyScope, requireScope, scopeCompanies } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { preparedFor } from "../prepared";
import type { AppointmentEventType } from "../contract/events";
import { selectAppointmentDetails, type AppointmentDetail } from "./shape";

/** One appointment of the caller's app and companies; anything else is appointment-not-found. */
export async function getAppointment(caller: Caller, id: string): Promise<AppointmentDetail> {
  requireScope(caller, "appointments:read");
  if (!isUuid(id)) throw new AppError("appointment-not-found");
  const db = await getDb();
  const scoped = caller.companyIds !== "all";
  const query = preparedFor(db, scoped ? "detail:scoped" : "detail", () =>
    selectAppointmentDetails(db, detailWhere(caller)).limit(1),
  );
  const [row] = (await query.execute({ appId: caller.appId, id, scope: scopeCompanies(caller) })) as AppointmentDetail[];
  if (!row) throw new AppError("appointment-not-found");
  return row;
}

/** One appointment by id, within the caller's companies when limited (placeholders: appId, id, scope). */
export function detailWhere(caller: Caller) {
  return and(
    eq(appointments.appId, sql.placeholder("appId")),
    eq(appointments.id, sql.placeholder("id")),
    companyScope(caller, appointments.companyId, sql.placeholder("scope")),
  );
}

/** The appointment's history, oldest first: its creation and every change. */
export async function listAppointmentEvents(caller: Caller, appointmentId: string) {
  requireScope(caller, "appointments:read");
  if (!isUuid(appointmentId)) throw new AppError("appointment-not-found");
  const db = await getDb();
  const owned = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.appId, caller.appId),
        eq(appointments.id, appointmentId),
        companyScope(caller, appointments.companyId),
      ),
    )
    .limit(1);
  if (owned.length === 0) throw new AppError("appointment-not-found");
  const rows = await db
    .select({
      id: appointmentEvents.id,
      type: appointmentEvents.type,
      fromStatus: appointmentEvents.fromStatus,
      toStatus: appointmentEvents.toStatus,
      actorType: appointmentEvents.actorType,
      actorName: appointmentEvents.actorName,
      reason: appointmentEvents.reason,
      details: appointmentEvents.details,
      at: appointmentEvents.at,
    })
    .from(appointmentEvents)
    .where(and(eq(appointmentEvents.appId, caller.appId), eq(appointmentEvents.appointmentId, appointmentId)))
    .orderBy(asc(appointmentEvents.id));
  return rows.map((e) => ({ ...e, id: String(e.id), kind: historyKind(e.type) }));
}

/** How the drawer's history groups events: a status change, a fields change or a move. */
function historyKind(type: AppointmentEventType): "status" | "fields" | "moved" {
  if (type === "appointment.fields_updated") return "fields";
  if (type === "appointment.moved") return "moved";
  return "status";
}

export type AppointmentEventView = Awaited<ReturnType<typeof listAppointmentEvents>>[number];
