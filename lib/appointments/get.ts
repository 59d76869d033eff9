import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { appointmentEvents, appointments } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../errors";
import { isUuid } from "../ids";
import { preparedFor } from "../prepared";
import { selectAppointmentDetails, type AppointmentDetail } from "./shape";

/** One appointment of the caller's app and companies; anything else is appointment-not-found. */
export async function getAppointment(caller: Caller, id: string): Promise<AppointmentDetail> {
  requireScope(caller, "appointments:read");
  if (!isUuid(id)) throw new AppError("appointment-not-found");
  const db = await getDb();
  const scoped = caller.companyIds !== "all";
  const query = preparedFor(db, scoped ? "detail:scoped" : "detail", () =>
    selectAppointmentDetails(db, detailWhere(scoped)).limit(1),
  );
  const [row] = (await query.execute({ appId: caller.appId, id, scope: scoped ? [...caller.companyIds] : undefined })) as AppointmentDetail[];
  if (!row) throw new AppError("appointment-not-found");
  return row;
}

/** One appointment by id, within the caller's companies when limited (placeholders: appId, id, scope). */
export function detailWhere(scoped: boolean) {
  return and(
    eq(appointments.appId, sql.placeholder("appId")),
    eq(appointments.id, sql.placeholder("id")),
    scoped ? sql`${appointments.companyId} = ANY(${sql.placeholder("scope")}::uuid[])` : undefined,
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
  return db
    .select({
      id: appointmentEvents.id,
      kind: appointmentEvents.kind,
      fromStatus: appointmentEvents.fromStatus,
      toStatus: appointmentEvents.toStatus,
      actorType: appointmentEvents.actorType,
      actorName: appointmentEvents.actorName,
      reason: appointmentEvents.reason,
      at: appointmentEvents.at,
    })
    .from(appointmentEvents)
    .where(and(eq(appointmentEvents.appId, caller.appId), eq(appointmentEvents.appointmentId, appointmentId)))
    .orderBy(asc(appointmentEvents.at), asc(appointmentEvents.id));
}

export type AppointmentEventView = Awaited<ReturnType<typeof listAppointmentEvents>>[number];
