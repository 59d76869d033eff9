// Every error code of the contract, over HTTP, with its status and the envelope's shape.
// The last test checks that none was left out.
import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { ERROR_STATUS, type ErrorCode } from "@/lib/contract/errors";
import { whileRowLocked } from "../support/row-lock";
import { type Answer, API_URL, apiPath, type ApiTenant, makeApiTenant, post, send, slotIso } from "./support/api";

const seen = new Set<string>();

function expectError(res: Answer, code: ErrorCode, status: number = ERROR_STATUS[code]) {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(res.body.success).toBe(false);
  expect(typeof res.body.error.message).toBe("string");
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  seen.add(code);
  return res.body.error as { code: string; message: string; details?: Record<string, unknown> };
}

const UNKNOWN = "3b241101-e2bb-4255-8caf-4136c566a962";
let t: ApiTenant;
let other: ApiTenant;

beforeAll(async () => {
  [t, other] = await Promise.all([makeApiTenant("Errors"), makeApiTenant("Errors other")]);
});

describe("not found: unknown, malformed and other tenants' ids look the same", () => {
  it("appointment-not-found", async () => {
    const theirs = await other.book();
    for (const id of [UNKNOWN, "not-a-uuid", theirs.id, "00000000-0000-0000-0000-000000000000'--"]) {
      expectError(await t.call(`appointments/${encodeURIComponent(id)}`), "appointment-not-found");
      expectError(await t.call(`appointments/${encodeURIComponent(id)}/status`, { status: "CONFIRMED" }), "appointment-not-found");
      expectError(
        await t.call(`appointments/${encodeURIComponent(id)}/update-fields`, { filledFields: {} }),
        "appointment-not-found",
      );
    }
  });

  it("service-not-found", async () => {
    expectError(await t.call(`services/${UNKNOWN}`), "service-not-found");
    expectError(await t.call(`services/${other.serviceA.id}/edit`, { name: "x" }), "service-not-found");
    const res = await t.call("appointments/create", {
      serviceId: other.serviceA.id,
      customerId: t.customer.id,
      date: slotIso(t),
      filledFields: { type_coupe: "classique" },
    });
    expectError(res, "service-not-found");
    // A service of one company with the other companyId.
    expectError(
      await t.call("appointments/create", {
        serviceId: t.serviceA.id,
        companyId: t.companyB.id,
        customerId: t.customer.id,
        date: slotIso(t),
        filledFields: { type_coupe: "classique" },
      }),
      "service-not-found",
    );
  });

  it("agent-not-found: unknown, of another company, or not performing the service", async () => {
    expectError(await t.call(`agents/${UNKNOWN}`), "agent-not-found");
    for (const agentId of [UNKNOWN, t.agentB.id, other.agentA.id]) {
      const res = await t.call("appointments/create", {
        serviceId: t.serviceA.id,
        customerId: t.customer.id,
        agentId,
        date: slotIso(t),
        filledFields: { type_coupe: "classique" },
      });
      expectError(res, "agent-not-found");
    }
  });

  it("customer-not-found", async () => {
    expectError(await t.call(`customers/${other.customer.id}`), "customer-not-found");
    expectError(await t.call(`customers/${UNKNOWN}/edit`, { fullname: "X" }), "customer-not-found");
    const res = await t.call("appointments/create", {
      serviceId: t.serviceA.id,
      customerId: other.customer.id,
      date: slotIso(t),
      filledFields: { type_coupe: "classique" },
    });
    expectError(res, "customer-not-found");
  });

  it("company-not-found", async () => {
    expectError(await t.call(`companies/${other.companyA.id}`), "company-not-found");
    expectError(await t.call(`companies/${UNKNOWN}/edit`, { name: "X" }), "company-not-found");
    expectError(
      await t.call("services/create", { companyId: other.companyA.id, name: "X", basePrice: 0, duration: 30 }),
      "company-not-found",
    );
  });

  it("webhook-not-found and delivery-not-found", async () => {
    expectError(await t.call(`webhooks/${UNKNOWN}`), "webhook-not-found");
    expectError(await t.call("webhooks/not-an-id/edit", { description: "x" }), "webhook-not-found");
    const mine = await t.call("webhooks/create", { url: "https://hooks.example.com/rdv" });
    expect(mine.status).toBe(201);
    const id = mine.body.data.endpoint.id as string;
    expectError(await t.call(`webhooks/${id}/deliveries/${UNKNOWN}/retry`), "delivery-not-found");
    expectError(await other.call(`webhooks/${id}`), "webhook-not-found");
  });

  it("message-not-found", async () => {
    expectError(await t.call(`messages/${UNKNOWN}`), "message-not-found");
    expectError(await t.call("messages/not-an-id/resend"), "message-not-found");
  });

  it("provider-not-found", async () => {
    expectError(await t.call("messages/providers/delete", { channel: "sms" }), "provider-not-found");
    expectError(await t.call("messages/providers/delete", { channel: "pigeon" }), "provider-not-found");
  });
});

