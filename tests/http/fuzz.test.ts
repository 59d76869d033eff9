// Property-based fuzz: 1 500 malformed requests across every endpoint (wrong content type,
// broken JSON, one field of the wrong type or out of range among random extra fields, a bad
// key, an unknown id, an oversized body). Every answer must be a 4xx error envelope, never a
// 500 and never a success, and no row of the tenant may change.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";
import { ERROR_STATUS } from "@/lib/contract/errors";
import { MESSAGE_CHANNELS, MESSAGE_STATES } from "@/lib/contract/messages";
import { uniquePhone } from "../support/factories";
import { insertMessage } from "../support/messages";
import { API_URL, apiPath, type ApiTenant, makeApiTenant, send } from "./support/api";

const RUNS = 1_500;
let t: ApiTenant;
let other: ApiTenant;
let appointmentId: string;
let webhookId: string;
let otherWebhookId: string;

beforeAll(async () => {
  [t, other] = await Promise.all([makeApiTenant("Fuzz"), makeApiTenant("Fuzz other")]);
  appointmentId = (await t.book()).id;
  otherAppointmentId = (await other.book()).id;
  // Disabled endpoints (nothing is sent) on a closed local port, as the servers allow in tests.
  const hook = async (tenant: ApiTenant) => {
    const res = await tenant.call("webhooks/create", { url: "http://127.0.0.1:9/fuzz", enabled: false });
    expect(res.status, res.text).toBe(201);
    return res.body.data.endpoint.id as string;
  };
  [webhookId, otherWebhookId] = await Promise.all([hook(t), hook(other)]);
  // A failed message each (it could be resent: only a valid request would).
  [messageId, otherMessageId] = await Promise.all([
    t.book().then((a) => insertMessage(a)),
    other.book().then((a) => insertMessage(a)),
  ]).then((rows) => rows.map((r) => r.id));
});
let messageId: string;
let otherMessageId: string;

// ---------- values that can never pass ----------

/** Any text: NUL, lone surrogates and all of Unicode, not only ASCII. */
const anyString = (constraints: fc.StringConstraints = {}) =>
  fc.oneof(fc.string(constraints), fc.string({ ...constraints, unit: "binary" }));
