// Webhooks over HTTP, delivered by the running servers' workers (two instances on one database:
// the production server and `next start`) to a local receiver: signed (checked with the
// standardwebhooks verifier), the event as events/list gives it, retried with the same
// webhook-id, resent on demand; receivers that hang, fail, redirect or answer 10 MB are recorded
// and hold nothing else up; private addresses and bad input are refused with nothing saved.
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/lib/client";
import { eventsSettled } from "../support/factories";
import { type Receiver, startReceiver } from "../support/receiver";
import { API_URL, type ApiTenant, makeApiTenant, NEXT_URL, slotIso } from "./support/api";

let t: ApiTenant;
let rx: Receiver;
beforeAll(async () => {
  t = await makeApiTenant("Webhooks HTTP");
  rx = await startReceiver();
});
afterAll(() => rx.close());

type Body = { type: string; timestamp: string; data: { id: string; appointmentId: string; type: string } };
const bodyOf = (r: { body: string }) => JSON.parse(r.body) as Body;

async function addEndpoint(path: string, extra: Record<string, unknown> = {}) {
  const res = await t.call("webhooks/create", { url: rx.url(path), ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body.data as { endpoint: { id: string }; secret: string };
}

async function book() {
  const res = await t.call("appointments/create", {
    serviceId: t.serviceA.id,
    customerId: t.customer.id,
    agentId: t.agentA.id,
    date: slotIso(t),
    filledFields: { type_coupe: "classique" },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.data as { id: string };
}

async function deliveries(endpointId: string) {
  const res = await t.call(`webhooks/${endpointId}/deliveries`);
  expect(res.status, res.text).toBe(200);
  return res.body.data as { id: string; webhookId: string; status: string; attempt: number; httpStatus: number | null; error: string | null; response: string | null; eventType: string }[];
}

/** Waits until the endpoint's log satisfies `check` (the workers run on their own). */
async function logUntil(endpointId: string, check: (log: Awaited<ReturnType<typeof deliveries>>) => boolean) {
  for (let i = 0; i < 300; i++) {
    const log = await deliveries(endpointId);
    if (check(log)) return log;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`delivery log of ${endpointId} never got there: ${JSON.stringify(await deliveries(endpointId))}`);
}

describe("delivery", () => {
  it("signs each event, sends it as events/list gives it, and shows the secret only once", async () => {
    const { endpoint, secret } = await addEndpoint("/signed");
    expect(secret).toMatch(/^whsec_/);
    const got = await t.call(`webhooks/${endpoint.id}`);
    const listed = await t.call("webhooks/list", {}, { base: NEXT_URL });
    expect(listed.status).toBe(200);
    expect(got.text + listed.text).not.toContain(secret);

    const a = await book();
    await rx.until(() => rx.at("/signed").length >= 1);
    const [req] = rx.at("/signed");
    const verified = new Webhook(secret).verify(req.body, req.headers) as Body;
    expect(verified.type).toBe("appointment.created");
    expect(verified.data.appointmentId).toBe(a.id);
    expect(req.headers["webhook-id"]).toMatch(/^msg_/);
    expect(Number(req.headers["webhook-timestamp"])).toBeGreaterThan(0);

    await eventsSettled(t.appId);
    const feed = await t.call("events/list", { appointmentId: a.id });
    expect(verified.data).toEqual(feed.body.data[0]);
    expect(verified.timestamp).toBe(feed.body.data[0].occurredAt);
    // A tampered body fails verification.
    expect(() => new Webhook(secret).verify(req.body.replace(a.id, "x"), req.headers)).toThrow();
  });

  it("retries a failing receiver with the same webhook-id until it answers 2xx", async () => {
    rx.on("/flaky", (_r, res, n) => (n <= 2 ? res.writeHead(500).end("not yet") : res.writeHead(200).end("merci")));
    const { endpoint, secret } = await addEndpoint("/flaky");
    await book();
    const log = await logUntil(endpoint.id, (l) => l[0]?.status === "delivered");
    expect(log[0]).toMatchObject({ attempt: 3, httpStatus: 200, response: "merci", error: null });
    const seen = rx.at("/flaky");
    expect(seen).toHaveLength(3);
    expect(new Set(seen.map((r) => r.headers["webhook-id"])).size).toBe(1);
    for (const r of seen) new Webhook(secret).verify(r.body, r.headers);
  });

  it("replays a delivery on demand (Renvoyer) with the same webhook-id, and sends test events", async () => {
    const { endpoint, secret } = await addEndpoint("/replay");
    const test = await t.call(`webhooks/${endpoint.id}/test`);
    expect(test.status).toBe(202);
    const [first] = await logUntil(endpoint.id, (l) => l[0]?.status === "delivered");
    expect(first.eventType).toBe("webhook.test");
    const again = await t.call(`webhooks/${endpoint.id}/deliveries/${first.id}/retry`);
    expect(again.status).toBe(202);
    await rx.until(() => rx.at("/replay").length === 2);
    const [a, b] = rx.at("/replay");
    expect(b.headers["webhook-id"]).toBe(a.headers["webhook-id"]);
    expect(bodyOf(b)).toEqual(bodyOf(a));
    expect((new Webhook(secret).verify(b.body, b.headers) as Body).type).toBe("webhook.test");
    const [after] = await logUntil(endpoint.id, (l) => l[0]?.attempt === 2 && l[0].status === "delivered");
    expect(after.id).toBe(first.id);
  });

  it("records receivers that hang, redirect, fail or answer 10 MB, and they hold up neither the others nor the API", async () => {
    rx.on("/hang", () => {}); // never answers
    rx.on("/redirect", (_r, res) => res.writeHead(302, { location: rx.url("/healthy") }).end());
    rx.on("/huge", (_r, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      const chunk = "y".repeat(64 * 1024);
      let sent = 0;
      const write = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", write);
        }
        res.end();
      };
      res.on("error", () => {});
      write();
    });
    rx.on("/error", (_r, res) => res.writeHead(500).end("panne"));
    const bad = await Promise.all(["/hang", "/redirect", "/huge", "/error"].map((p) => addEndpoint(p)));
    const healthy = await addEndpoint("/healthy");
    const booked = await Promise.all([book(), book(), book()]);
    await rx.until(() => rx.at("/healthy").filter((r) => booked.some((b) => r.body.includes(b.id))).length === 3);
    expect((await t.call("companies/list")).status).toBe(200);

    const [hang, redirect, huge, error] = await Promise.all(bad.map((b) => logUntil(b.endpoint.id, (l) => l.length === 3 && l.every((d) => d.attempt >= 1 && (d.status !== "pending" || d.error !== null)))));
    expect(hang[0].error).toMatch(/Pas de réponse/);
    expect(redirect[0]).toMatchObject({ httpStatus: 302 });
    expect(redirect[0].error).toMatch(/Redirection non suivie/);
    expect(huge[0]).toMatchObject({ httpStatus: 200 });
    expect(huge[0].response!.length).toBeLessThanOrEqual(4096);
    expect(error[0]).toMatchObject({ httpStatus: 500, response: "panne" });
    // The redirect was not followed: /healthy got only its own deliveries.
    expect(rx.at("/healthy").every((r) => r.headers["webhook-id"].endsWith(healthy.endpoint.id.replaceAll("-", "")))).toBe(true);
    await Promise.all(bad.map((b) => t.call(`webhooks/${b.endpoint.id}/delete`)));
  });
});

describe("refusals", () => {
  it("refuses private addresses, non-HTTPS or relative URLs, unknown types and caller-given secrets, saving nothing", async () => {
    const before = (await t.call("webhooks/list")).body.data.length as number;
    for (const body of [
      { url: "https://10.1.2.3/hook" },
      { url: "https://192.168.1.10/hook" },
      { url: "https://169.254.169.254/latest/meta-data" },
      { url: "https://[fe80::1]/hook" },
      { url: "http://hooks.example.com/rdv" },
      { url: "/hooks/rdv" },
      { url: "https://hooks.example.com/rdv", types: ["appointment.exploded"] },
      { url: "https://hooks.example.com/rdv", secret: "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" },
      { types: ["*"] },
    ]) {
      const res = await t.call("webhooks/create", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("validation-error");
    }
    expect((await t.call("webhooks/list")).body.data).toHaveLength(before);
  });

  it("a host that does not resolve is saved and its deliveries fail, logged", async () => {
    const res = await t.call("webhooks/create", { url: "https://nowhere.invalid/hook" });
    expect(res.status).toBe(201);
    const id = res.body.data.endpoint.id as string;
    await t.call(`webhooks/${id}/test`);
    const [d] = await logUntil(id, (l) => l[0]?.status === "failed");
    expect(d.error).toMatch(/introuvable/);
    await t.call(`webhooks/${id}/delete`);
  });

  it("needs the webhooks:manage scope", async () => {
    const reader = await t.key({ scopes: ["appointments:read"] });
    const res = await t.call("webhooks/list", {}, { key: reader });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("not-authorized");
  });
});

describe("typed client", () => {
  it("manages endpoints and reads deliveries", async () => {
    const client = createClient({ baseUrl: API_URL });
    const auth = { appId: t.appId, apiKey: t.admin };
    const created = await client.app.multiService.webhook.create({ ...auth, url: rx.url("/client"), types: ["appointment.status_changed"] });
    if (!created.success) throw new Error(created.error.message);
    const id = created.data.endpoint.id;
    const edited = await client.app.multiService.webhook.edit({ ...auth, id, description: "Client" });
    expect(edited.success && edited.data.description).toBe("Client");
    const rotated = await client.app.multiService.webhook.rotateSecret({ ...auth, id });
    expect(rotated.success && rotated.data.secret).not.toBe(created.data.secret);
    const test = await client.app.multiService.webhook.test({ ...auth, id });
    expect(test.success).toBe(true);
    await rx.until(() => rx.at("/client").length === 1);
    const log = await client.app.multiService.webhook.deliveries({ ...auth, id, limit: 10 });
    expect(log.success && log.data.length).toBe(1);
    expect(log.success && log.nextCursor).toBeNull();
    // A page of one: the second test event first, then the cursor reads the older one.
    await client.app.multiService.webhook.test({ ...auth, id });
    const newest = await client.app.multiService.webhook.deliveries({ ...auth, id, limit: 1 });
    if (!newest.success || !newest.nextCursor) throw new Error(`one page of one expected: ${JSON.stringify(newest)}`);
    const older = await client.app.multiService.webhook.deliveries({ ...auth, id, limit: 1, cursor: newest.nextCursor });
    expect(older.success && [older.data.map((d) => d.id), older.nextCursor]).toEqual([log.success ? log.data.map((d) => d.id) : [], null]);
    const bad = await client.app.multiService.webhook.deliveries({ ...auth, id, cursor: "pas-un-curseur" });
    expect(!bad.success && bad.error.code).toBe("validation-error");
    const missing = await client.app.multiService.webhook.get({ ...auth, id: "00000000-0000-4000-8000-000000000000" });
    expect(!missing.success && missing.error.code).toBe("webhook-not-found");
    const removed = await client.app.multiService.webhook.delete({ ...auth, id });
    expect(removed.success).toBe(true);
  });
});