describe("not-authorized", () => {
  it("answers any key problem with one 401 and one message", async () => {
    const revoked = await t.keyRecord();
    await revokeApiKey(t.owner, revoked.id);
    const answers = [
      await post(t.appId, "companies/list", {}),
      await post(t.appId, "companies/list", { apiKey: "rdv_unknown" }),
      await post(t.appId, "companies/list", { apiKey: `rdv_${"A".repeat(43)}` }),
      await post(t.appId, "companies/list", { apiKey: revoked.secret }),
      await post(t.appId, "companies/list", { apiKey: other.admin }),
      await post(t.appId, "companies/list", { apiKey: 42 }),
      await post(t.appId, "companies/list", {}, { headers: { authorization: "Basic abc" } }),
      await post(t.appId, "companies/list", { apiKey: t.admin }, { headers: { authorization: `Bearer ${other.admin}` } }),
      await post("not-an-app", "companies/list", { apiKey: t.admin }),
      await post(other.appId, "companies/list", { apiKey: t.admin }),
    ];
    const messages = new Set(answers.map((res) => expectError(res, "not-authorized", 401).message));
    expect(messages.size).toBe(1);
    expect(answers[0].headers.get("www-authenticate")).toMatch(/^Bearer/);
    // The revoked key worked before: the 401 is the revocation.
    expect((await post(t.appId, "companies/list", { apiKey: t.admin })).status).toBe(200);
  });

  it("accepts the key as a Bearer token too", async () => {
    const res = await post(t.appId, "companies/list", {}, { headers: { authorization: `Bearer ${t.admin}` } });
    expect(res.status).toBe(200);
  });

  it("with a key in both the header and the body, both must be that key: a bad header never falls back to a good body", async () => {
    const both = (header: string, apiKey: unknown) => post(t.appId, "companies/list", { apiKey }, { headers: { authorization: header } });
    expect((await both(`Bearer ${t.admin}`, t.admin)).status).toBe(200);
    const refused = [
      await both("Basic abc", t.admin), // not a Bearer header
      await both("Bearer", t.admin), // no token
      await both("Bearer rdv_unknown", t.admin),
      await both(`Bearer ${t.admin}`, "rdv_unknown"), // nor the other way round
      await both(`Bearer ${t.admin}`, 42),
    ];
    for (const res of refused) expectError(res, "not-authorized", 401);
  });

  it("answers 403 for a valid key without the scope", async () => {
    const reader = await t.key({ scopes: ["appointments:read"] });
    const res = await t.call(
      "appointments/create",
      { serviceId: t.serviceA.id, customerId: t.customer.id, date: slotIso(t), filledFields: { type_coupe: "classique" } },
      { key: reader },
    );
    expectError(res, "not-authorized", 403);
    // Creating as CONFIRMED needs appointments:status on top of appointments:write.
    const writer = await t.key({ scopes: ["appointments:write", "appointments:read"] });
    const confirmed = await t.call(
      "appointments/create",
      { serviceId: t.serviceA.id, customerId: t.customer.id, date: slotIso(t), status: "CONFIRMED", filledFields: { type_coupe: "classique" } },
      { key: writer },
    );
    expectError(confirmed, "not-authorized", 403);
  });
});

