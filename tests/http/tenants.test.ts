// The tenant matrix over every endpoint: two apps with two companies each; keys with and
// without a company restriction and with different scopes. Another app's key is 401; a
// missing scope is 403; another app's ids, and another company's for a restricted key, answer
// …-not-found exactly like unknown ids; lists show only what the key may see; nothing is
// written for a refused request.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { agents, appointments, companies, customers, services, webhookEndpoints } from "@/db/schema";
import { createAppointment } from "@/lib/appointments";
import type { Scope } from "@/lib/contract/scopes";
import { createWebhook, sendTestEvent } from "@/lib/webhooks";
import { uniquePhone } from "../support/factories";
import { insertMessage } from "../support/messages";
import { type Answer, type ApiTenant, makeApiTenant, post } from "./support/api";

type KeyName = "full" | "restricted" | "readOnly" | "booking" | "foreign";
type Target = "own" | "otherCompany" | "otherApp";

let A: ApiTenant;
let B: ApiTenant;
const keys = {} as Record<KeyName, string>;
const KEY_SCOPES: Record<Exclude<KeyName, "foreign">, readonly Scope[] | "all"> = {
  full: "all",
  restricted: "all",
  readOnly: ["appointments:read", "catalog:read"],
  booking: ["appointments:read", "appointments:write"],
};

beforeAll(async () => {
  [A, B] = await Promise.all([makeApiTenant("Matrix A"), makeApiTenant("Matrix B")]);
  keys.full = A.admin;
  keys.restricted = await A.key({ companyId: A.companyA.id, name: "restricted" });
  keys.readOnly = await A.key({ scopes: KEY_SCOPES.readOnly as Scope[], name: "read only" });
  keys.booking = await A.key({ scopes: KEY_SCOPES.booking as Scope[], name: "booking" });
  keys.foreign = B.admin;
});

const hasScope = (key: KeyName, scopes: readonly Scope[]) => {
  if (key === "foreign") return true;
  const own = KEY_SCOPES[key];
  return own === "all" || scopes.some((s) => own.includes(s));
};

/** A disabled endpoint (nothing is sent) of the target's company, and a delivery in its log. */
async function freshWebhook(target: Target) {
  const { t, company } = parts(target);
  const { endpoint } = await createWebhook(t.owner, { url: "http://127.0.0.1:9/matrix", companyId: company.id, enabled: false });
  return endpoint;
}

/** What a webhook answer belongs to: every endpoint and delivery in it must be app A's (and companyA's for the restricted key). */
function webhookCheck(data: unknown, key: KeyName) {
  const items = Array.isArray(data) ? data : [data];
  for (const item of items as { endpoint?: { id: string; companyId: string | null }; endpointId?: string; id: string; companyId?: string | null }[]) {
    const id = item.endpoint?.id ?? item.endpointId ?? item.id;
    expect(ownWebhooks.has(id), `endpoint ${id} is app A's`).toBe(true);
    if (key === "restricted") expect(ownWebhooks.get(id)).toBe(A.companyA.id);
  }
}
/** App A's endpoints by id → company, filled as the cases make them. */
const ownWebhooks = new Map<string, string | null>();
async function webhookOf(target: Target) {
  const endpoint = await freshWebhook(target);
  if (target !== "otherApp") ownWebhooks.set(endpoint.id, endpoint.companyId);
  return endpoint;
}
const webhookCase = (route: string, body: Record<string, unknown> = {}, success: Case["success"] = 200): Case => ({
  route,
  scopes: ["webhooks:manage"],
  targets: ["own", "otherCompany", "otherApp"],
  companyScoped: true,
  notFound: "webhook-not-found",
  success,
  check: webhookCheck,
  request: async (target) => ({ route: route.replace("{id}", (await webhookOf(target)).id), body }),
});

