// The typed client beyond the seed's examples: every module, idempotency, paging, and
// failures that come back as results (a refused connection, an answer that is not the API's).
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:http";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/client";
import { uniquePhone } from "../support/factories";
import { insertMessage } from "../support/messages";
import { API_URL, type ApiTenant, makeApiTenant, NEXT_URL } from "./support/api";

let t: ApiTenant;
const client = createClient({ baseUrl: `${API_URL}/` });
const ms = () => client.app.multiService;

beforeAll(async () => {
  t = await makeApiTenant("Client");
});

function data<T>(result: { success: true; data: T } | { success: false; error: { code: string; message: string } }): T {
  if (!result.success) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

describe("typed client", () => {
  it("covers the catalog modules: list, create, get, edit", async () => {
    const auth = { appId: t.appId, apiKey: t.admin };
    const company = data(await ms().company.create({ ...auth, name: "Client Co" }));
    expect(data(await ms().company.get({ ...auth, id: company.id })).name).toBe("Client Co");
    expect(data(await ms().company.edit({ ...auth, id: company.id, address: "Cocody" })).address).toBe("Cocody");
    expect(data(await ms().company.list(auth)).map((c) => c.id)).toContain(company.id);

    const service = data(await ms().service.create({ ...auth, companyId: company.id, name: "Brushing", basePrice: 4000, duration: 45 }));
    expect(data(await ms().service.edit({ ...auth, id: service.id, duration: 60 })).duration).toBe(60);
    expect(data(await ms().service.get({ ...auth, id: service.id })).slug).toBe("brushing");
    expect(data(await ms().service.list({ ...auth, companyId: company.id })).map((s) => s.id)).toEqual([service.id]);

    const agent = data(await ms().agent.create({ ...auth, companyId: company.id, fullname: "Fanta Cissé", serviceIds: [service.id] }));
    expect(data(await ms().agent.list({ ...auth, serviceId: service.id })).map((a) => a.id)).toEqual([agent.id]);
    expect(data(await ms().agent.edit({ ...auth, id: agent.id, isActive: false })).isActive).toBe(false);
    expect(data(await ms().agent.get({ ...auth, id: agent.id })).serviceIds).toEqual([service.id]);

    const phone = uniquePhone();
    const customer = data(await ms().customer.create({ ...auth, fullname: "Yao Kouamé", telephone: phone }));
    expect(data(await ms().customer.create({ ...auth, fullname: "Autre", telephone: phone })).id).toBe(customer.id);
    expect(data(await ms().customer.edit({ ...auth, id: customer.id, email: "yao@example.ci" })).email).toBe("yao@example.ci");
    expect(data(await ms().customer.get({ ...auth, id: customer.id })).telephone).toBe(phone);
    expect(data(await ms().customer.list({ ...auth, search: "Kouamé" })).map((c) => c.id)).toContain(customer.id);
  });

  it("creates with an idempotency key, takes dates as Date or string, updates fields", async () => {
    const auth = { appId: t.appId, apiKey: t.admin };
    const params = {
      ...auth,
      serviceId: t.serviceA.id,
      customerId: t.customer.id,
      agentId: t.agentA.id,
      date: t.nextSlot(),
      filledFields: { type_coupe: "classique" },
      idempotencyKey: `client-${Date.now()}`,
    };
    const first = data(await ms().appointment.create(params));
    const again = data(await ms().appointment.create({ ...params, date: params.date.toISOString() }));
    expect(again.id).toBe(first.id);
    const updated = data(await ms().appointment.updateFields({ ...auth, id: first.id, filledFields: { type_coupe: "degrade" } }));
    expect(updated.filledFields).toEqual({ type_coupe: "degrade" });
    // IN_PROGRESS needs CONFIRMED first: the refusal is a result, the client does not throw.
    const early = await ms().appointment.updateStatus({ ...auth, id: first.id, status: "inProgress" });
    expect(!early.success && early.error.code).toBe("invalid-status-transition");
    const moved = data(await ms().appointment.updateStatus({ ...auth, id: first.id, status: "confirmed", reason: "Par téléphone" }));
    expect(moved.status).toBe("CONFIRMED");
    // Moved an hour later and unassigned: status and length kept.
    const later = new Date(params.date.getTime() + 3_600_000 * 24 * 365);
    const rescheduled = data(await ms().appointment.reschedule({ ...auth, id: first.id, date: later, agentId: null, reason: "Client en retard" }));
    expect(rescheduled).toMatchObject({ status: "CONFIRMED", date: later.toISOString(), agentId: null, agent: null });
    expect(new Date(rescheduled.end).getTime() - later.getTime()).toBe(30 * 60_000);
    const empty = await ms().appointment.reschedule({ ...auth, id: first.id });
    expect(!empty.success && empty.error.code).toBe("validation-error");
  });

  it("covers customer messages: journal, resend, company settings, providers (secrets never answered)", async () => {
    const auth = { appId: t.appId, apiKey: t.admin };
    const booked = await t.book();
    const failed = await insertMessage(booked);
    const page = data(await ms().message.list({ ...auth, appointmentId: booked.id, state: ["failed"] }));
    expect(page.map((m) => m.id)).toEqual([failed.id]);
    expect(data(await ms().message.get({ ...auth, id: failed.id })).failureReason).toBe("test");
    expect(data(await ms().message.resend({ ...auth, id: failed.id })).state).toBe("queued");
    const resendAgain = await ms().message.resend({ ...auth, id: failed.id });
    expect(resendAgain.success ? null : resendAgain.error.code).toBe("invalid-status-transition");

    const settings = data(await ms().company.editMessageSettings({ ...auth, id: t.companyA.id, enabled: true, dayBeforeAt: "19:00" }));
    expect(settings).toMatchObject({ enabled: true, dayBeforeAt: "19:00" });
    expect(data(await ms().company.messageSettings({ ...auth, id: t.companyA.id })).dayBeforeAt).toBe("19:00");
    const refused = await ms().company.editMessageSettings({ ...auth, id: t.companyA.id, templates: { fr: { received: "Bonjour {{inconnu}}" } } });
    expect(refused.success ? null : refused.error.code).toBe("validation-error");

    const provider = data(
      await ms().message.provider.set({ ...auth, channel: "sms", settings: { url: "https://sms.example.ci/send" }, secrets: { authValue: "Bearer sk_client", callbackSecret: "client-callback-secret-01" } }),
    );
    expect(provider).toMatchObject({ channel: "sms", enabled: true, secrets: { authValue: true, callbackSecret: true } });
    const providers = data(await ms().message.provider.list(auth));
    expect(providers.map((p) => p.channel)).toEqual(["sms"]);
    expect(JSON.stringify(providers)).not.toContain("sk_client");
  });

  it("follows nextCursor to list everything", async () => {
    const tenant = await makeApiTenant("Client pages");
    const booked = [];
    for (let i = 0; i < 5; i++) booked.push((await tenant.book()).id);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await ms().appointment.list({ appId: tenant.appId, apiKey: tenant.admin, limit: 2, cursor });
      if (!page.success) throw new Error(page.error.code);
      seen.push(...page.data.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(booked);
  });

  it("turns a refused connection into an error result", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    const offline = createClient({ baseUrl: `http://127.0.0.1:${port}` });
    const res = await offline.app.multiService.appointment.list({ appId: t.appId, apiKey: t.admin });
    expect(res.success).toBe(false);
    if (!res.success) expect(res.error.code).toBe("network-error");
  });

  it("turns an answer that is not the API's into an error result", async () => {
    // A page of the site, not the API: HTML, or JSON of another shape.
    const html = createClient({ baseUrl: NEXT_URL, fetch: (_input, init) => fetch(`${NEXT_URL}/api/health`, init) });
    const res = await html.app.multiService.company.list({ appId: t.appId, apiKey: t.admin });
    expect(res.success).toBe(false);
    if (!res.success) expect(res.error).toMatchObject({ code: "network-error" });
    const text = createClient({ baseUrl: API_URL, fetch: async () => new Response("<html>502</html>", { status: 502 }) });
    const bad = await text.app.multiService.company.list({ appId: t.appId, apiKey: t.admin });
    expect(!bad.success && bad.error).toMatchObject({ code: "network-error", details: { status: 502 } });
  });

  it("sends ids safely in the path", async () => {
    const res = await ms().appointment.get({ appId: t.appId, apiKey: t.admin, id: "../../companies/list" });
    expect(!res.success && res.error.code).toBe("appointment-not-found");
  });

  it("imports nothing at run time: its imports are types only", async () => {
    const dir = path.resolve(import.meta.dirname, "../../lib/client");
    for (const file of await readdir(dir)) {
      const source = await readFile(path.join(dir, file), "utf8");
      const imports = source.match(/^\s*(import|export)\b[^;]*?\bfrom\s+["'][^"']+["']/gms) ?? [];
      expect(imports.length, file).toBeGreaterThan(0);
      for (const statement of imports) expect(statement, `${file}: ${statement}`).toMatch(/^\s*(import|export)\s+type\b/);
    }
  });
});
