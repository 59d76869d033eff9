// Concurrency over HTTP: bursts of bookings for one slot and of status changes for one
// appointment. Exactly one wins; every other answer is the documented conflict, never a 500.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { appointments } from "@/db/schema";
import { type ApiTenant, makeApiTenant } from "./support/api";

let t: ApiTenant;

beforeAll(async () => {
  t = await makeApiTenant("Races");
});

describe("races", () => {
  it("30 concurrent bookings of one agent's slot: one 201, the rest agent-unavailable", async () => {
    const start = t.nextSlot().getTime();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.call("appointments/create", {
          serviceId: t.serviceA.id,
          customerId: t.customer.id,
          agentId: t.agentA.id,
          // Overlapping, not only identical, starts.
          date: new Date(start + (i % 5) * 5 * 60_000).toISOString(),
          filledFields: { type_coupe: "classique" },
        }),
      ),
    );
    const outcome = answers.map((a) => `${a.status} ${a.body?.error?.code ?? ""}`.trim()).sort();
    expect(outcome).toEqual(["201", ...Array(29).fill("409 agent-unavailable")].sort());
    const db = await getDb();
    const [{ n }] = await db
      .select({ n: count() })
      .from(appointments)
      .where(and(eq(appointments.appId, t.appId), eq(appointments.agentId, t.agentA.id)));
    expect(Number(n)).toBe(1);
  });

  it("20 concurrent confirmations of one appointment: one 200, the rest invalid-status-transition", async () => {
    const booked = await t.book();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.call(`appointments/${booked.id}/status`, { status: "CONFIRMED" })),
    );
    const outcome = answers.map((a) => `${a.status} ${a.body?.error?.code ?? ""}`.trim()).sort();
    expect(outcome).toEqual(["200", ...Array(19).fill("409 invalid-status-transition")].sort());
  });
});
