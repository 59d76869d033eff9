// The API's read-only calls (appointments list and get) run outside the request context, and the
// context's storage is switched off whenever no call runs inside it: before Node 24 an enabled
// storage costs every promise of the process (db/request-context.ts). Writes still run inside it
// (their deadline and Idempotency-Key transaction depend on it). The API app in process, on the
// test's database.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { contextsRunning, requestContext } from "@/db/request-context";
import { createApiKey } from "@/lib/auth/api-keys";
import { SCOPES } from "@/lib/contract/scopes";
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

  const createBody = () => ({
    serviceId: tenant.serviceA.id,
    agentId: tenant.agentA.id,
    customerId: tenant.customer.id,
    date: tenant.nextSlot().toISOString(),
    filledFields: { type_coupe: "classique" },
  });

  it("list and get never enter it; a create does, and leaves it switched off once answered", async () => {
    const made = await call("appointments/create", createBody());
    expect(made.status).toBe(201);
    const run = vi.spyOn(requestContext, "run");

    const list = await call("appointments/list", { companyId: tenant.companyA.id });
    const got = await call(`appointments/${made.body.data!.id}`, {});
    expect([list.status, got.status]).toEqual([200, 200]);
    expect(got.body.data!.id).toBe(made.body.data!.id);
    expect(run).not.toHaveBeenCalled();

    const keyed = await call("appointments/create", createBody(), { "idempotency-key": `context-${tenant.appId}` });
    expect(keyed.status).toBe(201);
    // The deadline's scope, then the Idempotency-Key transaction's inside it.
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(contextsRunning()).toBe(0);
    if (switched) expect(enabled()).toBe(false);
  });

  it("reads and writes at once are all answered, and the storage is off once they are", async () => {
    const made = await call("appointments/create", createBody());
    const writes = Array.from({ length: 6 }, (_, i) =>
      call("appointments/create", createBody(), i % 2 ? { "idempotency-key": `overlap-${i}-${tenant.appId}` } : {}),
    );
    const reads = Array.from({ length: 6 }, () => call(`appointments/${made.body.data!.id}`, {}));
    const answers = await Promise.all([...writes, ...reads]);
    expect(answers.map((a) => a.status)).toEqual([...writes.map(() => 201), ...reads.map(() => 200)]);
    expect(contextsRunning()).toBe(0);
    if (switched) expect(enabled()).toBe(false);
  });
});