describe("validation-error", () => {
  it("names the fields at fault", async () => {
    const res = await t.call("appointments/create", {
      serviceId: 12,
      customerId: t.customer.id,
      date: "2025-01-15 10:00",
      totalPrice: -1,
      commune: "x".repeat(101),
    });
    const error = expectError(res, "validation-error");
    expect(Object.keys(error.details!.fields as object).sort()).toEqual(["commune", "date", "serviceId", "totalPrice"]);
  });

  it("refuses dates without an offset or that do not exist, and an empty range", async () => {
    for (const date of ["2031-01-15T10:00:00", "2031-02-30T10:00:00Z", "2031-01-15T24:00:00Z", "demain", "1999-12-31T23:00:00Z"]) {
      const res = await t.call("appointments/create", { serviceId: t.serviceA.id, customerId: t.customer.id, date, filledFields: { type_coupe: "classique" } });
      expect(expectError(res, "validation-error").details).toHaveProperty("fields.date");
    }
    const range = await t.call("appointments/list", { from: "2031-01-02T00:00:00Z", to: "2031-01-01T00:00:00Z" });
    expectError(range, "validation-error");
  });

  it("checks filledFields against the service's fields", async () => {
    const res = await t.call("appointments/create", {
      serviceId: t.serviceA.id,
      customerId: t.customer.id,
      date: slotIso(t),
      filledFields: { type_coupe: "afro", age: "douze", inconnu: 1 },
    });
    const error = expectError(res, "validation-error");
    expect(Object.keys(error.details!.fields as object).sort()).toEqual(["filledFields", "filledFields.age", "filledFields.type_coupe"]);
  });

  it("refuses a tampered cursor, an unknown status, a limit out of range", async () => {
    for (const body of [{ cursor: "bm90LWEtY3Vyc29y" }, { cursor: "%%%" }, { status: "DONE" }, { limit: 201 }, { limit: 1.5 }, { order: "up" }]) {
      expectError(await t.call("appointments/list", body), "validation-error");
    }
    const booked = await t.book();
    expectError(await t.call(`appointments/${booked.id}/status`, { status: "FINISHED" }), "validation-error");
  });

  it("refuses malformed JSON and a body that is not an object", async () => {
    const url = `${API_URL}${apiPath(t.appId, "companies/list")}`;
    for (const body of ['{"apiKey": ', "[]", '"x"', "null", "42", "\u0000"]) {
      expectError(await send(url, { method: "POST", headers: { "content-type": "application/json" }, body }), "validation-error");
    }
  });
});

describe("conflicts", () => {
  it("invalid-status-transition: the same status again, or out of a final status", async () => {
    const booked = await t.book();
    const again = expectError(await t.call(`appointments/${booked.id}/status`, { status: "PENDING" }), "invalid-status-transition");
    expect(again.details).toEqual({ from: "PENDING", to: "PENDING" });
    await t.call(`appointments/${booked.id}/status`, { status: "CANCELLED" });
    expectError(await t.call(`appointments/${booked.id}/status`, { status: "CONFIRMED" }), "invalid-status-transition");
    expectError(
      await t.call(`appointments/${booked.id}/update-fields`, { filledFields: { type_coupe: "degrade" } }),
      "invalid-status-transition",
    );
  });

  it("agent-unavailable on overlap; back-to-back is fine", async () => {
    const start = new Date("2032-05-05T09:00:00Z");
    const book = (date: Date) =>
      t.call("appointments/create", {
        serviceId: t.serviceA.id,
        customerId: t.customer.id,
        agentId: t.agentA.id,
        date: date.toISOString(),
        filledFields: { type_coupe: "classique" },
      });
    expect((await book(start)).status).toBe(201);
    expectError(await book(new Date(start.getTime() + 15 * 60_000)), "agent-unavailable");
    expect((await book(new Date(start.getTime() + 30 * 60_000))).status).toBe(201);
  });

  it("appointment-changed: of two moves of one appointment at once, the one that read it before the other moved it", async () => {
    const apt = await t.book();
    const moves = () => [slotIso(t), slotIso(t)].map((date) => t.call(`appointments/${apt.id}/reschedule`, { date }));
    const answers = await Promise.all(await whileRowLocked(t.appId, apt.id, 2, moves));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expectError(answers.find((a) => a.status === 409)!, "appointment-changed");
  });

  it("outside-working-hours: outside the agent's hours, with when they work that day", async () => {
    await t.call(`companies/${t.companyB.id}/hours/edit`, { hours: { mon: [{ start: "09:00", end: "12:00" }] } });
    const err = expectError(
      await t.call("appointments/create", { serviceId: t.serviceB.id, customerId: t.customer.id, agentId: t.agentB.id, date: "2032-05-03T13:00:00Z" }),
      "outside-working-hours",
    );
    expect(err.message).toContain("09:00–12:00");
    await t.call(`companies/${t.companyB.id}/hours/edit`, { hours: null });
  });

  it("time-off-not-found: an unknown time off of a known agent", async () => {
    expectError(await t.call(`agents/${t.agentA.id}/time-off/${UNKNOWN}/delete`), "time-off-not-found");
  });

  it("idempotency-conflict: the same key with another body", async () => {
    const headers = { "idempotency-key": `conflict-${Date.now()}` };
    expect((await t.call("customers/create", { fullname: "Konan", telephone: "+2250102030405" }, { headers })).status).toBe(201);
    expectError(await t.call("customers/create", { fullname: "Konan", telephone: "+2250102030406" }, { headers }), "idempotency-conflict");
  });
});

