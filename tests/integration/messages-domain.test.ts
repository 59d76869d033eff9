// The message functions staff and integrators use: company settings (texts checked, fields
// named), providers (secrets sealed, never answered), customers' messaging fields, the journal
// (filters, paging, an appointment's history), resend, and tenant isolation.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";
import { messages } from "@/db/schema";
import { createCustomer, editCustomer, getCustomer } from "@/lib/catalog";
import { appointmentMessages, getMessageSettings, listMessages, listProviders, resendMessage, setProvider, updateMessageSettings } from "@/lib/messages";
import { codeOf, makeTenant, type Tenant, uniquePhone } from "../support/factories";
import { fieldsOf } from "../support/messages";

let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  [t, other] = await Promise.all([makeTenant("Messages A"), makeTenant("Messages B")]);
});

async function insertMessages(tenant: Tenant, appointmentId: string, rows: { state: "sent" | "failed" | "unknown" | "queued"; channel: "sms" | "journal"; due: string }[]) {
  const db = await getDb();
  return db
    .insert(messages)
    .values(
      rows.map((r, i) => ({
        appId: tenant.appId,
        companyId: tenant.companyA.id,
        appointmentId,
        customerId: tenant.customer.id,
        trigger: "moved" as const,
        occurrence: String(i),
        channel: r.channel,
        recipient: tenant.customer.telephone,
        language: "fr" as const,
        body: `Message ${i}`,
        state: r.state,
        dueAt: new Date(r.due),
        attempts: r.state === "queued" ? 0 : 1,
        failureReason: r.state === "failed" ? "Numéro injoignable" : null,
      })),
    )
    .returning();
}

// On Salon B, where these tests book nothing: on a shared database the planner (another file's)
// must not make messages for the appointments listed below.
describe("settings", () => {
  it("answers the defaults (off, no-show off, 18:00 and 2 hours), saves a change and refuses bad texts with the field named", async () => {
    const s = await getMessageSettings(t.owner, t.companyB.id);
    expect(s).toMatchObject({ enabled: false, dayBeforeAt: "18:00", hoursBeforeMinutes: 120 });
    expect(s.triggers["no-show"]).toBe(false);
    expect(s.triggers.received).toBe(true);

    const saved = await updateMessageSettings(t.owner, t.companyB.id, { enabled: true, dayBeforeAt: "19:30", templates: { fr: { confirmed: "C'est noté {{firstName}} !" } } });
    expect(saved).toMatchObject({ enabled: true, dayBeforeAt: "19:30" });
    expect((await getMessageSettings(t.owner, t.companyB.id)).templates.fr?.confirmed).toBe("C'est noté {{firstName}} !");

    expect(await fieldsOf(() => updateMessageSettings(t.owner, t.companyB.id, { templates: { en: { received: "Hi {{name}}" } } }))).toEqual(["templates.en.received"]);
    expect(await fieldsOf(() => updateMessageSettings(t.owner, t.companyB.id, { templates: { fr: { received: "a".repeat(1001) } } }))).toEqual(["templates.fr.received"]);
    expect(await fieldsOf(() => updateMessageSettings(t.owner, t.companyB.id, { hoursBeforeMinutes: 5 }))).toEqual(["hoursBeforeMinutes"]);
    expect((await getMessageSettings(t.owner, t.companyB.id)).dayBeforeAt).toBe("19:30");
  });

  it("keeps a company's settings to those who see it", async () => {
    const limited = t.caller({ companyIds: [t.companyA.id] });
    expect(await codeOf(() => getMessageSettings(limited, t.companyB.id))).toBe("company-not-found");
    expect(await codeOf(() => getMessageSettings(other.owner, t.companyB.id))).toBe("company-not-found");
    expect(await codeOf(() => updateMessageSettings(other.owner, t.companyB.id, { enabled: true }))).toBe("company-not-found");
    expect(await codeOf(() => updateMessageSettings(t.caller({ scopes: ["catalog:read"] }), t.companyB.id, { enabled: true }))).toBe("not-authorized");
  });
});