const notString = fc.oneof(fc.integer(), fc.boolean(), fc.array(anyString(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const notNumber = fc.oneof(anyString(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const notBoolean = fc.oneof(anyString(), fc.integer(), fc.constant(null), fc.array(fc.boolean(), { maxLength: 2 }));
const notArray = fc.oneof(anyString(), fc.integer(), fc.boolean(), fc.object({ maxDepth: 1 }));
const notObject = fc.oneof(anyString(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
/** Longer than `max` as zod and PostgreSQL count: in code points (an emoji is one), not UTF-16 units. */
const tooLong = (max: number) => anyString({ minLength: max + 1, maxLength: max + 20 }).filter((s) => [...s.trim()].length > max);
const badId = fc.oneof(notString, tooLong(100), fc.constant(""));
const badInt = (min: number, max: number) =>
  fc.oneof(
    notNumber,
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => min - n),
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => max + n),
    fc.double({ noNaN: true, noInteger: true }),
  );
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const badDate = fc.oneof(
  notString,
  anyString().filter((s) => !ISO.test(s)),
  fc.constantFrom("2031-02-30T10:00:00Z", "2031-01-15T10:00:00", "1999-01-01T00:00:00Z", "2101-01-01T00:00:00Z", "2031-13-01T00:00:00Z"),
);
const WORDS = ["PENDING", "CONFIRMED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "pending", "confirmed", "inProgress", "completed", "cancelled"];
const badWord = anyString().filter((s) => !WORDS.includes(s));
const badStatus = fc.oneof(fc.integer(), fc.boolean(), fc.object({ maxDepth: 1 }), badWord);
/** A list filters on one status or up to 5: an empty array or a valid word is not bad there. */
const badStatusFilter = fc.oneof(
  badStatus,
  fc.array(badWord, { minLength: 1, maxLength: 3 }),
  fc.constant(["PENDING", "CONFIRMED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "pending"]),
);
const badText = (max: number) => fc.oneof(notString, tooLong(max));
const badRequiredText = (max: number) => fc.oneof(notString, tooLong(max), fc.constantFrom("", "   "));
const badPhone = fc.oneof(notString, fc.constantFrom("abc", "123", "+", "07 07", "+0 000 000", "x".repeat(31)));
const badEmail = fc.oneof(notString, fc.constantFrom("nope", "a@", "@b.ci", "a b@c.ci"));
const badUrl = fc.oneof(notString, fc.constantFrom("pas une adresse", "://x"));
const badField = fc.oneof(
  notArray,
  fc.array(fc.oneof(anyString(), fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 3 }),
  fc.constant([{ name: "1bad", label: "x", type: "text" }]),
  fc.constant([{ name: "ok", label: "x", type: "select", options: [] }]),
  fc.constant([{ name: "ok", label: "x", type: "color" }]),
);

const listFields = { search: badText(100), limit: badInt(1, 200), cursor: fc.oneof(notString, tooLong(500)) };
const catalogList = { ...listFields, companyId: badId, isActive: notBoolean };
const serviceFields = {
  name: badRequiredText(120),
  slug: fc.oneof(notString, fc.constantFrom("Pas Bon", "a--b", "-x", "é")),
  description: badText(2000),
  basePrice: badInt(0, 2_147_483_647),
  duration: badInt(5, 1440),
  categories: fc.oneof(notArray, fc.constant([1, 2])),
  image: badUrl,
  isActive: notBoolean,
  fields: badField,
};
const agentFields = {
  fullname: badRequiredText(120),
  email: badEmail,
  telephone: badPhone,
  role: badText(80),
  avatar: badUrl,
  isActive: notBoolean,
  serviceIds: fc.oneof(notArray, fc.constant([1])),
};
const companyFields = {
  name: badRequiredText(120),
  email: badEmail,
  telephone: badPhone,
  address: badText(300),
  logo: badUrl,
  isDefault: notBoolean,
  timezone: fc.oneof(notString, fc.constantFrom("Mars/Olympus", "Abidjan", "")),
  currency: fc.oneof(notString, fc.constantFrom("EURO", "F", "12A")),
};
const customerFields = { fullname: badRequiredText(120), telephone: badPhone, email: badEmail };
const badWebhookUrl = fc.oneof(
  notString,
  tooLong(2000),
  fc.constantFrom("", "pas une adresse", "/relative", "http://hooks.example.ci/x", "ftp://hooks.example.ci/x", "https://moi:secret@hooks.example.ci/x", "http://10.0.0.1/x"),
);
const webhookFields = {
  url: badWebhookUrl,
  types: fc.oneof(notArray, fc.constant([]), fc.constant(["appointment.deleted"]), fc.array(anyString().filter((s) => s !== "*" && !s.startsWith("appointment.")), { minLength: 1, maxLength: 3 })),
  companyId: fc.oneof(fc.integer(), fc.boolean(), fc.array(anyString(), { minLength: 1, maxLength: 2 }), tooLong(100), fc.uuid()),
  description: fc.oneof(fc.integer(), fc.boolean(), tooLong(500)),
  enabled: notBoolean,
  secret: fc.oneof(anyString({ minLength: 1 }), fc.integer(), fc.boolean()),
};

const badWordList = (words: readonly string[]) =>
  fc.oneof(notArray, fc.array(anyString().filter((s) => !words.includes(s)), { minLength: 1, maxLength: 3 }));
const messageSettingsFields = {
  enabled: notBoolean,
  triggers: fc.oneof(notObject, fc.constant({ inconnu: true }), fc.constant({ received: "oui" })),
  dayBeforeAt: fc.oneof(notString, fc.constantFrom("", "24:00", "25:00", "18h", "7:5")),
  hoursBeforeMinutes: badInt(15, 48 * 60),
  templates: fc.oneof(notObject, fc.constant({ fr: { received: "Bonjour {{inconnu}}" } }), fc.constant({ de: {} }), fc.constant({ en: { confirmed: "x".repeat(1001) } })),
  whatsappTemplates: fc.oneof(notObject, fc.constant({ received: { name: "Pas Bon", variables: [] } }), fc.constant({ received: { name: "ok", variables: ["inconnu"] } })),
};

type Endpoint = {
  route: string;
  /** A body that would succeed: the fuzz breaks one of its fields. */
  valid: () => Record<string, unknown>;
  bad: Record<string, fc.Arbitrary<unknown>>;
};

const ENDPOINTS: Endpoint[] = [
  {
    route: "appointments/list",
    valid: () => ({}),
    bad: { ...listFields, status: badStatusFilter, serviceId: badId, companyId: badId, agentId: badId, customerId: badId, from: badDate, to: badDate, order: fc.string().filter((s) => s !== "asc" && s !== "desc") },
  },
  {
    route: "appointments/create",
    valid: () => ({ serviceId: t.serviceA.id, customerId: t.customer.id, date: "2040-01-01T10:00:00Z", filledFields: { type_coupe: "classique" } }),
    bad: {
      serviceId: badId,
      customerId: badId,
      companyId: badId,
      agentId: fc.oneof(notString.filter((v) => v !== null), tooLong(100)),
      date: badDate,
      totalPrice: badInt(0, 2_147_483_647),
      commune: badText(100),
      filledFields: fc.oneof(notObject, fc.constant({ type_coupe: "afro" }), fc.constant({ inconnu: 1 }), fc.constant({ age: "dix" })),
      status: fc.oneof(badStatus, fc.constantFrom("IN_PROGRESS", "COMPLETED", "cancelled")),
    },
  },
  { route: "appointments/{id}", valid: () => ({}), bad: {} },
  { route: "appointments/{id}/status", valid: () => ({ status: "CONFIRMED" }), bad: { status: badStatus, reason: badText(500) } },
  {
    route: "appointments/{id}/update-fields",
    valid: () => ({ filledFields: { type_coupe: "degrade" } }),
    bad: { filledFields: fc.oneof(notObject, fc.constant({}), fc.constant({ type_coupe: 3 }), fc.constant({ date_evenement: "2031-02-30" })) },
  },
  { route: "services/list", valid: () => ({}), bad: catalogList },
  { route: "services/create", valid: () => ({ name: "Fuzz", basePrice: 1000, duration: 30 }), bad: { ...serviceFields, companyId: badId } },
  { route: "services/{id}", valid: () => ({}), bad: {} },
  { route: "services/{id}/edit", valid: () => ({ description: "fuzz" }), bad: serviceFields },
  { route: "agents/list", valid: () => ({}), bad: { ...catalogList, serviceId: fc.oneof(notString, tooLong(100)) } },
  { route: "agents/create", valid: () => ({ fullname: "Fuzz" }), bad: { ...agentFields, companyId: badId } },
  { route: "agents/{id}", valid: () => ({}), bad: {} },
  { route: "agents/{id}/edit", valid: () => ({ role: "fuzz" }), bad: agentFields },
  { route: "companies/list", valid: () => ({}), bad: {} },
  { route: "companies/create", valid: () => ({ name: "Fuzz" }), bad: companyFields },
  { route: "companies/{id}", valid: () => ({}), bad: {} },
  { route: "companies/{id}/edit", valid: () => ({ description: "fuzz" }), bad: companyFields },
  { route: "customers/list", valid: () => ({}), bad: catalogList },
  { route: "customers/create", valid: () => ({ fullname: "Fuzz", telephone: uniquePhone() }), bad: customerFields },
  { route: "customers/{id}", valid: () => ({}), bad: {} },
  { route: "customers/{id}/edit", valid: () => ({ email: "fuzz@example.ci" }), bad: customerFields },
  { route: "webhooks/list", valid: () => ({}), bad: {} },
  { route: "webhooks/create", valid: () => ({ url: "http://127.0.0.1:9/fuzz", enabled: false }), bad: webhookFields },
  { route: "webhooks/{id}", valid: () => ({}), bad: {} },
  { route: "webhooks/{id}/edit", valid: () => ({ description: "fuzz" }), bad: webhookFields },
  { route: "webhooks/{id}/delete", valid: () => ({}), bad: {} },
  { route: "webhooks/{id}/rotate-secret", valid: () => ({}), bad: {} },
  { route: "webhooks/{id}/test", valid: () => ({}), bad: {} },
  {
    route: "webhooks/{id}/deliveries",
    valid: () => ({}),
    bad: { limit: badInt(1, 200), cursor: fc.oneof(notString, tooLong(500), anyString({ minLength: 1, maxLength: 40 }), fc.constant(Buffer.from('["nope"]').toString("base64url"))) },
  },
  {
    route: "messages/list",
    valid: () => ({}),
    bad: {
      state: badWordList(MESSAGE_STATES),
      channel: badWordList(MESSAGE_CHANNELS),
      companyId: badId,
      appointmentId: badId,
      from: badDate,
      to: badDate,
      limit: badInt(1, 200),
      cursor: fc.oneof(notString, tooLong(500)),
    },
  },
  { route: "messages/{id}", valid: () => ({}), bad: {} },
  { route: "messages/{id}/resend", valid: () => ({}), bad: {} },
  { route: "messages/providers/list", valid: () => ({}), bad: {} },
  {
    route: "messages/providers/set",
    valid: () => ({ channel: "journal", enabled: true }),
    bad: {
      channel: fc.oneof(notString, anyString().filter((s) => !(MESSAGE_CHANNELS as readonly string[]).includes(s))),
      enabled: notBoolean,
      settings: fc.oneof(notObject, fc.constant({ "1bad": "x" }), fc.constant({ url: 3 })),
      secrets: fc.oneof(notObject, fc.constant({ "nom invalide": "x" }), fc.constant({ token: false })),
    },
  },
  // A channel never set: a request that gets through deletes nothing (provider-not-found).
  { route: "messages/providers/delete", valid: () => ({ channel: "fax" }), bad: { channel: fc.oneof(notString, tooLong(40)) } },
  { route: "companies/{id}/messages/settings", valid: () => ({}), bad: {} },
  { route: "companies/{id}/messages/settings/edit", valid: () => ({ dayBeforeAt: "18:00" }), bad: messageSettingsFields },
];

let otherAppointmentId: string;
const realId = (route: string, tenant = t) =>
  route.startsWith("messages")
    ? tenant === t
      ? messageId
      : otherMessageId
    : route.startsWith("webhooks")
    ? tenant === t
      ? webhookId
      : otherWebhookId
    : route.startsWith("appointments")
    ? tenant === t
      ? appointmentId
      : otherAppointmentId
    : route.startsWith("services")
      ? tenant.serviceA.id
      : route.startsWith("agents")
        ? tenant.agentA.id
        : route.startsWith("companies")
          ? tenant.companyA.id
          : tenant.customer.id;

// ---------- requests ----------

/** `mayPass`: a read whose strings are odd but allowed may answer 200 (it writes nothing). */
type Fuzzed = { route: string; headers: Record<string, string>; body: string; why: string; mayPass?: boolean };

/** Extra fields the API does not know (dropped), never overriding the ones that matter. */
const noise = fc.dictionary(anyString({ maxLength: 12 }), fc.oneof(fc.jsonValue({ maxDepth: 2 }), anyString()), { maxKeys: 4 });

const endpoint = fc.constantFrom(...ENDPOINTS);

const withRealId = (e: Endpoint) => e.route.replace("{id}", realId(e.route));
const JSON_TYPE = { "content-type": "application/json" };

const badContentType = fc.record({
  e: endpoint,
  type: fc.oneof(
    fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", "application/json; charset=iso-8859-1", ""),
    fc.string({ maxLength: 30 }).filter((s) => /^[\x21-\x7e ]*$/.test(s) && !/^\s*application\/json\s*(;|$)/i.test(s)),
  ),
}).map(({ e, type }): Fuzzed => ({
  route: withRealId(e),
  headers: type ? { "content-type": type } : {},
  body: JSON.stringify({ apiKey: t.admin, ...e.valid() }),
  why: `content type ${JSON.stringify(type)}`,
}));

const notAnObject = (s: string) => {
  if (s.trim() === "") return false;
  try {
    const v = JSON.parse(s);
    return v === null || typeof v !== "object" || Array.isArray(v);
  } catch {
    return true;
  }
};
const malformedJson = fc.record({
  e: endpoint,
  text: fc.oneof(
    anyString({ maxLength: 60 }),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.constantFrom("{", "{'a':1}", '{"apiKey":}', "[]", "null", '{"a":1}}', "\ufeff{}", "{\"a\":NaN}"),
  ).filter(notAnObject),
}).map(({ e, text }): Fuzzed => ({ route: withRealId(e), headers: JSON_TYPE, body: text, why: "malformed JSON" }));

const oneBadField = endpoint
  .filter((e) => Object.keys(e.bad).length > 0)
  .chain((e) =>
    fc.record({
      e: fc.constant(e),
      field: fc.constantFrom(...Object.keys(e.bad)),
      extra: noise,
      useRealId: fc.boolean(),
    }).chain(({ e, field, extra, useRealId }) =>
      e.bad[field].map((value): Fuzzed => {
        const known = new Set([...Object.keys(e.valid()), ...Object.keys(e.bad), "apiKey"]);
        const unknown = Object.fromEntries(Object.entries(extra).filter(([k]) => !known.has(k)));
        return {
          route: useRealId ? withRealId(e) : e.route.replace("{id}", "00000000-0000-4000-8000-000000000000"),
          headers: JSON_TYPE,
          body: JSON.stringify({ ...unknown, apiKey: t.admin, ...e.valid(), [field]: value }),
          why: `${field} = ${JSON.stringify(value)?.slice(0, 80)}`,
        };
      }),
    ),
  );

const badKey = fc.record({
  e: endpoint,
  key: fc.oneof(anyString(), fc.constant(undefined), fc.constantFrom("rdv_" + "x".repeat(43)), fc.constant("OTHER"), notString),
  inHeader: fc.boolean(),
}).map(({ e, key, inHeader }): Fuzzed => {
  const secret = key === "OTHER" ? other.admin : key;
  const asHeader = inHeader && typeof secret === "string" && /^[\x21-\x7e]*$/.test(secret);
  return {
    route: withRealId(e),
    headers: asHeader ? { ...JSON_TYPE, authorization: `Bearer ${secret}` } : JSON_TYPE,
    body: JSON.stringify(asHeader ? e.valid() : { ...e.valid(), apiKey: secret }),
    why: `key ${JSON.stringify(secret)?.slice(0, 40)}`,
  };
});

const ID_ROUTES = ENDPOINTS.filter((e) => e.route.includes("{id}"));
const unknownId = fc
  .record({
    e: fc.constantFrom(...ID_ROUTES),
    id: fc.oneof(fc.uuid(), anyString({ minLength: 1, maxLength: 40 }), fc.constant("OTHER")),
  })
  // Words that are routes, or that the URL parser resolves as path segments, are not ids.
  .filter(({ id }) => ![".", "..", "list", "create"].includes(id))
  .map(({ e, id }): Fuzzed => {
    // "OTHER": the same kind of row, in another app.
    const target = id === "OTHER" ? realId(e.route, other) : id;
    return {
      route: e.route.replace("{id}", encodeURIComponent(target)),
      headers: JSON_TYPE,
      body: JSON.stringify({ apiKey: t.admin, ...e.valid() }),
      why: `id ${JSON.stringify(target)}`,
    };
  });

const oversized = fc.record({ e: endpoint, size: fc.integer({ min: 65_537, max: 90_000 }) }).map(({ e, size }): Fuzzed => {
  const base = JSON.stringify({ apiKey: t.admin, ...e.valid() });
  return { route: withRealId(e), headers: JSON_TYPE, body: base.replace(/}$/, `,"pad":"${"x".repeat(size - base.length)}"}`), why: `${size} bytes` };
});

/** Text fields of the writes, each given a value of allowed length holding NUL or a lone surrogate. */
const TEXT_FIELDS: Record<string, string[]> = {
  "appointments/create": ["commune"],
  "appointments/{id}/status": ["reason"],
  "services/create": ["name", "description"],
  "services/{id}/edit": ["name", "description"],
  "agents/create": ["fullname", "role"],
  "agents/{id}/edit": ["fullname", "role"],
  "companies/create": ["name", "address", "description"],
  "companies/{id}/edit": ["name", "address"],
  "customers/create": ["fullname"],
  "customers/{id}/edit": ["fullname"],
  "webhooks/create": ["description"],
  "webhooks/{id}/edit": ["description"],
};
const poison = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom("\u0000", "\ud800", "\udfff", "\ud83d"), fc.string({ maxLength: 20 }))
  .map(([a, bad, b]) => `a${a}${bad}${b}`);
const nastyText = fc
  .constantFrom(...Object.keys(TEXT_FIELDS))
  .chain((route) => fc.record({ route: fc.constant(route), field: fc.constantFrom(...TEXT_FIELDS[route]), value: poison }))
  .map(({ route, field, value }): Fuzzed => {
    const e = ENDPOINTS.find((x) => x.route === route)!;
    return {
      route: withRealId(e),
      headers: JSON_TYPE,
      body: JSON.stringify({ apiKey: t.admin, ...e.valid(), [field]: value }),
      why: `${field} = ${JSON.stringify(value)}`,
    };
  });

const LISTS = ["appointments/list", "services/list", "agents/list", "customers/list"];
const nastyRead = fc
  .record({ route: fc.constantFrom(...LISTS), search: anyString({ maxLength: 100 }), id: anyString({ minLength: 1, maxLength: 100 }) })
  .map(({ route, search, id }): Fuzzed => ({
    route,
    headers: JSON_TYPE,
    body: JSON.stringify({ apiKey: t.admin, search, companyId: id }),
    why: `search ${JSON.stringify(search)} companyId ${JSON.stringify(id)}`,
    mayPass: true,
  }));

const malformed = fc.oneof(
  { arbitrary: nastyText, weight: 2 },
  { arbitrary: nastyRead, weight: 2 },
  { arbitrary: oneBadField, weight: 10 },
  { arbitrary: malformedJson, weight: 3 },
  { arbitrary: badContentType, weight: 2 },
  { arbitrary: badKey, weight: 3 },
  { arbitrary: unknownId, weight: 3 },
  { arbitrary: oversized, weight: 1 },
);

async function checksum(appId: string): Promise<string> {
  const db = await getDb();
  const tables = ["companies", "services", "agents", "agent_services", "customers", "appointments", "appointment_events", "idempotency_keys", "webhook_endpoints", "webhook_deliveries", "messages", "message_settings", "message_providers"];
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await executeRows<{ sum: string | null; n: number }>(
        db,
        sql`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS sum, count(*)::int AS n FROM ${sql.identifier(table)} x WHERE app_id = ${appId}::uuid`,
      );
      return `${table}:${row.n}:${row.sum}`;
    }),
  );
  return parts.join("\n");
}

describe("fuzz", () => {
  it(`${RUNS} malformed requests: never a 500, never a success, no row changed`, async () => {
    const before = await checksum(t.appId);
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(malformed, async (req) => {
        const res = await send(`${API_URL}${apiPath(t.appId, req.route)}`, { method: "POST", headers: req.headers, body: req.body });
        const code = res.body?.error?.code;
        codes.set(code, (codes.get(code) ?? 0) + 1);
        const summary = JSON.stringify({ why: req.why, route: req.route, status: res.status, code });
        expect(res.status, summary).toBeLessThan(500);
        if (req.mayPass && res.status === 200) {
          expect(res.body.success, summary).toBe(true);
          return;
        }
        expect(res.status, summary).toBeGreaterThanOrEqual(400);
        expect(res.body?.success, summary).toBe(false);
        expect(Object.keys(ERROR_STATUS), summary).toContain(code);
      }),
      { numRuns: RUNS },
    );
    expect(await checksum(t.appId)).toBe(before);
    // The runs reached every kind of refusal, not only one.
    for (const code of ["validation-error", "unsupported-media-type", "not-authorized", "payload-too-large"]) {
      expect(codes.get(code) ?? 0, code).toBeGreaterThan(0);
    }
    expect([...codes.keys()].some((c) => c?.endsWith("-not-found"))).toBe(true);
  });
});
