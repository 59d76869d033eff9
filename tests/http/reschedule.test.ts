// POST appointments/{id}/reschedule over HTTP: the move, its answers and its codes.
import { beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/catalog";
import { eventsSettled } from "../support/factories";
import { type ApiTenant, makeApiTenant, NEXT_URL, slotIso } from "./support/api";

let t: ApiTenant;
let agentA2: { id: string };

beforeAll(async () => {
  t = await makeApiTenant("Reschedule");
  agentA2 = await createAgent(t.owner, { companyId: t.companyA.id, fullname: "Koffi Yao", serviceIds: [t.serviceA.id] });
});

const move = (id: string, body: Record<string, unknown>, options: { key?: string; base?: string } = {}) =>
  t.call(`appointments/${id}/reschedule`, body, options);

describe("reschedule", () => {
  it("moves and reassigns, answered like get, recorded as appointment.moved in the feed", async () => {
    const apt = await t.book();
    const date = slotIso(t);
    const res = await move(apt.id, { date, agentId: agentA2.id, reason: "Demande du client" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: apt.id, status: "PENDING", date, agentId: agentA2.id, agent: { fullname: "Koffi Yao" } });
    expect(new Date(res.body.data.end).getTime() - new Date(date).getTime()).toBe(30 * 60_000);
    const got = await t.call(`appointments/${apt.id}`);
    expect(got.body).toEqual(res.body);

    await eventsSettled(t.appId);
    const feed = await t.call("events/list", { appointmentId: apt.id, types: ["appointment.moved"] });
    expect(feed.body.data).toHaveLength(1);
    expect(feed.body.data[0]).toMatchObject({
      type: "appointment.moved",
      actor: { type: "api_key" },
      change: { fromStatus: "PENDING", toStatus: "PENDING", reason: "Demande du client", fromDate: apt.date, toDate: date, fromAgentId: t.agentA.id, toAgentId: agentA2.id },
      data: { date, agentId: agentA2.id },
    });
  });

  it("answers the same on the Next mount; unassigns with agentId null; a move to the same place records nothing", async () => {
    const apt = await t.book();
    const un = await move(apt.id, { agentId: null }, { base: NEXT_URL });
    expect(un.status).toBe(200);
    expect(un.body.data).toMatchObject({ agentId: null, agent: null, date: apt.date });
    const same = await move(apt.id, { date: apt.date, agentId: null });
    expect(same.status).toBe(200);
    expect(same.body.data.updatedAt).toBe(un.body.data.updatedAt);
  });

  it("answers the codes: validation, not found, unavailable, finished, scope", async () => {
    const apt = await t.book();
    const taken = await t.book();
    const code = (res: { status: number; body: { error?: { code: string; details?: unknown } } }) => [res.status, res.body.error?.code];
    expect(code(await move(apt.id, {}))).toEqual([400, "validation-error"]);
    const noOffset = await move(apt.id, { date: "2031-01-01T10:00" });
    expect(code(noOffset)).toEqual([400, "validation-error"]);
    expect(noOffset.body.error.details.fields).toHaveProperty("date");
    expect(code(await move("3b241101-e2bb-4255-8caf-4136c566a962", { date: slotIso(t) }))).toEqual([404, "appointment-not-found"]);
    expect(code(await move(apt.id, { agentId: t.agentB.id }))).toEqual([404, "agent-not-found"]);
    expect(code(await move(apt.id, { date: taken.date }))).toEqual([409, "agent-unavailable"]);
    const reader = await t.key({ scopes: ["appointments:read", "appointments:status"] });
    expect(code(await move(apt.id, { date: slotIso(t) }, { key: reader }))).toEqual([403, "not-authorized"]);
    const otherCompany = await t.key({ companyId: t.companyB.id });
    expect(code(await move(apt.id, { date: slotIso(t) }, { key: otherCompany }))).toEqual([404, "appointment-not-found"]);
    await t.call(`appointments/${apt.id}/status`, { status: "CANCELLED" });
    expect(code(await move(apt.id, { date: slotIso(t) }))).toEqual([409, "invalid-status-transition"]);
    // Nothing moved by the refusals.
    expect((await t.call(`appointments/${apt.id}`)).body.data).toMatchObject({ date: apt.date, agentId: t.agentA.id });
  });

  it("an API key neither books nor moves into the past: 409 outside-working-hours, nothing written", async () => {
    // A day ago: in the past whenever the test runs.
    const past = new Date(Date.now() - 86_400_000).toISOString();
    const code = (res: { status: number; body: { error?: { code: string } } }) => [res.status, res.body.error?.code];
    const count = async () => (await t.call("appointments/list", { limit: 200 })).body.data.length;
    const before = await count();
    const created = await t.call("appointments/create", {
      serviceId: t.serviceA.id,
      customerId: t.customer.id,
      date: past,
      filledFields: { type_coupe: "classique" },
    });
    expect(code(created)).toEqual([409, "outside-working-hours"]);
    expect(created.body.error.message).toContain("déjà passé");
    expect(await count()).toBe(before);

    const apt = await t.book();
    for (const base of [undefined, NEXT_URL]) expect(code(await move(apt.id, { date: past }, { base }))).toEqual([409, "outside-working-hours"]);
    expect((await t.call(`appointments/${apt.id}`)).body.data).toMatchObject({ date: apt.date, updatedAt: apt.updatedAt });
    await eventsSettled(t.appId);
    const feed = await t.call("events/list", { appointmentId: apt.id, types: ["appointment.moved"] });
    expect(feed.body.data).toHaveLength(0);
  });
});