describe("providers", () => {
  it("seals secrets and answers only whether they are set; URLs must be HTTPS", async () => {
    const cb = "callback-secret-0123456789";
    const saved = await setProvider(t.owner, "sms", { settings: { url: "https://sms.example/api", sender: "SALON" }, secrets: { authValue: "tok-123", callbackSecret: cb } });
    expect(saved).toMatchObject({ channel: "sms", enabled: true, settings: { url: "https://sms.example/api", sender: "SALON" }, secrets: { authValue: true, callbackSecret: true } });
    expect(JSON.stringify(await listProviders(t.owner))).not.toContain("tok-123");
    const [stored] = await executeRows<{ secret: string }>(await getDb(), sql`SELECT secret_encrypted AS secret FROM message_providers WHERE app_id = ${t.appId}::uuid AND channel = 'sms'`);
    expect(stored.secret).not.toContain("tok-123");

    // Settings replaced, secrets merged by name; the channel's rules apply to the whole (a required secret cannot be removed).
    const next = await setProvider(t.owner, "sms", { enabled: false, secrets: { authValue: "k2" } });
    expect(next).toMatchObject({ enabled: false, secrets: { authValue: true, callbackSecret: true } });
    expect(await fieldsOf(() => setProvider(t.owner, "sms", { secrets: { authValue: "" } }))).toEqual(["secrets.authValue"]);
    expect(await fieldsOf(() => setProvider(t.owner, "sms", { settings: { url: "https://sms.example/api", bodyTemplate: '{"to":"{{to}}"}' } }))).toEqual(["settings.bodyTemplate"]);
    expect((await listProviders(t.owner))[0]).toMatchObject({ settings: { url: "https://sms.example/api", sender: "SALON" } });
    expect(await fieldsOf(() => setProvider(t.owner, "sms", { settings: { url: "http://sms.example/api" } }))).toEqual(["settings.url"]);
    expect(await fieldsOf(() => setProvider(t.owner, "pigeon", {}))).toEqual(["channel"]);
    // The messages:manage scope: a key without it (or a staff member) is refused; one with it may.
    expect(await codeOf(() => setProvider(t.caller({ scopes: ["appointments:read", "catalog:write", "webhooks:manage"] }), "sms", {}))).toBe("not-authorized");
    expect(await codeOf(() => listProviders(t.caller({ scopes: ["messages:manage"] })))).toBe("no-error");
    expect(await listProviders(other.owner)).toEqual([]);
  });
});

describe("customers' messaging fields", () => {
  it("creates and edits language, first name, preferred channel and opt-outs, with field-named errors", async () => {
    const { customer } = await createCustomer(t.owner, { fullname: "Jean Kouamé", telephone: uniquePhone() });
    expect(customer).toMatchObject({ language: "fr", firstName: null, preferredChannel: null, optOuts: [] });
    const edited = await editCustomer(t.owner, customer.id, { language: "en", firstName: "Johnny", preferredChannel: "sms", optOuts: ["whatsapp", "whatsapp"] });
    expect(edited).toMatchObject({ language: "en", firstName: "Johnny", preferredChannel: "sms", optOuts: ["whatsapp"] });
    expect(await getCustomer(t.owner, customer.id)).toMatchObject({ fullname: "Jean Kouamé", language: "en" });
    expect(await fieldsOf(() => editCustomer(t.owner, customer.id, { language: "de" as "fr", preferredChannel: "fax" as "sms", optOuts: ["pigeon" as "sms"] }))).toEqual([
      "language",
      "preferredChannel",
      "optOuts.0",
    ]);
    expect((await editCustomer(t.owner, customer.id, { preferredChannel: null })).preferredChannel).toBeNull();
  });
});

