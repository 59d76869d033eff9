import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";
import { createAppointment, listAppointmentEvents } from "@/lib/appointments";
import { rescheduleAppointment } from "@/lib/appointments/reschedule";
import { createAgent, createService, getService } from "@/lib/catalog";
import type { Caller } from "@/lib/auth/caller";
import { createTimeOff, deleteTimeOff, getAgentSchedule, listTimeOff, setAgentSchedule, setCompanyHours } from "@/lib/scheduling/settings";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

// Europe/Paris changes to summer time on Sunday 2031-03-30 (02:00 → 03:00): the Friday before
// opens at 09:00 = 08:00Z, the Monday after at 09:00 = 07:00Z.
const WEEK = { start: "09:00", end: "12:00" };
const AFTERNOON = { start: "14:00", end: "18:00" };
const week = { mon: [WEEK, AFTERNOON], tue: [WEEK, AFTERNOON], wed: [WEEK, AFTERNOON], thu: [WEEK, AFTERNOON], fri: [WEEK, AFTERNOON], sat: [WEEK] };

describe("working hours and time off (Europe/Paris, across a DST change)", () => {
  let t: Tenant;
  let agent: { id: string };
  const bookB = (date: string, as?: Caller, agentId: string | null = agent.id, options?: { forceHours?: boolean; now?: Date }) =>
    createAppointment(as ?? t.owner, { serviceId: t.serviceB.id, customerId: t.customer.id, agentId: agentId ?? undefined, date }, options);

  beforeAll(async () => {
    t = await makeTenant();
    agent = await createAgent(t.owner, { companyId: t.companyB.id, fullname: "Inès Martin", serviceIds: [t.serviceB.id] });
  });

  it("is open at all times until the company sets hours", async () => {
    await bookB("2031-03-23T02:00:00Z");
    expect((await getAgentSchedule(t.owner, agent.id)).effective).toBeNull();
  });

  it("refuses outside the company's hours, with the hours of that day, on each side of the change", async () => {
    await setCompanyHours(t.owner, t.companyB.id, { hours: week });
    // Friday 28 March: 09:00 Paris = 08:00Z; 07:30Z is 08:30 there.
    await bookB("2031-03-28T08:00:00Z");
    const err = await bookB("2031-03-28T07:30:00Z").catch((e) => e);
    expect(err.code).toBe("outside-working-hours");
    expect(err.status).toBe(409);
    expect(err.message).toContain("vendredi 28 mars");
    expect(err.message).toContain("09:00–12:00, 14:00–18:00");
    // Monday 31 March, summer time: 09:00 Paris = 07:00Z.
    await bookB("2031-03-31T07:00:00Z");
    // 11:00–12:00 fits, 11:30–12:30 runs into lunch.
    await bookB("2031-03-31T09:00:00Z");
    expect(await codeOf(() => bookB("2031-03-31T09:30:00Z"))).toBe("outside-working-hours");
    // Sunday: closed all day.
    const sunday = await bookB("2031-03-30T10:00:00Z").catch((e) => e);
    expect(sunday.message).toContain("ne travaille pas le dimanche 30 mars");
  });

  it("an appointment without an agent only needs the company open", async () => {
    await bookB("2031-04-01T12:00:00Z", undefined, null);
    expect(await codeOf(() => bookB("2031-04-01T10:30:00Z", undefined, null))).toBe("outside-working-hours");
  });

  it("an agent's own week, time off (whole day, hours) and extra hours", async () => {
    await setAgentSchedule(t.owner, agent.id, { schedule: { tue: [{ start: "06:00", end: "10:00" }] } });
    await bookB("2031-04-08T04:00:00Z"); // 06:00 Paris, summer time
    expect(await codeOf(() => bookB("2031-04-08T12:00:00Z"))).toBe("outside-working-hours");
    const off = await createTimeOff(t.owner, agent.id, { startDate: "2031-04-15" });
    expect(await codeOf(() => bookB("2031-04-15T05:00:00Z"))).toBe("outside-working-hours");
    await createTimeOff(t.owner, agent.id, { startDate: "2031-04-22", startTime: "07:00", endTime: "08:00" });
    await bookB("2031-04-22T04:00:00Z");
    expect(await codeOf(() => bookB("2031-04-22T05:00:00Z"))).toBe("outside-working-hours");
    await createTimeOff(t.owner, agent.id, { kind: "extra", startDate: "2031-04-13", startTime: "10:00", endTime: "12:00" });
    await bookB("2031-04-13T08:00:00Z"); // a Sunday's extra hours
    expect((await listTimeOff(t.owner, agent.id, { from: "2031-04-14" })).map((x) => x.startDate)).toEqual(["2031-04-15", "2031-04-22"]);
    await deleteTimeOff(t.owner, agent.id, off.id);
    await bookB("2031-04-15T05:00:00Z");
    expect(await codeOf(() => deleteTimeOff(t.owner, agent.id, off.id))).toBe("time-off-not-found");
    // Back to the company's week.
    await setAgentSchedule(t.owner, agent.id, { schedule: null });
    expect(await codeOf(() => bookB("2031-04-29T04:00:00Z"))).toBe("outside-working-hours");
  });

  it("refuses bad hours naming the field, changing nothing", async () => {
    const overlap = await setCompanyHours(t.owner, t.companyB.id, { hours: { mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } }).catch((e) => e);
    expect(overlap.code).toBe("validation-error");
    expect(Object.keys(overlap.details.fields)).toEqual(["hours.mon.1.start"]);
    const reversed = await setAgentSchedule(t.owner, agent.id, { schedule: { mon: [{ start: "12:00", end: "09:00" }] } }).catch((e) => e);
    expect(Object.keys(reversed.details.fields)).toEqual(["schedule.mon.0.end"]);
    const badOff = await createTimeOff(t.owner, agent.id, { startDate: "2031-05-02", endDate: "2031-05-01" }).catch((e) => e);
    expect(Object.keys(badOff.details.fields)).toEqual(["endDate"]);
    expect((await getAgentSchedule(t.owner, agent.id)).companyHours).toEqual(week);
  });

  it("owners may force a booking outside the hours (recorded); an API key never", async () => {
    const forced = await bookB("2031-03-31T17:00:00Z", undefined, agent.id, { forceHours: true });
    const events = await listAppointmentEvents(t.owner, forced.id);
    expect(events[0].details).toEqual({ outsideHours: true });
    expect(await codeOf(() => bookB("2031-03-31T18:00:00Z", t.caller(), agent.id, { forceHours: true }))).toBe("outside-working-hours");
    const staff: Caller = { ...t.owner, role: "staff" };
    expect(await codeOf(() => bookB("2031-03-31T19:00:00Z", staff, agent.id, { forceHours: true }))).toBe("outside-working-hours");
  });

  it("a move is checked like a booking: refused outside the hours (a manager told it may force), forced by an owner and recorded", async () => {
    // Wednesday 2 April 2031, summer time: 10:00 Paris = 08:00Z, inside; 19:00 Paris = 17:00Z, closed.
    const apt = await bookB("2031-04-02T08:00:00Z");
    const refused = await rescheduleAppointment(t.owner, apt.id, { date: "2031-04-02T17:00:00Z" }).catch((e) => e);
    expect(refused.code).toBe("outside-working-hours");
    expect(refused.details.forceable).toBe(true);
    const staff: Caller = { ...t.owner, role: "staff" };
    const staffRefused = await rescheduleAppointment(staff, apt.id, { date: "2031-04-02T17:00:00Z" }, { forceHours: true }).catch((e) => e);
    expect([staffRefused.code, staffRefused.details.forceable]).toEqual(["outside-working-hours", undefined]);
    expect(await codeOf(() => rescheduleAppointment(t.caller(), apt.id, { date: "2031-04-02T17:00:00Z" }))).toBe("outside-working-hours");
    const moved = await rescheduleAppointment(t.owner, apt.id, { date: "2031-04-02T17:00:00Z" }, { forceHours: true });
    expect(moved.date).toBe("2031-04-02T17:00:00.000Z");
    const events = await listAppointmentEvents(t.owner, apt.id);
    expect(events.find((e) => e.type === "appointment.moved")?.details).toMatchObject({ outsideHours: true });
    // Back inside the hours: no force needed.
    await rescheduleAppointment(staff, apt.id, { date: "2031-04-02T12:00:00Z" });
  });

  it("a minimum notice for API bookings only", async () => {
    await setCompanyHours(t.owner, t.companyB.id, { hours: null, minNoticeMinutes: 120 });
    const now = new Date("2031-06-02T08:00:00Z");
    const err = await bookB("2031-06-02T09:00:00Z", t.caller(), agent.id, { now }).catch((e) => e);
    expect(err.code).toBe("outside-working-hours");
    expect(err.message).toContain("2 h à l'avance");
    await bookB("2031-06-02T10:00:00Z", t.caller(), agent.id, { now });
    await bookB("2031-06-02T08:30:00Z", t.owner, agent.id, { now });
  });

  it("an API key books and moves into the future only; staff may record the past", async () => {
    await setCompanyHours(t.owner, t.companyB.id, { hours: null, minNoticeMinutes: 0 });
    const now = new Date("2031-07-07T10:00:00Z");
    const count = async () =>
      (await executeRows<{ n: number }>(await getDb(), sql`SELECT count(*)::int AS n FROM appointments WHERE app_id = ${t.appId}::uuid`))[0].n;
    const before = await count();
    const past = await bookB("2031-07-07T09:59:00Z", t.caller(), agent.id, { now }).catch((e) => e);
    expect([past.code, past.status]).toEqual(["outside-working-hours", 409]);
    expect(past.message).toContain("déjà passé");
    // Even unassigned (no hours to check) and even forced: the past is not an hours question.
    expect(await codeOf(() => bookB("2031-07-06T10:00:00Z", t.caller(), null, { now, forceHours: true }))).toBe("outside-working-hours");
    expect(await count()).toBe(before);
    // Now itself is not past; staff (an owner, or a member) record a walk-in afterwards.
    const booked = await bookB("2031-07-07T10:00:00Z", t.caller(), agent.id, { now });
    await bookB("2031-07-07T08:00:00Z", t.owner, agent.id, { now });
    await bookB("2031-07-07T06:00:00Z", { ...t.owner, role: "staff" }, agent.id, { now });

    // A move: refused into the past for the key, written for staff; a refused move records nothing.
    const refused = await rescheduleAppointment(t.caller(), booked.id, { date: "2031-07-07T04:00:00Z" }, { now }).catch((e) => e);
    expect([refused.code, refused.message]).toEqual(["outside-working-hours", past.message]);
    expect((await listAppointmentEvents(t.owner, booked.id)).map((e) => e.type)).toEqual(["appointment.created"]);
    await rescheduleAppointment(t.caller(), booked.id, { date: "2031-07-07T12:00:00Z" }, { now });
    const moved = await rescheduleAppointment(t.owner, booked.id, { date: "2031-07-07T04:00:00Z" }, { now });
    expect(moved.date).toBe("2031-07-07T04:00:00.000Z");
    // Started, it may still change hands through the key (the start stays: no time is chosen),
    // but not be moved to another past start.
    const handedOver = await rescheduleAppointment(t.caller(), booked.id, { agentId: null }, { now });
    expect([handedOver.agentId, handedOver.date]).toEqual([null, "2031-07-07T04:00:00.000Z"]);
    expect(await codeOf(() => rescheduleAppointment(t.caller(), booked.id, { date: "2031-07-07T05:00:00Z" }, { now }))).toBe("outside-working-hours");
  });
});

