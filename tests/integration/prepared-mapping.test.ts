// Prepared queries map their rows with a function made once per selection (lib/prepared.ts)
// instead of Drizzle's per-row mapping: the result must be exactly Drizzle's, nested objects,
// key order, decoded values (dates, JSON) and a left-joined part null when absent included.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { appointments } from "@/db/schema";
import { getAppointment, listAppointments } from "@/lib/appointments";
import { selectAppointmentDetails, selectAppointments } from "@/lib/appointments/shape";
import { makeTenant, type Tenant } from "../support/factories";

describe("prepared queries' row mapping", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  async function byDrizzle(id: string) {
    const db = await getDb();
    const [row] = await selectAppointmentDetails(db, and(eq(appointments.appId, t.appId), eq(appointments.id, id))).limit(1);
    return row;
  }

  it("gives what Drizzle's own mapping gives, with an agent and without one", async () => {
    const withAgent = await t.book();
    const withoutAgent = await t.book({ agentId: null, date: t.nextSlot().toISOString() });
    for (const { id } of [withAgent, withoutAgent]) {
      const prepared = await getAppointment(t.owner, id);
      const drizzle = await byDrizzle(id);
      expect(prepared).toEqual(drizzle);
      // Same keys in the same order: the API's JSON is the same text.
      expect(JSON.stringify(prepared)).toBe(JSON.stringify(drizzle));
    }
    const plain = await getAppointment(t.owner, withoutAgent.id);
    expect(plain.agent).toBeNull();
    expect(plain.date).toBeInstanceOf(Date);
    expect((await getAppointment(t.owner, withAgent.id)).agent).not.toBeNull();
  });

  it("maps a list page as Drizzle does, row by row", async () => {
    const withAgent = await t.book();
    const withoutAgent = await t.book({ agentId: null, date: t.nextSlot().toISOString() });
    const page = await listAppointments(t.owner, { companyId: t.companyA.id, limit: 200 });
    const db = await getDb();
    const drizzle = await selectAppointments(db, and(eq(appointments.appId, t.appId), eq(appointments.companyId, t.companyA.id))).orderBy(
      asc(appointments.date),
      asc(appointments.id),
    );
    expect(page.data.map((a) => a.id)).toEqual(expect.arrayContaining([withAgent.id, withoutAgent.id]));
    expect(page.data).toEqual(drizzle);
    expect(JSON.stringify(page.data)).toBe(JSON.stringify(drizzle));
    expect(page.data.find((a) => a.id === withoutAgent.id)!.agent).toBeNull();
    expect(page.data.find((a) => a.id === withAgent.id)!.agent).not.toBeNull();
    expect(page.data[0].date).toBeInstanceOf(Date);
  });
});