/** A failed message (so it may be resent) about a fresh appointment of the target's company. */
async function freshMessage(target: Target) {
  return (await insertMessage(await freshAppointment(target))).id;
}
const ownCompanies = () => [A.companyA.id, A.companyB.id];
const messageCase = (route: string, scopes: readonly Scope[]): Case => ({
  route,
  scopes,
  targets: ["own", "otherCompany", "otherApp"],
  companyScoped: true,
  notFound: "message-not-found",
  success: 200,
  check: (data, key) => {
    const { companyId } = data as { companyId: string };
    expect(ownCompanies()).toContain(companyId);
    if (key === "restricted") expect(companyId).toBe(A.companyA.id);
  },
  request: async (target) => ({ route: route.replace("{id}", await freshMessage(target)), body: {} }),
});
const settingsCase = (route: string, scopes: readonly Scope[], body: Record<string, unknown>): Case => ({
  route,
  scopes,
  targets: ["own", "otherCompany", "otherApp"],
  companyScoped: true,
  notFound: "company-not-found",
  success: 200,
  check: (data) => expect(data).toMatchObject({ enabled: expect.any(Boolean), dayBeforeAt: expect.any(String) }),
  request: async (target) => ({ route: route.replace("{id}", parts(target).company.id), body }),
});

/** The company, service and agent a target names. */
function parts(target: Target) {
  if (target === "otherApp") return { t: B, company: B.companyA, service: B.serviceA, agent: B.agentA };
  if (target === "otherCompany") return { t: A, company: A.companyB, service: A.serviceB, agent: A.agentB };
  return { t: A, company: A.companyA, service: A.serviceA, agent: A.agentA };
}

let minute = 0;
/** A fresh appointment in the target's company (agent-less, so slots never clash). */
async function freshAppointment(target: Target) {
  const { t, service } = parts(target);
  const date = new Date(Date.UTC(2033, 0, 1) + minute++ * 3_600_000);
  return createAppointment(t.owner, {
    serviceId: service.id,
    customerId: t.customer.id,
    date,
    filledFields: service.id === t.serviceA.id ? { type_coupe: "classique" } : {},
  });
}

type Case = {
  /** The endpoint, for the test's name. */
  route: string;
  scopes: readonly Scope[];
  targets: readonly Target[];
  /** Whether a company-restricted key is limited here (customers are app-wide). */
  companyScoped: boolean;
  notFound: string;
  success: 200 | 201 | 202;
  /** What a success must show instead of `appId` (answers without one). */
  check?: (data: unknown, key: KeyName) => void;
  /** Extra refusal: creating a company needs a key for the whole app. */
  wholeAppOnly?: boolean;
  request: (target: Target) => Promise<{ route: string; body: Record<string, unknown> }>;
};

const read = (route: string, scopes: readonly Scope[], companyScoped: boolean, notFound: string, id: (target: Target) => Promise<string> | string): Case => ({
  route,
  scopes,
  targets: companyScoped ? ["own", "otherCompany", "otherApp"] : ["own", "otherApp"],
  companyScoped,
  notFound,
  success: 200,
  request: async (target) => ({ route: route.replace("{id}", await id(target)), body: {} }),
});

