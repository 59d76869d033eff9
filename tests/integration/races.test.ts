// Races need real concurrency: PGlite runs one statement at a time, so these run on the server.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { appointmentEvents, appointments } from "@/db/schema";
import { createAppointment, updateAppointmentStatus } from "@/lib/appointments";
import { makeTenant, type Tenant } from "../support/factories";

describe.runIf(process.env.DATABASE_URL)("concurrency on the PostgreSQL server", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("20 concurrent transitions on one appointment: one change per state, history consistent", async () => {
    const apt = await t.book();
    const wanted = Array.from({ length: 20 }, (_, i) => (i % 2 ? "CONFIRMED" : "CANCELLED"));
    const results = await Promise.allSettled(wanted.map((status) => updateAppointmentStatus(t.owner, apt.id, { status })));
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    // From PENDING, either CONFIRMED then CANCELLED both win once, or CANCELLED wins first and ends it.
    expect(won.length === 1 || won.length === 2).toBe(true);
    expect(lost.every((r) => r.reason.code === "invalid-status-transition")).toBe(true);

    const db = await getDb();
    const events = await db
      .select()
      .from(appointmentEvents)
      .where(and(eq(appointmentEvents.appId, t.appId), eq(appointmentEvents.appointmentId, apt.id)))
      .orderBy(appointmentEvents.at);
    expect(events).toHaveLength(1 + won.length);
    for (let i = 1; i < events.length; i++) expect(events[i].fromStatus).toBe(events[i - 1].toStatus);
    const [row] = await db.select().from(appointments).where(and(eq(appointments.appId, t.appId), eq(appointments.id, apt.id)));
    expect(row.status).toBe(events[events.length - 1].toStatus);
    expect(row.status).toBe("CANCELLED");
  });

  it("20 concurrent confirms: exactly one wins", async () => {
    const apt = await t.book();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => updateAppointmentStatus(t.owner, apt.id, { status: "CONFIRMED" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("30 concurrent creates for one agent and slot: exactly one succeeds, the rest agent-unavailable", async () => {
    const date = t.nextSlot();
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        createAppointment(t.owner, {
          serviceId: t.serviceA.id,
          customerId: t.customer.id,
          agentId: t.agentA.id,
          // Overlapping, not only identical, starts.
          date: new Date(date.getTime() + (i % 5) * 5 * 60_000),
          filledFields: { type_coupe: "classique" },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    // Anything but agent-unavailable is printed whole, so a failure says what happened.
    expect(failed.map((r) => r.reason.code ?? String(r.reason))).toEqual(Array(29).fill("agent-unavailable"));
    const db = await getDb();
    const rows = await db
      .select()
      .from(appointments)
      .where(and(eq(appointments.appId, t.appId), eq(appointments.agentId, t.agentA.id), eq(appointments.date, new Date(date.getTime() + 0))));
    expect(rows.length).toBeLessThanOrEqual(1);
  });
});
