// events/list over HTTP: what an integrator who missed webhooks calls to catch up. Each write
// through the API appears once, in id order, with the appointment as the write answered it;
// keys see their company only; bad input is refused; the typed client reads it too.
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/client";
import { eventsSettled } from "../support/factories";
import { API_URL, type ApiTenant, makeApiTenant, slotIso } from "./support/api";

let t: ApiTenant;
beforeAll(async () => {
  t = await makeApiTenant("Events");
});

/** The feed holds events back while other tests' transactions are open: read once settled. */
const settled = () => eventsSettled(t.appId);
const latest = async () => {
  await settled();
  return (await t.call("events/list", { limit: 500 })).body.nextAfter as string;
};

describe("events/list", () => {
  it("gives each write once, in order, with the appointment as the write answered it", async () => {
    const after = await latest();
    const created = await t.call("appointments/create", {
      serviceId: t.serviceA.id,
      customerId: t.customer.id,
      agentId: t.agentA.id,
      date: slotIso(t),
      filledFields: { type_coupe: "classique" },
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    const confirmed = await t.call(`appointments/${id}/status`, { status: "confirmed" });
    const refused = await t.call(`appointments/${id}/status`, { status: "CONFIRMED" });
    expect(refused.status).toBe(409);

    await settled();
    const res = await t.call("events/list", { after });
    expect(res.status).toBe(200);
    const events = res.body.data;
    expect(events.map((e: { type: string }) => e.type)).toEqual(["appointment.created", "appointment.status_changed"]);
    expect(events[0].data).toEqual(created.body.data);
    expect(events[1].data).toEqual(confirmed.body.data);
    expect(events[1]).toMatchObject({
      appointmentId: id,
      companyId: t.companyA.id,
      actor: { type: "api_key", name: "admin" },
      change: { fromStatus: "PENDING", toStatus: "CONFIRMED" },
    });
    expect(typeof events[0].id).toBe("string");
    expect(res.body.nextAfter).toBe(events[1].id);
    expect((await t.call("events/list", { after: res.body.nextAfter })).body.data).toEqual([]);

    // The typed client reads the same page.
    const client = createClient({ baseUrl: API_URL });
    const page = await client.app.multiService.event.list({ appId: t.appId, apiKey: t.admin, after, types: ["appointment.status_changed"] });
    expect(page.success && page.data.map((e) => e.id)).toEqual([events[1].id]);
  });

  it("shows a company key its company's events only", async () => {
    const after = await latest();
    const spaKey = await t.key({ companyId: t.companyB.id, name: "spa" });
    await t.call("appointments/create", { serviceId: t.serviceA.id, customerId: t.customer.id, agentId: t.agentA.id, date: slotIso(t), filledFields: { type_coupe: "classique" } });
    const spa = await t.call("appointments/create", { serviceId: t.serviceB.id, customerId: t.customer.id, date: slotIso(t) }, { key: spaKey });
    await settled();
    const seen = await t.call("events/list", { after }, { key: spaKey });
    expect(seen.body.data.map((e: { appointmentId: string }) => e.appointmentId)).toEqual([spa.body.data.id]);
    expect((await t.call("events/list", { companyId: t.companyA.id }, { key: spaKey })).body.error.code).toBe("company-not-found");
  });

  it("refuses bad input and keys without the right", async () => {
    for (const body of [{ after: "x1" }, { after: 12 }, { types: ["appointment.deleted"] }, { limit: 501 }]) {
      const res = await t.call("events/list", body);
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status: 400, code: "validation-error" });
    }
    const catalogOnly = await t.key({ scopes: ["catalog:read"] });
    expect((await t.call("events/list", {}, { key: catalogOnly })).status).toBe(403);
  });
});
