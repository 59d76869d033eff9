import { beforeAll, describe, expect, it } from "vitest";
import { companyOverview, updateAppointmentStatus } from "@/lib/appointments";
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
    expect(o.revenue.thisWeek[0]).toEqual({ day: "2031-04-07", revenue: 5000 });
    expect(o.revenue.lastWeek[0]).toEqual({ day: "2031-03-31", revenue: 1000 });
    expect(o.agentLoad).toEqual([{ agentId: t.agentB.id, fullname: "Serge Kouadio", appointments: 3, minutes: 180 }]);
  });

  it("answers company-not-found for a company the caller cannot see", async () => {
    const onlyA = t.caller({ companyIds: [t.companyA.id] });
    expect(await codeOf(() => companyOverview(onlyA, { id: t.companyB.id, timezone: "Europe/Paris" }))).toBe("company-not-found");
  });
});
