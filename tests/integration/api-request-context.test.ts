// The API's read-only calls (appointments list and get) run outside the request context, and the
// context's storage is switched off whenever no call runs inside it: before Node 24 an enabled
// storage costs every promise of the process (db/request-context.ts). Writes still run inside it
// (their deadline and Idempotency-Key transaction depend on it), so a route may be declared
// read-only only if it writes nothing: checked here for every one of them, with triggers. The API
// app in process, on the test's database.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { executeRows, getDb } from "@/db";
import { contextsRunning, requestContext } from "@/db/request-context";
import { createApiKey } from "@/lib/auth/api-keys";
import { SCOPES } from "@/lib/contract/scopes";
import { createWebhook } from "@/lib/webhooks/endpoints";
import { createApi } from "@/server/api/app";
import { makeTenant } from "../support/factories";

/** Node's own flag: whether the storage is in use (it is switched off between calls before Node 24). */
const enabled = () => (requestContext as unknown as { enabled?: boolean }).enabled;
const switched = Number(process.versions.node.split(".")[0]) < 24;

describe("the API's request context", () => {
  let tenant: Awaited<ReturnType<typeof makeTenant>>;
  let apiKey: string;
  const api = createApi();
  const call = async (route: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const res = await api.request(`/app/${tenant.appId}/multi-service/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ apiKey, ...body }),
    });
    return { status: res.status, body: (await res.json()) as { data?: { id: string } } };
  };

  beforeAll(async () => {
    tenant = await makeTenant("Request context");
    ({ key: apiKey } = await createApiKey(tenant.owner, { name: "context", scopes: [...SCOPES], rateLimit: 1_000_000 }));
  });
  afterEach(() => vi.restoreAllMocks());

  it("list and get never enter it; a create does, and leaves it switched off once answered", async () => {
    const made = await call("appointments/create", tenant.bookingBody());
    expect(made.status).toBe(201);
    const run = vi.spyOn(requestContext, "run");

    const list = await call("appointments/list", { companyId: tenant.companyA.id });
    const got = await call(`appointments/${made.body.data!.id}`, {});
    expect([list.status, got.status]).toEqual([200, 200]);
    expect(got.body.data!.id).toBe(made.body.data!.id);
    expect(run).not.toHaveBeenCalled();

    const keyed = await call("appointments/create", tenant.bookingBody(), { "idempotency-key": `context-${tenant.appId}` });
    expect(keyed.status).toBe(201);
    // The deadline's scope, then the Idempotency-Key transaction's inside it.
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(contextsRunning()).toBe(0);
    if (switched) expect(enabled()).toBe(false);
  });

  it("reads and writes at once are all answered, and the storage is off once they are", async () => {
    const made = await call("appointments/create", tenant.bookingBody());
    const writes = Array.from({ length: 6 }, (_, i) =>
      call("appointments/create", tenant.bookingBody(), i % 2 ? { "idempotency-key": `overlap-${i}-${tenant.appId}` } : {}),
    );
    const reads = Array.from({ length: 6 }, () => call(`appointments/${made.body.data!.id}`, {}));
    const answers = await Promise.all([...writes, ...reads]);
    expect(answers.map((a) => a.status)).toEqual([...writes.map(() => 201), ...reads.map(() => 200)]);
    expect(contextsRunning()).toBe(0);
    if (switched) expect(enabled()).toBe(false);
  });

  it("every route declared read-only writes nothing (its key check aside), and answers", async () => {
    const made = await call("appointments/create", tenant.bookingBody());
    const { endpoint: hook } = await createWebhook(tenant.owner, { url: "https://hooks.example.com/rendez-vous" });
    const day = tenant.nextSlot();
    // What each read-only route is called with: its path's ids and its body.
    const calls: Record<string, { ids?: Record<string, string>; body?: Record<string, unknown> }> = {
      "POST /app/{appId}/multi-service/appointments/list": { body: { companyId: tenant.companyA.id } },
      "POST /app/{appId}/multi-service/appointments/{id}": { ids: { id: made.body.data!.id } },
      "POST /app/{appId}/multi-service/agents/list": {},
      "POST /app/{appId}/multi-service/agents/{id}": { ids: { id: tenant.agentA.id } },
      "POST /app/{appId}/multi-service/companies/list": {},
      "POST /app/{appId}/multi-service/companies/{id}": { ids: { id: tenant.companyA.id } },
      "POST /app/{appId}/multi-service/customers/list": {},
      "POST /app/{appId}/multi-service/customers/{id}": { ids: { id: tenant.customer.id } },
      "POST /app/{appId}/multi-service/services/list": {},
      "POST /app/{appId}/multi-service/services/{id}": { ids: { id: tenant.serviceA.id } },
      "POST /app/{appId}/multi-service/events/list": {},
      "POST /app/{appId}/multi-service/messages/list": {},
      "POST /app/{appId}/multi-service/messages/{id}": { ids: { id: "00000000-0000-4000-8000-000000000000" } },
      "POST /app/{appId}/multi-service/companies/{id}/messages/settings": { ids: { id: tenant.companyA.id } },
      "POST /app/{appId}/multi-service/messages/providers/list": {},
      "POST /app/{appId}/multi-service/availability/search": {
        body: { serviceId: tenant.serviceA.id, from: day.toISOString(), to: new Date(day.getTime() + 86_400_000).toISOString() },
      },
      "POST /app/{appId}/multi-service/agents/{id}/schedule": { ids: { id: tenant.agentA.id } },
      "POST /app/{appId}/multi-service/agents/{id}/time-off/list": { ids: { id: tenant.agentA.id } },
      "POST /app/{appId}/multi-service/companies/{id}/hours": { ids: { id: tenant.companyA.id } },
      "POST /app/{appId}/multi-service/webhooks/list": {},
      "POST /app/{appId}/multi-service/webhooks/{id}": { ids: { id: hook.id } },
      "POST /app/{appId}/multi-service/webhooks/{id}/deliveries": { ids: { id: hook.id } },
    };
    expect(Object.keys(calls).sort()).toEqual([...api.readOnlyRoutes].sort());

    // Every write to a row of this app, in any table with an app_id, is logged, but for the key
    // check's own (its rate-limit bucket, the key's last use).
    const db = await getDb();
    const name = `rdv_writes_${randomBytes(4).toString("hex")}`;
    const tables = (
      await executeRows<{ table_name: string }>(
        db,
        sql`SELECT DISTINCT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND c.column_name = 'app_id' AND t.table_type = 'BASE TABLE'
              AND c.table_name NOT IN ('rate_limit_buckets', 'api_keys')`,
      )
    ).map((r) => r.table_name);
    await db.execute(sql.raw(`CREATE TABLE ${name} (tbl text, op text)`));
    await db.execute(
      sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (CASE WHEN TG_OP = 'DELETE' THEN OLD.app_id ELSE NEW.app_id END) = '${tenant.appId}' THEN
            INSERT INTO ${name} VALUES (TG_TABLE_NAME, TG_OP);
          END IF;
          RETURN NULL;
        END $$`),
    );
    for (const table of tables) {
      await db.execute(sql.raw(`CREATE TRIGGER ${name} AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`));
    }
    try {
      const answers: Record<string, number> = {};
      for (const [route, { ids = {}, body = {} }] of Object.entries(calls)) {
        const path = route.replace(/^POST \/app\/\{appId\}\/multi-service\//, "").replace(/\{(\w+)\}/g, (_, id: string) => ids[id]);
        answers[route] = (await call(path, body)).status;
      }
      const expected = Object.fromEntries(Object.keys(calls).map((route) => [route, route.endsWith("messages/{id}") ? 404 : 200]));
      expect(answers).toEqual(expected);
      expect(await executeRows(db, sql.raw(`SELECT tbl, op FROM ${name}`))).toEqual([]);
    } finally {
      for (const table of tables) await db.execute(sql.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`));
      await db.execute(sql.raw(`DROP FUNCTION IF EXISTS ${name}()`));
      await db.execute(sql.raw(`DROP TABLE IF EXISTS ${name}`));
    }
  });
});
