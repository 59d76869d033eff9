// The same API mounted as a Next route handler (plain `next start` on the same build and
// database): it answers exactly as the production server's direct mount, and the two share
// their state through Postgres like two app instances would (idempotency keys, rate limits).
import { beforeAll, describe, expect, it } from "vitest";
import { uniquePhone } from "../support/factories";
import { API_URL, apiPath, type ApiTenant, makeApiTenant, NEXT_URL, send } from "./support/api";

let t: ApiTenant;

beforeAll(async () => {
  t = await makeApiTenant("Next mount");
});

const viaNext = { base: NEXT_URL };

describe("API under `next start`", () => {
  it("answers reads exactly like the direct mount", async () => {
    const booked = await t.book();
    const reads: [string, Record<string, unknown>][] = [
      ["appointments/list", { limit: 5 }],
      [`appointments/${booked.id}`, {}],
      ["services/list", {}],
      [`services/${t.serviceA.id}`, {}],
      ["agents/list", {}],
      [`agents/${t.agentA.id}`, {}],
      ["companies/list", {}],
      [`companies/${t.companyA.id}`, {}],
      ["customers/list", {}],
      [`customers/${t.customer.id}`, {}],
    ];
    for (const [route, body] of reads) {
      const [direct, next] = await Promise.all([t.call(route, body), t.call(route, body, viaNext)]);
      expect(direct.status, route).toBe(200);
      expect({ route, status: next.status, body: next.body }).toEqual({ route, status: 200, body: direct.body });
    }
  });

  it("creates, changes status and fields", async () => {
    const created = await t.call(
      "appointments/create",
      { serviceId: t.serviceA.id, customerId: t.customer.id, agentId: t.agentA.id, date: t.nextSlot().toISOString(), filledFields: { type_coupe: "classique" } },
      viaNext,
    );
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect((await t.call(`appointments/${id}/status`, { status: "confirmed" }, viaNext)).body.data.status).toBe("CONFIRMED");
    const fields = await t.call(`appointments/${id}/update-fields`, { filledFields: { type_coupe: "degrade" } }, viaNext);
    expect(fields.body.data.filledFields).toEqual({ type_coupe: "degrade" });
    for (const [route, body] of [
      ["services/create", { name: "Next service", basePrice: 100, duration: 30 }],
      ["agents/create", { fullname: "Next agent" }],
      ["companies/create", { name: "Next company" }],
      ["customers/create", { fullname: "Next client", telephone: uniquePhone() }],
    ] as const) {
      const res = await t.call(route, body, viaNext);
      expect(res.status, route).toBe(201);
      const edit = await t.call(`${route.split("/")[0]}/${res.body.data.id}/edit`, {}, viaNext);
      expect(edit.status, route).toBe(200);
    }
  });

  it("replays an idempotent create made through the other mount", async () => {
    const headers = { "idempotency-key": `mounts-${Date.now()}` };
    const body = { fullname: "Deux portes", telephone: uniquePhone() };
    const first = await t.call("customers/create", body, { ...viaNext, headers });
    const again = await t.call("customers/create", body, { headers });
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body, replayed: again.headers.get("idempotent-replayed") }).toEqual({
      status: 201,
      body: first.body,
      replayed: "true",
    });
  });

  it("shares one rate limit across mounts", async () => {
    const limited = await t.key({ rateLimit: 3, name: "three a minute" });
    const statuses = [];
    statuses.push((await t.call("companies/list", {}, { key: limited })).status);
    statuses.push((await t.call("companies/list", {}, { key: limited, ...viaNext })).status);
    statuses.push((await t.call("companies/list", {}, { key: limited })).status);
    const refused = await t.call("companies/list", {}, { key: limited, ...viaNext });
    expect([...statuses, refused.status]).toEqual([200, 200, 200, 429]);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers the same errors", async () => {
    const url = `${NEXT_URL}${apiPath(t.appId, "companies/list")}`;
    const cases: [RequestInit, number, string][] = [
      [{ method: "POST", headers: { "content-type": "application/json" }, body: "{}" }, 401, "not-authorized"],
      [{ method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }, 415, "unsupported-media-type"],
      [{ method: "POST", headers: { "content-type": "application/json" }, body: "{" }, 400, "validation-error"],
      [{ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ apiKey: t.admin, pad: "x".repeat(70_000) }) }, 413, "payload-too-large"],
      [{ method: "GET" }, 405, "method-not-allowed"],
    ];
    for (const [init, status, code] of cases) {
      const res = await send(url, init);
      expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    }
    const reader = await t.key({ scopes: ["catalog:read"] });
    const forbidden = await t.call("customers/create", { fullname: "X", telephone: uniquePhone() }, { key: reader, ...viaNext });
    expect({ status: forbidden.status, code: forbidden.body.error.code }).toEqual({ status: 403, code: "not-authorized" });
    const missing = await t.call("appointments/3b241101-e2bb-4255-8caf-4136c566a962", {}, viaNext);
    expect(missing.body.error.code).toBe("appointment-not-found");
    const unknown = await t.call("appointments/list/more", {}, viaNext);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("route-not-found");
  });

  it("is not Next that answers /app/ on the production server", async () => {
    // Next marks its route handlers' answers (Vary: rsc…); Hono mounted directly does not.
    const direct = await send(`${API_URL}${apiPath(t.appId, "companies/list")}`, { method: "GET" });
    const next = await send(`${NEXT_URL}${apiPath(t.appId, "companies/list")}`, { method: "GET" });
    expect(next.headers.get("vary") ?? "").toMatch(/rsc/);
    expect(direct.headers.get("vary") ?? "").not.toMatch(/rsc/);
    expect(direct.body).toEqual(next.body);
  });
});