describe("transport", () => {
  it("payload-too-large, unsupported-media-type, rate-limited", async () => {
    const url = `${API_URL}${apiPath(t.appId, "companies/list")}`;
    const big = JSON.stringify({ apiKey: t.admin, search: "x".repeat(70_000) });
    expectError(await send(url, { method: "POST", headers: { "content-type": "application/json" }, body: big }), "payload-too-large");
    expectError(await send(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "{}" }), "unsupported-media-type");
    const limited = await t.key({ rateLimit: 1 });
    expect((await t.call("companies/list", {}, { key: limited })).status).toBe(200);
    const res = await t.call("companies/list", {}, { key: limited });
    expectError(res, "rate-limited");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("route-not-found and method-not-allowed", async () => {
    expectError(await t.call("appointments/list/extra"), "route-not-found");
    expectError(await send(`${API_URL}/app/${t.appId}/other`, { method: "POST" }), "route-not-found");
    const get = await send(`${API_URL}${apiPath(t.appId, "appointments/list")}`, { method: "GET" });
    expectError(get, "method-not-allowed");
    expect(get.headers.get("allow")).toContain("POST");
  });
});

describe("internal-error", () => {
  const NAME = "http-test-internal-error";
  beforeAll(async () => {
    // A real failure inside the database, for this one company name only.
    const db = await getDb();
    await db.execute(sql.raw(`
      CREATE OR REPLACE FUNCTION http_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '${NAME}' THEN RAISE EXCEPTION 'simulated database failure' USING ERRCODE = 'XX000'; END IF;
        RETURN NEW;
      END $$`));
    await db.execute(sql.raw(`CREATE TRIGGER http_test_fail BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION http_test_fail()`));
  });
  afterAll(async () => {
    const db = await getDb();
    await db.execute(sql.raw(`DROP TRIGGER IF EXISTS http_test_fail ON companies; DROP FUNCTION IF EXISTS http_test_fail()`));
  });

  it("answers 500 internal-error without details or stack, and logs the cause", async () => {
    const res = await t.call("companies/create", { name: NAME });
    const error = expectError(res, "internal-error");
    expect(error.details).toBeUndefined();
    expect(res.text).not.toMatch(/simulated|at .*\.(ts|js)|stack/i);
    // The server's output reaches the log file through the test runner's pipe: give it a moment.
    let log = "";
    for (let i = 0; i < 40 && !log.includes("simulated database failure"); i++) {
      await new Promise((r) => setTimeout(r, 50));
      log = await readFile(inject("serverLog"), "utf8");
    }
    expect(log).toContain("simulated database failure");
    expect(log).toMatch(/\[api\] POST \/app\/[^ ]+\/companies\/create failed/);
  });
});

describe("service-unavailable", () => {
  const NAME = "http-test-slow-statement";
  beforeAll(async () => {
    // A statement that outlives the server's statement_timeout (5 s), for this one name only.
    const db = await getDb();
    await db.execute(sql.raw(`
      CREATE OR REPLACE FUNCTION http_test_slow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.name = '${NAME}' THEN PERFORM pg_sleep(8); END IF;
        RETURN NEW;
      END $$`));
    await db.execute(sql.raw(`CREATE TRIGGER http_test_slow BEFORE INSERT ON companies FOR EACH ROW EXECUTE FUNCTION http_test_slow()`));
  });
  afterAll(async () => {
    const db = await getDb();
    await db.execute(sql.raw(`DROP TRIGGER IF EXISTS http_test_slow ON companies; DROP FUNCTION IF EXISTS http_test_slow()`));
  });

  it("a statement past the timeout answers 503 with Retry-After, writes nothing, and the server goes on", async () => {
    const res = await t.call("companies/create", { name: NAME });
    expectError(res, "service-unavailable");
    expect(res.headers.get("retry-after")).toBe("2");
    const db = await getDb();
    const rows = await db.execute(sql.raw(`SELECT 1 FROM companies WHERE name = '${NAME}'`));
    expect(Array.isArray(rows) ? rows.length : (rows as { rows: unknown[] }).rows.length).toBe(0);
    expect((await t.call("companies/list")).status).toBe(200);
    // A slow statement is not a database out of reach: pages are not turned into the 503 page.
    const page = await fetch(`${API_URL}/login`);
    expect(page.status).toBe(200);
  });
});

it("covers every code of the API", () => {
  // Codes only the dashboard meets: API keys and members are managed there.
  const dashboardOnly = ["api-key-not-found", "user-not-found"];
  const apiCodes = Object.keys(ERROR_STATUS).filter((c) => !dashboardOnly.includes(c));
  expect([...seen].sort()).toEqual(apiCodes.sort());
});