describe("buffers", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("block the agent around the appointment, not the customer's time; a later write of date keeps them", async () => {
    const service = await createService(t.owner, { companyId: t.companyA.id, name: "Tresses", basePrice: 1000, duration: 60, bufferBefore: 10, bufferAfter: 15 });
    expect((await getService(t.owner, service.id)).bufferAfter).toBe(15);
    const agent = await createAgent(t.owner, { companyId: t.companyA.id, fullname: "Fatou Bamba", serviceIds: [service.id, t.serviceA.id] });
    const book = (date: string, serviceId = service.id) =>
      createAppointment(t.owner, { serviceId, customerId: t.customer.id, agentId: agent.id, date, filledFields: serviceId === service.id ? {} : { type_coupe: "classique" } });
    const a = await book("2031-01-06T10:00:00Z");
    expect(Date.parse(a.end) - Date.parse(a.date)).toBe(60 * 60_000);
    // Coupe (30 min, no buffer) at 11:00 meets the 15 min after; at 11:15 it fits; 09:30–10:00 meets the 10 min before.
    expect(await codeOf(() => book("2031-01-06T11:00:00Z", t.serviceA.id))).toBe("agent-unavailable");
    expect(await codeOf(() => book("2031-01-06T09:30:00Z", t.serviceA.id))).toBe("agent-unavailable");
    await book("2031-01-06T11:15:00Z", t.serviceA.id);
    await book("2031-01-06T09:20:00Z", t.serviceA.id);
    const db = await getDb();
    const blocked = async () =>
      (await executeRows<{ f: Date | string; t: Date | string }>(db, sql`SELECT blocked_from AS f, blocked_to AS t FROM appointments WHERE app_id = ${t.appId}::uuid AND id = ${a.id}::uuid`))[0];
    expect(new Date((await blocked()).f).toISOString()).toBe("2031-01-06T09:50:00.000Z");
    // A move writes only date and end: the trigger widens the new range by the same buffers.
    await db.execute(sql`UPDATE appointments SET date = '2031-01-07T10:00:00Z', "end" = '2031-01-07T11:00:00Z' WHERE app_id = ${t.appId}::uuid AND id = ${a.id}::uuid`);
    const moved = await blocked();
    expect([new Date(moved.f).toISOString(), new Date(moved.t).toISOString()]).toEqual(["2031-01-07T09:50:00.000Z", "2031-01-07T11:15:00.000Z"]);
    // The database refuses an overlap of blocked ranges even when the code does not look.
    const err = await db
      .execute(sql`UPDATE appointments SET date = '2031-01-06T11:45:00Z', "end" = '2031-01-06T12:45:00Z' WHERE app_id = ${t.appId}::uuid AND id = ${a.id}::uuid`)
      .catch((e) => e);
    expect(JSON.stringify((err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code)).toContain("23P01");
  });

  it("refuses buffers outside 0–240 minutes naming the field", async () => {
    const err = await createService(t.owner, { companyId: t.companyA.id, name: "X", basePrice: 0, duration: 30, bufferAfter: 241 }).catch((e) => e);
    expect(err.code).toBe("validation-error");
    expect(Object.keys(err.details.fields)).toEqual(["bufferAfter"]);
    const neg = await createService(t.owner, { companyId: t.companyA.id, name: "X", basePrice: 0, duration: 30, bufferBefore: -1 }).catch((e) => e);
    expect(Object.keys(neg.details.fields)).toEqual(["bufferBefore"]);
  });
});
