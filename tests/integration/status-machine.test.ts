import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { appointmentEvents, appointments } from "@/db/schema";
import { updateAppointmentStatus } from "@/lib/appointments";
import { APPOINTMENT_STATUSES, canTransition, type AppointmentStatus } from "@/lib/contract/status";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

/** Walks a fresh appointment to `status` through allowed moves. */
async function appointmentIn(t: Tenant, status: AppointmentStatus) {
  const path: Record<AppointmentStatus, AppointmentStatus[]> = {
    PENDING: [],
    CONFIRMED: ["CONFIRMED"],
    IN_PROGRESS: ["CONFIRMED", "IN_PROGRESS"],
    COMPLETED: ["CONFIRMED", "IN_PROGRESS", "COMPLETED"],
    CANCELLED: ["CANCELLED"],
  };
  const apt = await t.book();
  for (const step of path[status]) await updateAppointmentStatus(t.owner, apt.id, { status: step });
  return apt.id;
}

async function stateOf(appId: string, id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ status: appointments.status, updatedAt: appointments.updatedAt })
    .from(appointments)
    .where(and(eq(appointments.appId, appId), eq(appointments.id, id)));
  const events = await db
    .select()
    .from(appointmentEvents)
    .where(and(eq(appointmentEvents.appId, appId), eq(appointmentEvents.appointmentId, id)));
  return { ...row, events };
}

describe("status machine through the database (every pair of statuses)", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  const pairs = APPOINTMENT_STATUSES.flatMap((from) => APPOINTMENT_STATUSES.map((to) => [from, to] as const));
  it("covers 25 pairs", () => expect(pairs).toHaveLength(25));

  it.each(pairs)("%s → %s", async (from, to) => {
    const id = await appointmentIn(t, from);
    const before = await stateOf(t.appId, id);
    expect(before.status).toBe(from);

    if (canTransition(from, to)) {
      const updated = await updateAppointmentStatus(t.owner, id, { status: to, reason: "test" });
      expect(updated.status).toBe(to);
      const after = await stateOf(t.appId, id);
      expect(after.status).toBe(to);
      expect(after.events).toHaveLength(before.events.length + 1);
      const event = after.events.find((e) => !before.events.some((b) => b.id === e.id))!;
      // A reason is kept for a cancellation only.
      expect(event).toMatchObject({ fromStatus: from, toStatus: to, reason: to === "CANCELLED" ? "test" : null, actorName: "Test owner" });
    } else {
      expect(await codeOf(() => updateAppointmentStatus(t.owner, id, { status: to }))).toBe("invalid-status-transition");
      const after = await stateOf(t.appId, id);
      expect(after.status).toBe(from);
      expect(after.events).toHaveLength(before.events.length);
      expect(after.updatedAt.getTime()).toBe(before.updatedAt.getTime());
    }
  });

  it("accepts the REST aliases and answers upper case", async () => {
    const id = await appointmentIn(t, "PENDING");
    expect((await updateAppointmentStatus(t.owner, id, { status: "confirmed" })).status).toBe("CONFIRMED");
    expect((await updateAppointmentStatus(t.owner, id, { status: "inProgress" })).status).toBe("IN_PROGRESS");
    expect((await updateAppointmentStatus(t.owner, id, { status: "completed" })).status).toBe("COMPLETED");
  });

  it("refuses an unknown status as validation-error", async () => {
    const id = await appointmentIn(t, "PENDING");
    expect(await codeOf(() => updateAppointmentStatus(t.owner, id, { status: "DONE" }))).toBe("validation-error");
    expect((await stateOf(t.appId, id)).status).toBe("PENDING");
  });
});