describe("the journal", () => {
  it("lists by due time, latest first, with filters and pages; an appointment's history in order", async () => {
    const a = await t.book();
    const rows = await insertMessages(t, a.id, [
      { state: "sent", channel: "journal", due: "2031-02-01T10:00:00Z" },
      { state: "failed", channel: "sms", due: "2031-02-02T10:00:00Z" },
      { state: "sent", channel: "sms", due: "2031-02-03T10:00:00Z" },
    ]);
    const all = await listMessages(t.owner, { from: "2031-02-01T00:00:00Z", to: "2031-03-01T00:00:00Z" });
    expect(all.data.map((m) => m.body)).toEqual(["Message 2", "Message 1", "Message 0"]);
    expect(all.data[0].customerName).toBe(t.customer.fullname);
    expect((await listMessages(t.owner, { state: ["failed"] })).data.map((m) => m.id)).toEqual([rows[1].id]);
    expect((await listMessages(t.owner, { channel: ["journal"] })).data.map((m) => m.id)).toEqual([rows[0].id]);
    expect((await listMessages(t.owner, { from: "2031-02-02T10:00:00Z", to: "2031-02-03T10:00:00Z" })).data.map((m) => m.id)).toEqual([rows[1].id]);

    const first = await listMessages(t.owner, { limit: 2 });
    const second = await listMessages(t.owner, { limit: 2, cursor: first.nextCursor! });
    expect([...first.data, ...second.data].map((m) => m.id)).toEqual([rows[2].id, rows[1].id, rows[0].id]);
    expect(second.nextCursor).toBeNull();
    // Soonest first (the dashboard's "À venir"), its pages following on the same way.
    const window = { from: "2031-02-01T00:00:00Z", to: "2031-03-01T00:00:00Z" };
    const soon = await listMessages(t.owner, { ...window, limit: 2 }, { order: "asc" });
    const later = await listMessages(t.owner, { ...window, limit: 2, cursor: soon.nextCursor! }, { order: "asc" });
    expect([...soon.data, ...later.data].map((m) => m.id)).toEqual([rows[0].id, rows[1].id, rows[2].id]);
    expect(later.nextCursor).toBeNull();
    expect(await codeOf(() => listMessages(t.owner, { cursor: "garbage" }))).toBe("validation-error");
    expect(await fieldsOf(() => listMessages(t.owner, { state: ["lost" as "sent"] }))).toEqual(["state.0"]);

    expect((await appointmentMessages(t.owner, a.id)).map((m) => m.id)).toEqual(rows.map((r) => r.id));
    // What the journal links to: the appointment's start and service; one customer's messages.
    expect(all.data[0]).toMatchObject({ appointmentId: a.id, appointmentDate: new Date(a.date), serviceName: a.service.name });
    expect((await listMessages(t.owner, { customerId: t.customer.id, from: "2031-02-01T00:00:00Z", to: "2031-02-04T00:00:00Z" })).data.map((m) => m.id)).toEqual([rows[2].id, rows[1].id, rows[0].id]);
    const { customer: stranger } = await createCustomer(t.owner, { fullname: "Sans Message", telephone: uniquePhone() });
    expect((await listMessages(t.owner, { customerId: stranger.id })).data).toEqual([]);
    expect((await listMessages(t.owner, { customerId: "nope" })).data).toEqual([]);
  });

  it("resends a failed or unknown message, nothing else", async () => {
    const a = await t.book();
    const [failed, sent, unknown] = await insertMessages(t, a.id, [
      { state: "failed", channel: "sms", due: "2031-02-05T10:00:00Z" },
      { state: "sent", channel: "sms", due: "2031-02-05T11:00:00Z" },
      { state: "unknown", channel: "sms", due: "2031-02-05T12:00:00Z" },
    ]);
    const now = new Date("2031-02-06T08:00:00Z");
    expect(await resendMessage(t.owner, failed.id, now)).toMatchObject({ state: "queued", dueAt: now, failureReason: null });
    expect((await resendMessage(t.owner, unknown.id, now)).state).toBe("queued");
    expect(await codeOf(() => resendMessage(t.owner, sent.id, now))).toBe("invalid-status-transition");
    expect(await codeOf(() => resendMessage(t.owner, "nope", now))).toBe("message-not-found");
  });
});

describe("tenant isolation", () => {
  it("app B cannot read or resend app A's messages; a caller limited to another company sees none", async () => {
    const a = await t.book();
    const [m] = await insertMessages(t, a.id, [{ state: "failed", channel: "sms", due: "2031-02-07T10:00:00Z" }]);
    expect((await listMessages(other.owner)).data).toEqual([]);
    expect(await codeOf(() => appointmentMessages(other.owner, a.id))).toBe("appointment-not-found");
    expect(await codeOf(() => resendMessage(other.owner, m.id))).toBe("message-not-found");
    const limited = t.caller({ companyIds: [t.companyB.id] });
    expect((await listMessages(limited)).data).toEqual([]);
    expect(await codeOf(() => resendMessage(limited, m.id))).toBe("message-not-found");
    expect(await codeOf(() => listMessages(limited, { companyId: t.companyA.id }))).toBe("company-not-found");
    expect(await codeOf(() => resendMessage(t.caller({ scopes: ["appointments:read"] }), m.id))).toBe("not-authorized");
  });
});
