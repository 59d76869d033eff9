import { and, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";
import { apiKeys, appointmentEvents, appointments, companies, customers, services } from "@/db/schema";
import { deleteDemo, seedDemo } from "@/db/seed";
import { DEMO } from "@/db/seed/demo-catalog";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { canTransition } from "@/lib/appointments/status";

describe("demo seed", () => {
  beforeAll(async () => {
    const db = await getDb();
    await deleteDemo(db);
    await seedDemo(db);
  });

  it("makes two companies, their services, 40 customers and ~300 appointments in every status", async () => {
    const db = await getDb();
    const inApp = (t: { appId: PgColumn }) => eq(t.appId, DEMO.appId);
    expect((await db.select().from(companies).where(inApp(companies))).length).toBe(2);
    expect((await db.select().from(services).where(inApp(services))).length).toBeGreaterThanOrEqual(6);
    expect((await db.select().from(customers).where(inApp(customers))).length).toBe(40);
    const statuses = await db
      .select({ status: appointments.status, n: sql<number>`count(*)::int` })
      .from(appointments)
      .where(inApp(appointments))
      .groupBy(appointments.status);
    const total = statuses.reduce((a, s) => a + Number(s.n), 0);
    expect(total).toBeGreaterThan(250);
    expect(total).toBeLessThan(360);
    expect(statuses.map((s) => s.status).sort()).toEqual(["CANCELLED", "COMPLETED", "CONFIRMED", "IN_PROGRESS", "PENDING"]);
  });

  it("gives every company work today", async () => {
    const db = await getDb();
    const rows = await executeRows<{ company_id: string; n: number }>(
      db,
      sql`SELECT company_id, count(*)::int AS n FROM appointments
          WHERE app_id = ${DEMO.appId}::uuid AND (date AT TIME ZONE 'Africa/Abidjan')::date = (now() AT TIME ZONE 'Africa/Abidjan')::date
            AND status IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS')
          GROUP BY company_id`,
    );
    expect(rows).toHaveLength(2);
  });

  it("writes a history that leads to each appointment's status through allowed moves", async () => {
    const db = await getDb();
    const rows = await db
      .select({ id: appointments.id, status: appointments.status, from: appointmentEvents.fromStatus, to: appointmentEvents.toStatus })
      .from(appointments)
      .innerJoin(appointmentEvents, and(eq(appointmentEvents.appId, appointments.appId), eq(appointmentEvents.appointmentId, appointments.id)))
      .where(eq(appointments.appId, DEMO.appId))
      .orderBy(appointments.id, appointmentEvents.at);
    const byId = new Map<string, typeof rows>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    for (const events of byId.values()) {
      expect(events[0].from).toBeNull();
      for (let i = 1; i < events.length; i++) {
        expect(events[i].from).toBe(events[i - 1].to);
        expect(canTransition(events[i].from!, events[i].to)).toBe(true);
      }
      expect(events[events.length - 1].to).toBe(events[0].status);
    }
  });

  it("prints a demo API key that authenticates", async () => {
    const auth = await authenticateApiKey(DEMO.appId, DEMO.apiKey);
    expect(auth?.caller.appId).toBe(DEMO.appId);
    const db = await getDb();
    const [key] = await db.select().from(apiKeys).where(eq(apiKeys.appId, DEMO.appId));
    expect(key.digest).not.toContain(DEMO.apiKey);
  });
});
