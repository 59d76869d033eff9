// The API-only process (RDV_ROLE=api, `npm run start:api`): the API as the full server answers
// it (headers, rate limit, errors), readiness and health for the proxy, and no pages: any other
// path answers the API's 404 envelope, without Next loaded.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiTenant, makeApiTenant, send } from "./support/api";
import { freePorts, serverEnv, startProductionServer, stopChild, waitForHealth } from "./support/processes";

let t: ApiTenant;
let base: string;
let server: ReturnType<typeof startProductionServer>;
let log: string;

beforeAll(async () => {
  t = await makeApiTenant("API only");
  // Apart from the ports the other files' own servers look for at the same time.
  const [port] = await freePorts(1, Number(process.env.HTTP_TEST_PORT_BASE ?? 3200) + 50);
  log = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-api-only-")), "server.log");
  server = startProductionServer({ ...serverEnv(inject("databaseUrl")), RDV_ROLE: "api" }, port, log);
  base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, server);
});

afterAll(() => stopChild(server));

describe("API-only process", () => {
  it("answers the API like the full server: data, security and rate-limit headers", async () => {
    const res = await t.call("companies/list", {}, { base });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data.map((c: { id: string }) => c.id).sort()).toEqual([t.companyA.id, t.companyB.id].sort());
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(Number(res.headers.get("ratelimit-limit"))).toBeGreaterThan(0);
  });

  it("counts the rate limit in the same bucket and refuses with Retry-After", async () => {
    const limited = await t.key({ rateLimit: 2, name: "two a minute" });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.call("companies/list", {}, { key: limited, base })).status);
    expect(statuses).toEqual([200, 200, 429]);
    // The full server shares the bucket: the key is spent there too.
    const there = await t.call("companies/list", {}, { key: limited });
    expect(there.status).toBe(429);
    expect(Number(there.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("refuses a bad key and a bad body with the API's envelope", async () => {
    const unknown = await t.call("companies/list", {}, { key: "rdv_unknown", base });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe("not-authorized");
    const bad = await send(`${base}/app/${t.appId}/multi-service/companies/list`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(bad.status).toBe(400);
    expect(bad.body.success).toBe(false);
  });

  it("answers readiness and health for the proxy", async () => {
    const ready = await send(`${base}/api/ready`, {});
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ ready: true, draining: false });
    const health = await send(`${base}/api/health`, {});
    expect({ status: health.status, body: health.body }).toEqual({ status: 200, body: { ok: true } });
  });

  it("serves no pages: they answer the API's 404, not HTML", async () => {
    for (const page of ["/", "/login", "/c/entreprise/appointments", "/_next/static/chunks/main.js", "/api/auth/csrf"]) {
      const res = await send(`${base}${page}`, {});
      expect(res.status, page).toBe(404);
      expect(res.headers.get("content-type"), page).toContain("application/json");
      expect(res.body, page).toMatchObject({ success: false, error: { code: "route-not-found" } });
    }
    expect(readFileSync(log, "utf8")).toContain("API seule");
  });
});