const CASES: Case[] = [
  read("appointments/{id}", ["appointments:read"], true, "appointment-not-found", async (t) => (await freshAppointment(t)).id),
  {
    ...read("appointments/{id}/status", ["appointments:status"], true, "appointment-not-found", async (t) => (await freshAppointment(t)).id),
    request: async (t) => ({ route: `appointments/${(await freshAppointment(t)).id}/status`, body: { status: "confirmed" } }),
  },
  {
    ...read("appointments/{id}/update-fields", ["appointments:write"], true, "appointment-not-found", () => ""),
    request: async (t) => {
      const apt = await freshAppointment(t);
      const filledFields = apt.serviceId === parts(t).t.serviceA.id ? { type_coupe: "degrade" } : {};
      return { route: `appointments/${apt.id}/update-fields`, body: { filledFields } };
    },
  },
  {
    route: "appointments/create",
    scopes: ["appointments:write"],
    targets: ["own", "otherCompany", "otherApp"],
    companyScoped: true,
    notFound: "service-not-found",
    success: 201,
    request: async (target) => {
      const { service } = parts(target);
      return {
        route: "appointments/create",
        body: {
          serviceId: service.id,
          customerId: A.customer.id,
          date: new Date(Date.UTC(2034, 0, 1) + minute++ * 3_600_000).toISOString(),
          filledFields: service.id === A.serviceA.id || service.id === B.serviceA.id ? { type_coupe: "classique" } : {},
        },
      };
    },
  },
  read("services/{id}", ["catalog:read"], true, "service-not-found", (t) => parts(t).service.id),
  { ...read("services/{id}/edit", ["catalog:write"], true, "service-not-found", () => ""), request: async (t) => ({ route: `services/${parts(t).service.id}/edit`, body: { description: "Édité" } }) },
  {
    route: "services/create",
    scopes: ["catalog:write"],
    targets: ["own", "otherCompany", "otherApp"],
    companyScoped: true,
    notFound: "company-not-found",
    success: 201,
    request: async (t) => ({ route: "services/create", body: { companyId: parts(t).company.id, name: `Matrix ${minute++}`, basePrice: 1000, duration: 30 } }),
  },
  read("agents/{id}", ["catalog:read"], true, "agent-not-found", (t) => parts(t).agent.id),
  { ...read("agents/{id}/edit", ["catalog:write"], true, "agent-not-found", () => ""), request: async (t) => ({ route: `agents/${parts(t).agent.id}/edit`, body: { role: "Édité" } }) },
  {
    route: "agents/create",
    scopes: ["catalog:write"],
    targets: ["own", "otherCompany", "otherApp"],
    companyScoped: true,
    notFound: "company-not-found",
    success: 201,
    request: async (t) => ({ route: "agents/create", body: { companyId: parts(t).company.id, fullname: `Agent ${minute++}` } }),
  },
  read("companies/{id}", ["catalog:read"], true, "company-not-found", (t) => parts(t).company.id),
  { ...read("companies/{id}/edit", ["catalog:write"], true, "company-not-found", () => ""), request: async (t) => ({ route: `companies/${parts(t).company.id}/edit`, body: { description: "Éditée" } }) },
  {
    route: "companies/create",
    scopes: ["catalog:write"],
    targets: ["own"],
    companyScoped: false,
    wholeAppOnly: true,
    notFound: "company-not-found",
    success: 201,
    request: async () => ({ route: "companies/create", body: { name: `Entreprise ${minute++}` } }),
  },
  read("customers/{id}", ["catalog:read", "appointments:read"], false, "customer-not-found", (t) => parts(t).t.customer.id),
  {
    ...read("customers/{id}/edit", ["catalog:write", "appointments:write"], false, "customer-not-found", () => ""),
    request: async (t) => ({ route: `customers/${parts(t).t.customer.id}/edit`, body: { email: "client@example.ci" } }),
  },
  {
    route: "customers/create",
    scopes: ["catalog:write", "appointments:write"],
    targets: ["own"],
    companyScoped: false,
    notFound: "customer-not-found",
    success: 201,
    request: async () => ({ route: "customers/create", body: { fullname: "Client Matrice", telephone: uniquePhone() } }),
  },
  webhookCase("webhooks/{id}"),
  webhookCase("webhooks/{id}/edit", { description: "Édité" }),
  webhookCase("webhooks/{id}/rotate-secret"),
  webhookCase("webhooks/{id}/deliveries"),
  webhookCase("webhooks/{id}/test", {}, 202),
  webhookCase("webhooks/{id}/delete"),
  {
    ...webhookCase("webhooks/{id}/deliveries/{deliveryId}/retry", {}, 202),
    request: async (target) => {
      const endpoint = await webhookOf(target);
      const delivery = await sendTestEvent(parts(target).t.owner, endpoint.id);
      return { route: `webhooks/${endpoint.id}/deliveries/${delivery.id}/retry`, body: {} };
    },
  },
  {
    route: "webhooks/create",
    scopes: ["webhooks:manage"],
    targets: ["own", "otherCompany", "otherApp"],
    companyScoped: true,
    notFound: "company-not-found",
    success: 201,
    check: (data, key) => {
      const { endpoint } = data as { endpoint: { id: string; companyId: string } };
      expect([A.companyA.id, A.companyB.id]).toContain(endpoint.companyId);
      if (key === "restricted") expect(endpoint.companyId).toBe(A.companyA.id);
    },
    request: async (t) => ({ route: "webhooks/create", body: { url: "http://127.0.0.1:9/matrix", companyId: parts(t).company.id, enabled: false } }),
  },
  messageCase("messages/{id}", ["appointments:read"]),
  messageCase("messages/{id}/resend", ["appointments:write"]),
  settingsCase("companies/{id}/messages/settings", ["catalog:read"], {}),
  settingsCase("companies/{id}/messages/settings/edit", ["catalog:write"], { dayBeforeAt: "18:30" }),
  {
    // The app's providers: a key for the whole app with messages:manage; secrets never answered.
    route: "messages/providers/set",
    scopes: ["messages:manage"],
    targets: ["own"],
    companyScoped: false,
    wholeAppOnly: true,
    notFound: "company-not-found",
    success: 200,
    check: (data) => {
      expect(data).toMatchObject({ channel: "journal", enabled: true });
      expect(JSON.stringify(data)).not.toContain("s3cret");
    },
    request: async () => ({ route: "messages/providers/set", body: { channel: "journal", enabled: true } }),
  },
];

