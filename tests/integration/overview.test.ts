import { beforeAll, describe, expect, it } from "vitest";
import { companyOverview, updateAppointmentStatus } from "@/lib/appointments";
import { createAgent } from "@/lib/catalog";
import { createTimeOff, setAgentSchedule, setCompanyHours } from "@/lib/scheduling";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

describe("companyOverview", () => {
  let t: Tenant;
  // A Wednesday noon in Paris; companyB is in Europe/Paris.
  const now = new Date("2031-04-09T10:00:00Z");
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("counts today, lists what is next, compares weekly revenue, shows agent load, in the company's zone", async () => {
    const book = (iso: string, status?: "CONFIRMED") =>
      t.book({ serviceId: t.serviceB.id, agentId: t.agentB.id, filledFields: {}, date: iso, status });
    const done = async (iso: string, price: number) => {
      const a = await t.book({ serviceId: t.serviceB.id, agentId: t.agentB.id, filledFields: {}, date: iso, totalPrice: price });
      for (const s of ["CONFIRMED", "IN_PROGRESS", "COMPLETED"]) await updateAppointmentStatus(t.owner, a.id, { status: s });
    };
    await done("2031-04-09T06:00:00Z", 10000); // today 08:00 Paris
    await done("2031-04-07T08:00:00Z", 5000); // Monday this week
    await done("2031-04-01T08:00:00Z", 7000); // last week
    await done("2031-03-30T22:30:00Z", 1000); // Monday 31 March 00:30 Paris: last week, not the week before
    await book("2031-04-09T12:00:00Z", "CONFIRMED"); // today 14:00, upcoming
    await book("2031-04-09T21:30:00Z"); // today 23:30 Paris
    await book("2031-04-09T22:30:00Z"); // tomorrow 00:30 Paris: not today

    const o = await companyOverview(t.owner, { id: t.companyB.id, timezone: "Europe/Paris" }, now);
    expect(o.counts).toMatchObject({ COMPLETED: 1, CONFIRMED: 1, PENDING: 1 });
    expect(o.upcoming.map((a) => a.date.toISOString())).toEqual(["2031-04-09T12:00:00.000Z", "2031-04-09T21:30:00.000Z"]);
    expect(o.revenue.thisWeekTotal).toBe(15000);
    expect(o.revenue.lastWeekTotal).toBe(8000);
    // Nothing last week after Tuesday: to date and whole week agree here (see the next test).
    expect(o.revenue.lastWeekToDateTotal).toBe(8000);
    expect(o.revenue.thisWeek[0]).toEqual({ day: "2031-04-07", revenue: 5000 });
    expect(o.revenue.lastWeek[0]).toEqual({ day: "2031-03-31", revenue: 1000 });
    // No hours set: open at all times, no working time to count against.
    expect(o.agentLoad).toEqual([{ agentId: t.agentB.id, fullname: "Serge Kouadio", appointments: 3, minutes: 180, workMinutes: null, timeOff: false }]);
  });

  it("after midnight, lists one still running from the evening before, which the day's counts leave out", async () => {
    const u = await makeTenant();
    const book = (iso: string) => u.book({ serviceId: u.serviceB.id, agentId: u.agentB.id, filledFields: {}, date: iso });
    const evening = await book("2031-04-09T21:30:00Z"); // Wednesday 23:30 Paris, 60 min: ends 00:30
    const morning = await book("2031-04-10T07:00:00Z"); // Thursday 09:00 Paris
    const o = await companyOverview(u.owner, { id: u.companyB.id, timezone: "Europe/Paris" }, new Date("2031-04-09T22:10:00Z"));
    expect(o.today).toMatchObject({ day: "2031-04-10", isToday: true });
    expect(o.upcoming.map((a) => a.id)).toEqual([evening.id, morning.id]);
    expect(o.counts).toMatchObject({ PENDING: 1 });
    // The list marks it by its start, before the day's (components/overview/upcoming-list.tsx).
    expect(o.upcoming.map((a) => a.date < o.today.start)).toEqual([true, false]);
  });

  it("counts each agent's load against their working time that day, from the hours rule; time off leaves none", async () => {
    const u = await makeTenant();
    const tz = "Europe/Paris";
    // Wednesday 9 April 2031: the company opens 09:00–12:00 and 14:00–18:00 (7 h).
    await setCompanyHours(u.owner, u.companyB.id, { hours: { wed: [{ start: "09:00", end: "12:00" }, { start: "14:00", end: "18:00" }] } });
    const partly = await createAgent(u.owner, { companyId: u.companyB.id, fullname: "Bintou Partielle", serviceIds: [u.serviceB.id] });
    const away = await createAgent(u.owner, { companyId: u.companyB.id, fullname: "Cheick Absent", serviceIds: [u.serviceB.id] });
    const own = await createAgent(u.owner, { companyId: u.companyB.id, fullname: "Djeneba Matin", serviceIds: [u.serviceB.id] });
    await createTimeOff(u.owner, partly.id, { startDate: "2031-04-09", startTime: "10:00", endTime: "11:30" });
    await createTimeOff(u.owner, away.id, { startDate: "2031-04-08", endDate: "2031-04-10" });
    await setAgentSchedule(u.owner, own.id, { schedule: { wed: [{ start: "08:00", end: "13:00" }] } });
    await u.book({ serviceId: u.serviceB.id, agentId: u.agentB.id, filledFields: {}, date: "2031-04-09T07:00:00Z" }); // 09:00, 60 min
    await u.book({ serviceId: u.serviceB.id, agentId: partly.id, filledFields: {}, date: "2031-04-09T12:00:00Z" }); // 14:00

    const o = await companyOverview(u.owner, { id: u.companyB.id, timezone: tz }, now);
    const load = Object.fromEntries(o.agentLoad.map((r) => [r.fullname, [r.minutes, r.workMinutes, r.timeOff]]));
    expect(load).toEqual({
      "Serge Kouadio": [60, 420, false],
      "Bintou Partielle": [60, 330, true],
      "Cheick Absent": [0, 0, true],
      "Djeneba Matin": [0, 300, false],
    });
  });

  it("compares this week so far with last week up to the same weekday and wall-clock time, across a clock change", async () => {
    const u = await makeTenant();
    const done = async (iso: string, price: number) => {
      const a = await u.book({ serviceId: u.serviceB.id, agentId: u.agentB.id, filledFields: {}, date: iso, totalPrice: price });
      for (const s of ["CONFIRMED", "IN_PROGRESS", "COMPLETED"]) await updateAppointmentStatus(u.owner, a.id, { status: s });
    };
    // Monday 31 March 2031, 12:00 in Paris (UTC+2 since Sunday); last Monday was UTC+1.
    const monday = new Date("2031-03-31T10:00:00Z");
    await done("2031-03-31T07:00:00Z", 3000); // today 09:00
    await done("2031-03-24T08:00:00Z", 2000); // last Monday 09:00: before the same moment
    await done("2031-03-24T10:30:00Z", 4000); // last Monday 11:30 (10:30Z, later than exactly 168 h ago): before 12:00 on the clock
    await done("2031-03-24T11:30:00Z", 8000); // last Monday 12:30: after the same moment
    await done("2031-03-27T09:00:00Z", 16000); // last Thursday: after
    const o = await companyOverview(u.owner, { id: u.companyB.id, timezone: "Europe/Paris" }, monday);
    expect(o.revenue.sameMomentLastWeek.toISOString()).toBe("2031-03-24T11:00:00.000Z");
    expect(o.revenue.thisWeekTotal).toBe(3000);
    expect(o.revenue.lastWeekToDateTotal).toBe(6000);
    expect(o.revenue.lastWeekTotal).toBe(30000);
  });

  it("answers company-not-found for a company the caller cannot see", async () => {
    const onlyA = t.caller({ companyIds: [t.companyA.id] });
    expect(await codeOf(() => companyOverview(onlyA, { id: t.companyB.id, timezone: "Europe/Paris" }))).toBe("company-not-found");
  });
});
