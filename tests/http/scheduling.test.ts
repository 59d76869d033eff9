// Working hours, time off and free slots over HTTP: every new endpoint, its codes and its bad
// input; the typed client's availability.search.
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/client";
import { API_URL, type ApiTenant, makeApiTenant, NEXT_URL } from "./support/api";

let t: ApiTenant;
const week = { mon: [{ start: "09:00", end: "12:00" }, { start: "14:00", end: "18:00" }], sat: [{ start: "09:00", end: "13:00" }] };

beforeAll(async () => {
  t = await makeApiTenant("Scheduling");
});

describe("company hours and agent schedules", () => {
  it("reads and writes a company's hours; null opens it at all times", async () => {
    const empty = await t.call(`companies/${t.companyB.id}/hours`);
    expect(empty.status).toBe(200);
    expect(empty.body.data).toEqual({ companyId: t.companyB.id, timezone: "Europe/Paris", hours: null, minNoticeMinutes: 0 });
    const set = await t.call(`companies/${t.companyB.id}/hours/edit`, { hours: week, minNoticeMinutes: 30 });
    expect(set.status).toBe(200);
    expect(set.body.data.hours).toEqual(week);
    expect(set.body.data.minNoticeMinutes).toBe(30);
    const company = await t.call(`companies/${t.companyB.id}`);
    expect(company.body.data.openingHours).toEqual(week);
  });

  it("an agent's schedule: own week, then following the company again", async () => {
    const own = { tue: [{ start: "10:00", end: "16:00" }] };
    const set = await t.call(`agents/${t.agentB.id}/schedule/edit`, { schedule: own });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ agentId: t.agentB.id, schedule: own, effective: own, companyHours: week });
    const back = await t.call(`agents/${t.agentB.id}/schedule/edit`, { schedule: null });
    expect(back.body.data).toMatchObject({ schedule: null, effective: week });
    const read = await t.call(`agents/${t.agentB.id}/schedule`);
    expect(read.body.data.effective).toEqual(week);
  });

  it("time off: create, list, delete, then time-off-not-found", async () => {
    const created = await t.call(`agents/${t.agentB.id}/time-off/create`, { startDate: "2031-06-02", startTime: "09:00", endTime: "10:00", note: "Médecin" });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ kind: "off", startDate: "2031-06-02", endDate: "2031-06-02", startTime: "09:00", endTime: "10:00", note: "Médecin" });
    const list = await t.call(`agents/${t.agentB.id}/time-off/list`, { from: "2031-06-01" });
    expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([created.body.data.id]);
    const removed = await t.call(`agents/${t.agentB.id}/time-off/${created.body.data.id}/delete`);
    expect(removed.status).toBe(200);
    const again = await t.call(`agents/${t.agentB.id}/time-off/${created.body.data.id}/delete`);
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe("time-off-not-found");
    expect((await t.call(`agents/${t.agentB.id}/time-off/nope/delete`)).body.error.code).toBe("time-off-not-found");
  });

  it("bad input is a 400 naming the field; unknown ids and other companies' are not found; scopes", async () => {
    const fieldsOf = (res: { status: number; body: { error: { code: string; details: { fields: object } } } }) => {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation-error");
      return Object.keys(res.body.error.details.fields);
    };
    const overlap = { mon: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] };
    expect(fieldsOf(await t.call(`companies/${t.companyB.id}/hours/edit`, { hours: overlap }))).toEqual(["hours.mon.1.start"]);
    expect(fieldsOf(await t.call(`agents/${t.agentB.id}/schedule/edit`, { schedule: { mon: [{ start: "12:00", end: "09:00" }] } }))).toEqual(["schedule.mon.0.end"]);
    expect(fieldsOf(await t.call(`agents/${t.agentB.id}/time-off/create`, { startDate: "2031-06-03", endDate: "2031-06-01" }))).toEqual(["endDate"]);
    expect(fieldsOf(await t.call("services/create", { companyId: t.companyB.id, name: "X", basePrice: 0, duration: 30, bufferBefore: 300 }))).toEqual(["bufferBefore"]);
    expect((await t.call(`companies/${t.companyB.id}/hours`)).body.data.hours).toEqual(week);

    const limited = await t.key({ companyId: t.companyA.id });
    expect((await t.call(`agents/${t.agentB.id}/schedule`, {}, { key: limited })).body.error.code).toBe("agent-not-found");
    expect((await t.call(`companies/${t.companyB.id}/hours`, {}, { key: limited })).body.error.code).toBe("company-not-found");
    expect((await t.call("agents/nope/time-off/list")).body.error.code).toBe("agent-not-found");
    const readOnly = await t.key({ scopes: ["catalog:read"] });
    expect((await t.call(`agents/${t.agentB.id}/schedule/edit`, { schedule: null }, { key: readOnly })).status).toBe(403);
  });
});

