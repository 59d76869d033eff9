// Appointments in a given state, and what the database holds of one: shared by the tests of
// the status machine, moves and no-shows.
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { appointmentEvents, appointments } from "@/db/schema";
import { updateAppointmentStatus } from "@/lib/appointments";
import type { AppointmentStatus } from "@/lib/contract/status";
import type { Tenant } from "./factories";

/** The allowed moves that lead from PENDING to each status. */
const PATH: Record<AppointmentStatus, AppointmentStatus[]> = {
  PENDING: [],
  CONFIRMED: ["CONFIRMED"],
  IN_PROGRESS: ["CONFIRMED", "IN_PROGRESS"],
  COMPLETED: ["CONFIRMED", "IN_PROGRESS", "COMPLETED"],
  CANCELLED: ["CANCELLED"],
};

/** A fresh appointment of the tenant, walked to `status` through allowed moves. */
export async function appointmentIn(t: Tenant, status: AppointmentStatus) {
  const apt = await t.book();
  for (const step of PATH[status]) await updateAppointmentStatus(t.owner, apt.id, { status: step });
  return apt;
}

/** The appointment's row and its events, oldest first, as stored. */
export async function stateOf(appId: string, id: string) {
  const db = await getDb();
  const [row] = await db.select().from(appointments).where(and(eq(appointments.appId, appId), eq(appointments.id, id)));
  const events = await db
    .select()
    .from(appointmentEvents)
    .where(and(eq(appointmentEvents.appId, appId), eq(appointmentEvents.appointmentId, id)))
    .orderBy(asc(appointmentEvents.id));
  return { row, events };
}
