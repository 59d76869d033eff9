import { beforeAll, describe, expect, it } from "vitest";
import { updateAppointmentStatus } from "@/lib/appointments";
import { listAppointmentsInRange } from "@/lib/appointments/calendar";
import { createAgent, createService } from "@/lib/catalog";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

describe("listAppointmentsInRange (calendar)", () => {
  let t: Tenant;
  // companyB is in Europe/Paris; its Monday 7 April 2031 runs 6 Apr 22:00Z → 7 Apr 22:00Z.
  const monday = { from: new Date("2031-04-06T22:00:00Z"), to: new Date("2031-04-07T22:00:00Z") };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await makeTenant();
    const book = async (key: string, iso: string, extra: Record<string, unknown> = {}) => {
      const a = await t.book({ serviceId: t.serviceB.id, agentId: t.agentB.id, filledFields: {}, date: iso, ...extra });
      ids[key] = a.id;
      return a;
    };
    await book("lateSunday", "2031-04-06T21:30:00Z"); // Sunday 23:30 Paris → Monday 00:30: overlaps Monday
    await book("endsAtMidnight", "2031-04-06T20:00:00Z"); // Sunday 22:00 → 23:00 Paris: not Monday
    await book("morning", "2031-04-07T07:00:00Z"); // Monday 09:00 Paris
    await book("evening", "2031-04-07T21:00:00Z"); // Monday 23:00 Paris
    await book("tuesday", "2031-04-07T22:00:00Z"); // Tuesday 00:00 Paris: not Monday
    await book("unassigned", "2031-04-07T09:00:00Z", { agentId: null });
    const done = await book("completed", "2031-04-07T12:00:00Z");
    for (const s of ["CONFIRMED", "IN_PROGRESS", "COMPLETED"]) await updateAppointmentStatus(t.owner, done.id, { status: s });
    // Another company's appointment at the same time.
    await t.book({ date: "2031-04-07T07:00:00Z" });
  });

  it("answers what overlaps the range, in order, with what a calendar draws", async () => {
    const { data, truncated } = await listAppointmentsInRange(t.owner, { companyId: t.companyB.id, ...monday });
    expect(truncated).toBe(false);
    expect(data.map((a) => a.id)).toEqual([ids.lateSunday, ids.morning, ids.unassigned, ids.completed, ids.evening]);
    const morning = data[1];
    expect(morning).toMatchObject({
      status: "PENDING",
      agentId: t.agentB.id,
      agentName: "Serge Kouadio",
      serviceId: t.serviceB.id,
      serviceName: "Massage",
      customerName: "Aya Kouadio",
      totalPrice: 20000,
    });
    expect(morning.date.toISOString()).toBe("2031-04-07T07:00:00.000Z");
    expect(morning.end.toISOString()).toBe("2031-04-07T08:00:00.000Z");
    expect(data.find((a) => a.id === ids.unassigned)).toMatchObject({ agentId: null, agentName: null });
  });

  it("filters by status, service and agent like the table", async () => {
    const base = { companyId: t.companyB.id, ...monday };
    const completed = await listAppointmentsInRange(t.owner, { ...base, status: ["COMPLETED"] });
    expect(completed.data.map((a) => a.id)).toEqual([ids.completed]);
    const two = await listAppointmentsInRange(t.owner, { ...base, status: ["COMPLETED", "PENDING"] });
    expect(two.data).toHaveLength(5);
    const byAgent = await listAppointmentsInRange(t.owner, { ...base, agentId: t.agentB.id });
    expect(byAgent.data.map((a) => a.id)).not.toContain(ids.unassigned);
    expect(byAgent.data).toHaveLength(4);

    const other = await createService(t.owner, { companyId: t.companyB.id, name: "Hammam", basePrice: 5000, duration: 45 });
    const agent = await createAgent(t.owner, { companyId: t.companyB.id, fullname: "Adjoua N'Guessan", serviceIds: [other.id] });
    const hammam = await t.book({ serviceId: other.id, agentId: agent.id, filledFields: {}, date: "2031-04-07T10:00:00Z" });
    const byService = await listAppointmentsInRange(t.owner, { ...base, serviceId: other.id });
    expect(byService.data.map((a) => a.id)).toEqual([hammam.id]);
    // An id that cannot exist matches nothing (no cast error).
    expect((await listAppointmentsInRange(t.owner, { ...base, agentId: "pas-un-uuid" })).data).toEqual([]);
  });

  it("says when the limit cut the answer", async () => {
    const { data, truncated } = await listAppointmentsInRange(t.owner, { companyId: t.companyB.id, ...monday, limit: 2 });
    expect(truncated).toBe(true);
    expect(data.map((a) => a.id)).toEqual([ids.lateSunday, ids.morning]);
  });

  it("is scoped: another company answers company-not-found, another app sees nothing", async () => {
    const onlyA = t.caller({ companyIds: [t.companyA.id] });
    expect(await codeOf(() => listAppointmentsInRange(onlyA, { companyId: t.companyB.id, ...monday }))).toBe("company-not-found");
    const noRead = t.caller({ scopes: ["catalog:read"] });
    expect(await codeOf(() => listAppointmentsInRange(noRead, { companyId: t.companyB.id, ...monday }))).toBe("not-authorized");

    const stranger = await makeTenant("Other");
    const { data } = await listAppointmentsInRange(stranger.owner, { companyId: t.companyB.id, ...monday });
    expect(data).toEqual([]);
  });

  it("refuses a reversed or too long range", async () => {
    const base = { companyId: t.companyB.id };
    expect(await codeOf(() => listAppointmentsInRange(t.owner, { ...base, from: monday.to, to: monday.from }))).toBe("validation-error");
    expect(
      await codeOf(() =>
        listAppointmentsInRange(t.owner, { ...base, from: monday.from, to: new Date(monday.from.getTime() + 60 * 86_400_000) }),
      ),
    ).toBe("validation-error");
  });
});