describe("bookings outside the hours", () => {
  it("answers 409 outside-working-hours with the agent's hours that day, and refuses the minimum notice", async () => {
    // Monday 2031-06-02, Paris summer time: 08:00Z = 10:00 there, 11:00Z = 13:00 (lunch).
    const book = (date: string) => t.call("appointments/create", { serviceId: t.serviceB.id, customerId: t.customer.id, agentId: t.agentB.id, date });
    const refused = await book("2031-06-02T11:00:00Z");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("outside-working-hours");
    expect(refused.body.error.message).toContain("09:00–12:00, 14:00–18:00");
    expect(refused.body.error.details.workingHours).toEqual(week.mon);
    expect((await book("2031-06-02T08:00:00Z")).status).toBe(201);
    const soon = new Date(Date.now() + 5 * 60_000).toISOString();
    await t.call(`companies/${t.companyB.id}/hours/edit`, { hours: null, minNoticeMinutes: 60 });
    const late = await book(soon);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain("1 h à l'avance");
    await t.call(`companies/${t.companyB.id}/hours/edit`, { hours: week, minNoticeMinutes: 0 });
  });
});

describe("availability/search", () => {
  it("answers free slots sorted by start then agent, on both mounts and through the typed client", async () => {
    const body = { serviceId: t.serviceB.id, from: "2031-06-09T00:00:00+02:00", to: "2031-06-10T00:00:00+02:00", step: 60 };
    const res = await t.call("availability/search", body);
    expect(res.status).toBe(200);
    // Monday 9 June: 09:00–12:00 and 14:00–18:00 for a 60-minute massage.
    expect(res.body.data.map((s: { start: string }) => s.start)).toEqual(
      ["07", "08", "09", "12", "13", "14", "15"].map((h) => `2031-06-09T${h}:00:00.000Z`),
    );
    expect(res.body.data[0]).toEqual({ agentId: t.agentB.id, start: "2031-06-09T07:00:00.000Z", end: "2031-06-09T08:00:00.000Z" });
    expect(res.body.nextFrom).toBeNull();
    const viaNext = await t.call("availability/search", body, { base: NEXT_URL });
    expect(viaNext.body).toEqual(res.body);

    const client = createClient({ baseUrl: API_URL });
    const answer = await client.app.multiService.availability.search({ appId: t.appId, apiKey: t.admin, ...body, agentId: t.agentB.id });
    expect(answer.success && answer.data).toEqual(res.body.data);
    const hours = await client.app.multiService.company.hours({ appId: t.appId, apiKey: t.admin, id: t.companyB.id });
    expect(hours.success && hours.data.hours).toEqual(week);
    const off = await client.app.multiService.agent.timeOff.create({ appId: t.appId, apiKey: t.admin, id: t.agentB.id, startDate: "2031-06-09" });
    expect(off.success).toBe(true);
    const none = await client.app.multiService.availability.search({ appId: t.appId, apiKey: t.admin, ...body });
    expect(none.success && none.data).toEqual([]);
  });

  it("refuses bad input naming the field, unknown ids, and a key without appointments:read", async () => {
    const base = { serviceId: t.serviceB.id, from: "2031-06-09T00:00:00Z", to: "2031-06-10T00:00:00Z" };
    const field = async (extra: Record<string, unknown>) => {
      const res = await t.call("availability/search", { ...base, ...extra });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("validation-error");
      return Object.keys(res.body.error.details.fields);
    };
    expect(await field({ from: "2031-06-09T00:00:00" })).toEqual(["from"]);
    expect(await field({ to: "2031-06-08T00:00:00Z" })).toEqual(["to"]);
    expect(await field({ to: "2031-07-11T00:00:00Z" })).toEqual(["to"]);
    expect(await field({ step: 2 })).toEqual(["step"]);
    expect(await field({ step: 300 })).toEqual(["step"]);
    expect((await t.call("availability/search", { ...base, serviceId: "nope" })).body.error.code).toBe("service-not-found");
    expect((await t.call("availability/search", { ...base, agentId: t.agentA.id })).body.error.code).toBe("agent-not-found");
    // appointmentId (slots to move it): a string id; unknown, or not of this service: not found.
    expect(await field({ appointmentId: 5 })).toEqual(["appointmentId"]);
    const unknown = await t.call("availability/search", { ...base, appointmentId: "00000000-0000-4000-8000-000000000000" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "appointment-not-found"]);
    const limited = await t.key({ companyId: t.companyA.id });
    expect((await t.call("availability/search", base, { key: limited })).body.error.code).toBe("service-not-found");
    const noRead = await t.key({ scopes: ["catalog:read"] });
    expect((await t.call("availability/search", base, { key: noRead })).status).toBe(403);
  });
});
