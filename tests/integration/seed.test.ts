// The demo seed and what reads it, at three injected instants on the demo companies' clock
// (Africa/Abidjan, UTC+0), never at the machine's hour: a closed Sunday night, a Monday
// before opening, a Wednesday noon. Every company must open on work to do.
import { and, eq, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";
import { apiKeys, appointmentEvents, appointments, companies, customers, services } from "@/db/schema";
import { deleteDemo, refreshDemo, seedDemo } from "@/lib/demo/seed";
import { DEMO } from "@/lib/demo/catalog";
import { createAppointment } from "@/lib/appointments";
import { companyOverview } from "@/lib/appointments/overview";
import { canTransition, isActive, type AppointmentStatus } from "@/lib/contract/status";
import { workDay } from "@/lib/appointments/work-day";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { systemCaller, type Caller } from "@/lib/auth/caller";
import { dayRange } from "@/lib/contract/dates";

const TZ = "Africa/Abidjan";
const caller = systemCaller(DEMO.appId);
const inApp = (t: { appId: PgColumn }) => eq(t.appId, DEMO.appId);

type Row = { id: string; company_id: string; status: AppointmentStatus; date: Date; end: Date; agent_id: string | null };

async function demoAppointments(): Promise<Row[]> {
  const rows = await executeRows<Row>(
    await getDb(),
    sql`SELECT id, company_id, status, date, "end", agent_id FROM appointments WHERE app_id = ${DEMO.appId}::uuid`,
  );
  return rows.map((r) => ({ ...r, date: new Date(r.date), end: new Date(r.end) }));
}

async function demoCompanies() {
  return (await getDb()).select({ id: companies.id, slug: companies.slug, timezone: companies.timezone }).from(companies).where(inApp(companies));
}

const onDay = (rows: Row[], companyId: string, day: { start: Date; end: Date }) =>
  rows.filter((r) => r.company_id === companyId && r.date >= day.start && r.date < day.end);

const INSTANTS = [
  { when: "a Sunday 23:30, a closed day", now: new Date("2026-12-06T23:30:00Z"), workDay: "2026-12-07", today: "closed" },
  { when: "a Monday 06:00, before opening", now: new Date("2026-12-07T06:00:00Z"), workDay: "2026-12-07", today: "waiting" },
  { when: "a Wednesday noon, a day under way", now: new Date("2026-12-09T12:00:00Z"), workDay: "2026-12-09", today: "under way" },
] as const;

describe.each(INSTANTS)("demo seed at $when", ({ now, today, ...expected }) => {
  beforeAll(async () => {
    const db = await getDb();
    await deleteDemo(db);
    await seedDemo(db, now);
  });

  it("makes two companies, their services, 40 customers and ~300 appointments in every status (running ones while open)", async () => {
    const db = await getDb();
    expect((await db.select().from(companies).where(inApp(companies))).length).toBe(2);
    expect((await db.select().from(services).where(inApp(services))).length).toBeGreaterThanOrEqual(6);
    expect((await db.select().from(customers).where(inApp(customers))).length).toBe(40);
    const rows = await demoAppointments();
    expect(rows.length).toBeGreaterThan(250);
    expect(rows.length).toBeLessThan(400);
    const running = today === "under way" ? ["IN_PROGRESS"] : [];
    expect([...new Set(rows.map((r) => r.status))].sort()).toEqual(["CANCELLED", "COMPLETED", "CONFIRMED", ...running, "PENDING"]);
  });

  it("opens on a journal of messages: sent ones for what happened, reminders waiting for what comes", async () => {
    const rows = await executeRows<{ trigger: string; state: string; channel: string; due_at: Date; sent_at: Date | null }>(
      await getDb(),
      sql`SELECT trigger, state, channel, due_at, sent_at FROM messages WHERE app_id = ${DEMO.appId}::uuid`,
    );
    const sent = rows.filter((r) => r.state === "sent");
    expect(sent.length).toBeGreaterThan(100);
    expect(new Set(sent.map((r) => r.trigger))).toEqual(new Set(["received", "confirmed", "cancelled", "reminder-day-before", "reminder-hours-before"]));
    expect(rows.every((r) => r.channel === "journal")).toBe(true);
    for (const r of sent) expect(new Date(r.sent_at!).getTime()).toBeLessThanOrEqual(now.getTime());
    for (const r of rows.filter((x) => x.state === "scheduled")) expect(new Date(r.due_at).getTime()).toBeGreaterThan(now.getTime());
    expect(rows.some((r) => r.state === "scheduled")).toBe(true);
  });

  it("keeps every appointment inside the demo companies' opening hours (Mon–Sat 08:00–19:00)", async () => {
    const [company] = await executeRows<{ opening_hours: unknown }>(await getDb(), sql`SELECT opening_hours FROM companies WHERE app_id = ${DEMO.appId}::uuid LIMIT 1`);
    expect(company.opening_hours).toMatchObject({ mon: [{ start: "08:00", end: "19:00" }], sat: [{ start: "08:00", end: "19:00" }] });
    expect(company.opening_hours).not.toHaveProperty("sun");
    for (const a of await demoAppointments()) {
      // Abidjan is UTC+0: the UTC clock is the companies' clock.
      const start = a.date.getUTCHours() * 60 + a.date.getUTCMinutes();
      const end = start + (a.end.getTime() - a.date.getTime()) / 60_000;
      expect(a.date.getUTCDay(), a.date.toISOString()).not.toBe(0);
      expect(start >= 8 * 60 && end <= 19 * 60, `${a.date.toISOString()} – ${a.end.toISOString()}`).toBe(true);
    }
  });

  it("plans statuses that fit the clock: nothing done in the future, nothing waiting today that is over", async () => {
    const rows = await demoAppointments();
    for (const r of rows) {
      if (r.date > now) expect(["PENDING", "CONFIRMED", "CANCELLED"]).toContain(r.status);
      if (r.status === "COMPLETED" || r.status === "IN_PROGRESS") expect(r.date.getTime()).toBeLessThanOrEqual(now.getTime());
    }
    const day = dayRange(now, TZ);
    const overToday = rows.filter((r) => r.date >= day.start && r.end <= now && isActive(r.status));
    expect(overToday).toEqual([]);
  });

  it(`lays out today as ${today} for every company, and opens the dashboard on ${expected.workDay}`, async () => {
    const rows = await demoAppointments();
    const day = dayRange(now, TZ);
    for (const company of await demoCompanies()) {
      const todays = onDay(rows, company.id, day);
      const statuses = new Set(todays.map((r) => r.status));
      if (today === "closed") expect(todays).toEqual([]);
      if (today === "waiting") {
        expect(todays.filter((r) => isActive(r.status)).length).toBeGreaterThan(0);
        expect(statuses.has("COMPLETED") || statuses.has("IN_PROGRESS")).toBe(false);
      }
      if (today === "under way") {
        expect(statuses.has("COMPLETED") || statuses.has("CANCELLED"), "something done").toBe(true);
        expect(statuses.has("IN_PROGRESS"), "something running").toBe(true);
        expect(statuses.has("PENDING") || statuses.has("CONFIRMED"), "something waiting").toBe(true);
      }

      const opened = await workDay(caller, company, now);
      expect(opened.day).toBe(expected.workDay);
      expect(opened.isToday).toBe(today !== "closed");
      const waiting = onDay(rows, company.id, opened).filter((r) => r.status === "PENDING" || r.status === "CONFIRMED");
      expect(waiting.length, `${company.slug} has appointments waiting on ${opened.day}`).toBeGreaterThan(0);
    }
  });

  it("gives the home page work to show: counts and next appointments of the work day", async () => {
    for (const company of await demoCompanies()) {
      const overview = await companyOverview(caller, company, now);
      const active = overview.counts.PENDING + overview.counts.CONFIRMED + overview.counts.IN_PROGRESS;
      expect(active).toBeGreaterThan(0);
      expect(overview.upcoming.length).toBeGreaterThan(0);
      for (const a of overview.upcoming) expect(a.end.getTime()).toBeGreaterThanOrEqual(now.getTime());
    }
  });

  it("writes a history that leads to each appointment's status through allowed moves, all before now", async () => {
    const db = await getDb();
    const rows = await db
      .select({ id: appointments.id, status: appointments.status, from: appointmentEvents.fromStatus, to: appointmentEvents.toStatus, at: appointmentEvents.at })
      .from(appointments)
      .innerJoin(appointmentEvents, and(eq(appointmentEvents.appId, appointments.appId), eq(appointmentEvents.appointmentId, appointments.id)))
      .where(eq(appointments.appId, DEMO.appId))
      .orderBy(appointments.id, appointmentEvents.at);
    const byId = new Map<string, typeof rows>();
    for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
    expect(byId.size).toBe((await demoAppointments()).length);
    for (const events of byId.values()) {
      expect(events[0].from).toBeNull();
      for (let i = 1; i < events.length; i++) {
        expect(events[i].from).toBe(events[i - 1].to);
        expect(canTransition(events[i].from!, events[i].to)).toBe(true);
      }
      expect(events[events.length - 1].to).toBe(events[0].status);
      for (const e of events) expect(e.at.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });
});

describe("demo refresh", () => {
  const monday = new Date("2026-12-07T06:00:00Z");
  const wednesday = new Date("2026-12-09T12:00:00Z");
  let kept: string;
  let byPerson: Caller;

  beforeAll(async () => {
    const db = await getDb();
    await deleteDemo(db);
    await seedDemo(db, monday);
    // Someone books in the demo on Monday, a month ahead: a refresh must not take it away.
    const [service] = await db.select().from(services).where(and(inApp(services), eq(services.slug, "coupe-homme")));
    const [customer] = await db.select().from(customers).where(inApp(customers));
    byPerson = { ...caller, actor: { type: "user", id: "00000000-0000-4000-8000-000000000001", name: "Réception" } };
    kept = (
      await createAppointment(byPerson, {
        serviceId: service.id,
        customerId: customer.id,
        date: new Date("2027-01-11T10:00:00Z"),
        filledFields: { type_coupe: "classique" },
      })
    ).id;
  });

  it("does nothing on the day it was planned", async () => {
    const before = (await demoAppointments()).map((r) => r.id).sort();
    expect(await refreshDemo(await getDb(), new Date("2026-12-07T18:00:00Z"))).toBe(false);
    expect((await demoAppointments()).map((r) => r.id).sort()).toEqual(before);
  });

  it("plans the demo again around a later day: the same shape, histories moved with their appointments, other bookings kept", async () => {
    const before = await demoAppointments();
    expect(await refreshDemo(await getDb(), wednesday)).toBe(true);
    const after = await demoAppointments();
    expect(Math.abs(after.length - before.length)).toBeLessThan(60);
    expect(after.map((r) => r.id)).toContain(kept);

    const day = dayRange(wednesday, TZ);
    for (const company of await demoCompanies()) {
      const statuses = new Set(onDay(after, company.id, day).map((r) => r.status));
      expect(statuses.has("IN_PROGRESS")).toBe(true);
      expect(statuses.has("PENDING") || statuses.has("CONFIRMED")).toBe(true);
      expect((await workDay(caller, company, wednesday)).day).toBe("2026-12-09");
    }
    // Each appointment's history sits with it: created before it starts, nothing after the clock.
    const stray = await executeRows<{ n: number }>(
      await getDb(),
      sql`SELECT count(*)::int AS n FROM appointment_events e JOIN appointments a ON a.app_id = e.app_id AND a.id = e.appointment_id
          WHERE a.app_id = ${DEMO.appId}::uuid AND a.id <> ${kept}::uuid
            AND (e.at > ${wednesday.toISOString()}::timestamptz OR (e.from_status IS NULL AND e.at > a.date))`,
    );
    expect(Number(stray[0].n)).toBe(0);
    // The next refresh the same day leaves it alone.
    expect(await refreshDemo(await getDb(), new Date("2026-12-09T20:00:00Z"))).toBe(false);
  });
});

describe("demo API key", () => {
  it("authenticates, and only its digest is stored", async () => {
    const db = await getDb();
    await deleteDemo(db);
    await seedDemo(db, new Date("2026-12-09T12:00:00Z"));
    const auth = await authenticateApiKey(DEMO.appId, DEMO.apiKey);
    expect(auth?.caller.appId).toBe(DEMO.appId);
    const [key] = await db.select().from(apiKeys).where(eq(apiKeys.appId, DEMO.appId));
    expect(key.digest).not.toContain(DEMO.apiKey);
  });
});