function expected(c: Case, key: KeyName, target: Target): { status: number; code?: string } {
  if (key === "foreign") return { status: 401, code: "not-authorized" };
  if (!hasScope(key, c.scopes)) return { status: 403, code: "not-authorized" };
  if (c.wholeAppOnly && key === "restricted") return { status: 403, code: "not-authorized" };
  if (target === "otherApp") return { status: 404, code: c.notFound };
  if (target === "otherCompany" && key === "restricted" && c.companyScoped) return { status: 404, code: c.notFound };
  return { status: c.success };
}

async function rowCounts(appId: string) {
  const db = await getDb();
  const n = async (table: typeof appointments | typeof services | typeof agents | typeof companies | typeof customers | typeof webhookEndpoints) =>
    Number((await db.select({ n: count() }).from(table).where(eq(table.appId, appId)))[0].n);
  return {
    appointments: await n(appointments),
    services: await n(services),
    agents: await n(agents),
    companies: await n(companies),
    customers: await n(customers),
    webhooks: await n(webhookEndpoints),
  };
}

describe("tenant matrix", () => {
  for (const c of CASES) {
    it(c.route, async () => {
      const requests: { key: KeyName; target: Target; route: string; body: Record<string, unknown> }[] = [];
      for (const key of Object.keys(keys) as KeyName[]) {
        for (const target of c.targets) requests.push({ key, target, ...(await c.request(target)) });
      }
      const before = await rowCounts(B.appId);
      const outcomes: string[] = [];
      const wanted: string[] = [];
      for (const { key, target, route, body } of requests) {
        const res: Answer = await post(A.appId, route, { ...body, apiKey: keys[key] });
        const want = expected(c, key, target);
        outcomes.push(`${key}/${target}: ${res.status} ${res.body?.error?.code ?? ""}`.trim());
        wanted.push(`${key}/${target}: ${want.status} ${want.code ?? ""}`.trim());
        if (res.status < 300 && c.check) {
          c.check(res.body.data, key);
        } else if (res.status < 300) {
          // What a key may reach is its own app's, and its company's when restricted.
          const data = res.body.data;
          expect(data.appId).toBe(A.appId);
          if (key === "restricted" && c.companyScoped) expect(data.companyId ?? data.id).toBe(A.companyA.id);
        } else {
          // A refusal tells nothing about the other tenant's rows.
          for (const secret of [B.companyA.id, B.customer.telephone, B.agentA.fullname]) expect(res.text).not.toContain(secret);
        }
      }
      expect(outcomes).toEqual(wanted);
      // No request made with app A's URL touched app B.
      expect(await rowCounts(B.appId)).toEqual(before);
    });
  }

  it("lists show only the key's app and companies", async () => {
    const inA = [await freshAppointment("own"), await freshAppointment("otherCompany")];
    await freshAppointment("otherApp");
    const lists = [
      { route: "appointments/list", scopes: ["appointments:read"], scoped: true },
      { route: "services/list", scopes: ["catalog:read"], scoped: true },
      { route: "agents/list", scopes: ["catalog:read"], scoped: true },
      { route: "companies/list", scopes: ["catalog:read"], scoped: true },
      { route: "customers/list", scopes: ["catalog:read", "appointments:read"], scoped: false },
    ] as const;
    for (const list of lists) {
      for (const key of Object.keys(keys) as KeyName[]) {
        const res = await post(A.appId, list.route, { apiKey: keys[key], limit: 200 }).then((r) =>
          list.route === "companies/list" ? post(A.appId, list.route, { apiKey: keys[key] }) : r,
        );
        if (key === "foreign") {
          expect(res.status, `${list.route} ${key}`).toBe(401);
          continue;
        }
        if (!hasScope(key, list.scopes)) {
          expect(res.status, `${list.route} ${key}`).toBe(403);
          continue;
        }
        expect(res.status, `${list.route} ${key}`).toBe(200);
        const rows = res.body.data as { appId: string; id: string; companyId?: string }[];
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.appId))).toEqual(new Set([A.appId]));
        const companyOf = (r: { id: string; companyId?: string }) => (list.route === "companies/list" ? r.id : r.companyId);
        const seenCompanies = new Set(rows.map(companyOf));
        if (!list.scoped) continue;
        if (key === "restricted") expect(seenCompanies).toEqual(new Set([A.companyA.id]));
        else expect([...seenCompanies]).toEqual(expect.arrayContaining([A.companyA.id, A.companyB.id]));
      }
    }
    // The restricted key filtering on the other company gets nothing, not an error.
    const other = await post(A.appId, "appointments/list", { apiKey: keys.restricted, companyId: A.companyB.id });
    expect(other.body).toEqual({ success: true, data: [], nextCursor: null });
    const full = await post(A.appId, "appointments/list", { apiKey: keys.full, limit: 200 });
    expect(full.body.data.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining(inA.map((a) => a.id)));
  });

  it("webhooks/list shows only the key's app, and its company's for a restricted key", async () => {
    const [own, other, foreign] = await Promise.all([webhookOf("own"), webhookOf("otherCompany"), webhookOf("otherApp")]);
    const ids = async (key: KeyName) => {
      const res = await post(A.appId, "webhooks/list", { apiKey: keys[key] });
      return res.status === 200 ? (res.body.data as { id: string }[]).map((w) => w.id) : res.status;
    };
    const full = await ids("full");
    expect(full).toEqual(expect.arrayContaining([own.id, other.id]));
    expect(full).not.toContain(foreign.id);
    const restricted = (await ids("restricted")) as string[];
    expect(restricted).toContain(own.id);
    expect(restricted).not.toContain(other.id);
    expect(await ids("readOnly")).toBe(403);
    expect(await ids("foreign")).toBe(401);
  });

  it("messages/list and messages/providers/list show only the key's app, its company's messages for a restricted key", async () => {
    const [own, other, foreign] = await Promise.all([freshMessage("own"), freshMessage("otherCompany"), freshMessage("otherApp")]);
    const ids = async (key: KeyName) => {
      const res = await post(A.appId, "messages/list", { apiKey: keys[key], limit: 200 });
      return res.status === 200 ? (res.body.data as { id: string }[]).map((m) => m.id) : res.status;
    };
    const full = await ids("full");
    expect(full).toEqual(expect.arrayContaining([own, other]));
    expect(full).not.toContain(foreign);
    const restricted = (await ids("restricted")) as string[];
    expect(restricted).toContain(own);
    expect(restricted).not.toContain(other);
    expect(await ids("foreign")).toBe(401);
    const providers = async (key: KeyName) => (await post(A.appId, "messages/providers/list", { apiKey: keys[key] })).status;
    expect([await providers("full"), await providers("restricted"), await providers("readOnly"), await providers("foreign")]).toEqual([200, 403, 403, 401]);
  });

  it("counts: every 201 created one row in app A, refusals none", async () => {
    const before = await rowCounts(A.appId);
    let created = 0;
    for (const key of Object.keys(keys) as KeyName[]) {
      const res = await post(A.appId, "customers/create", { apiKey: keys[key], fullname: "Compte", telephone: uniquePhone() });
      if (res.status === 201) created++;
    }
    expect(created).toBe(3); // full, restricted, booking
    expect(await rowCounts(A.appId)).toEqual({ ...before, customers: before.customers + created });
    const db = await getDb();
    const [{ n }] = await db.select({ n: count() }).from(customers).where(and(eq(customers.appId, B.appId), eq(customers.fullname, "Compte")));
    expect(Number(n)).toBe(0);
  });
});
