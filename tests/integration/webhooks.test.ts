// Webhooks in the domain, against a local receiver: endpoints get the events they asked for
// (types, company), signed (checked with the package's verifier), in order per appointment,
// retried on the schedule then failed, never twice at once across workers, and an endpoint
// failing for days is disabled with its reason. Bad input is refused with nothing saved.
import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { updateAppointmentStatus } from "@/lib/appointments";
import type { WebhookConfig } from "@/lib/webhooks/config";
import { webhookConfig } from "@/lib/webhooks/config";
import { createWebhook, deleteWebhook, editWebhook, getWebhook, listDeliveries, listDeliveryPage, listWebhooks, retryDelivery, rotateWebhookSecret, sendTestEvent } from "@/lib/webhooks";
import { claimDue, deliverClaimed, deliverDue, dispatchOnce } from "@/lib/webhooks/worker";
import { codeOf, eventsSettled, makeTenant, type Tenant } from "../support/factories";
import { type Receiver, startReceiver } from "../support/receiver";

process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";

let t: Tenant;
let rx: Receiver;
/** Retries due at once: the schedule's length matters here, not its delays. */
const config: WebhookConfig = { ...webhookConfig({ WEBHOOKS_ALLOW_LOOPBACK: "1" }), retryScheduleMs: [0, 0, 0], timeoutMs: 2000 };

beforeAll(async () => {
  t = await makeTenant("Webhooks");
  rx = await startReceiver();
});
afterAll(() => rx.close());

/** Fans out every settled event (this app's included), then delivers what is due for this app. */
async function run(appId = t.appId) {
  await eventsSettled(appId);
  while ((await dispatchOnce()) === 500);
  return deliverDue(config, { appId });
}

const bodies = (path: string) => rx.at(path).map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: { id: string; appointmentId: string } });

describe("fan-out", () => {
  it("sends each endpoint the events it asked for, signed, with the event as the feed gives it", async () => {
    const all = await createWebhook(t.owner, { url: rx.url("/all"), description: "Tout" });
    const statuses = await createWebhook(t.owner, { url: rx.url("/status"), types: ["appointment.status_changed"] });
    const spa = await createWebhook(t.owner, { url: rx.url("/spa"), companyId: t.companyB.id });
    const off = await createWebhook(t.owner, { url: rx.url("/off"), enabled: false });
    expect(all.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(JSON.stringify(await listWebhooks(t.owner))).not.toContain(all.secret);

    const a = await t.book();
    await updateAppointmentStatus(t.owner, a.id, { status: "CONFIRMED" });
    await run();

    expect(bodies("/all").map((b) => b.type)).toEqual(["appointment.created", "appointment.status_changed"]);
    expect(bodies("/status").map((b) => b.type)).toEqual(["appointment.status_changed"]);
    expect(rx.at("/spa")).toHaveLength(0);
    expect(rx.at("/off")).toHaveLength(0);

    const [first] = rx.at("/all");
    const verified = new Webhook(all.secret).verify(first.body, first.headers) as { type: string; data: { appointmentId: string; data: { id: string } } };
    expect(verified.data.appointmentId).toBe(a.id);
    expect(verified.data.data.id).toBe(a.id);
    expect(() => new Webhook(statuses.secret).verify(first.body, first.headers)).toThrow();
    expect(first.headers["webhook-id"]).toMatch(/^msg_/);

    const log = await listDeliveries(t.owner, all.endpoint.id);
    expect(log.map((d) => [d.eventType, d.status, d.attempt, d.httpStatus])).toEqual([
      ["appointment.status_changed", "delivered", 1, 200],
      ["appointment.created", "delivered", 1, 200],
    ]);
    expect(log[0].response).toBe("ok");
    await Promise.all([all, statuses, spa, off].map((w) => deleteWebhook(t.owner, w.endpoint.id)));
  });

  it("fans an event out once however many times the dispatcher runs, and two workers never send one delivery twice", async () => {
    const w = await createWebhook(t.owner, { url: rx.url("/once") });
    for (let i = 0; i < 6; i++) await t.book();
    await eventsSettled(t.appId);
    await Promise.all([dispatchOnce(), dispatchOnce()]);
    // The dispatcher's place moved back: the same events again insert nothing.
    const db = await getDb();
    await db.execute(sql`UPDATE webhook_dispatch SET last_event_id = greatest(last_event_id - 50, 0)`);
    await dispatchOnce();
    await Promise.all([deliverDue(config, { appId: t.appId }), deliverDue(config, { appId: t.appId }), deliverDue(config, { appId: t.appId })]);
    const ids = rx.at("/once").map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    await deleteWebhook(t.owner, w.endpoint.id);
  });
});

describe("order, retries and failure", () => {
  beforeEach(() => rx.received.splice(0));

  it("retries with the same webhook-id, and a later event of the appointment waits for the earlier one", async () => {
    const w = await createWebhook(t.owner, { url: rx.url("/flaky") });
    rx.on("/flaky", (r, res) => {
      const body = JSON.parse(r.body) as { type: string };
      // The creation fails twice; everything else is accepted.
      const failures = rx.at("/flaky").filter((x) => (JSON.parse(x.body) as { type: string }).type === "appointment.created").length;
      if (body.type === "appointment.created" && failures <= 2) res.writeHead(500).end("boom");
      else res.writeHead(204).end();
    });
    const a = await t.book();
    await updateAppointmentStatus(t.owner, a.id, { status: "CONFIRMED" });
    await updateAppointmentStatus(t.owner, a.id, { status: "IN_PROGRESS" });
    await run();

    const seen = rx.at("/flaky");
    expect(seen.map((r) => (JSON.parse(r.body) as { type: string }).type)).toEqual([
      "appointment.created",
      "appointment.created",
      "appointment.created",
      "appointment.status_changed",
      "appointment.status_changed",
    ]);
    expect(new Set(seen.slice(0, 3).map((r) => r.headers["webhook-id"])).size).toBe(1);
    const statuses = bodies("/flaky").slice(3).map((b) => (b.data as unknown as { change: { toStatus: string } }).change.toStatus);
    expect(statuses).toEqual(["CONFIRMED", "IN_PROGRESS"]);
    const log = await listDeliveries(t.owner, w.endpoint.id);
    const created = log.find((d) => d.eventType === "appointment.created")!;
    expect(created).toMatchObject({ status: "delivered", attempt: 3, httpStatus: 204 });
    await deleteWebhook(t.owner, w.endpoint.id);
  });

  it("marks a delivery failed once the schedule is spent, keeps the answer's start, and a resend sends it again", async () => {
    const w = await createWebhook(t.owner, { url: rx.url("/down") });
    rx.on("/down", (_r, res) => res.writeHead(503).end("x".repeat(10_000)));
    await t.book();
    await run();
    expect(rx.at("/down")).toHaveLength(config.retryScheduleMs.length + 1);
    let [d] = await listDeliveries(t.owner, w.endpoint.id);
    expect(d).toMatchObject({ status: "failed", attempt: 4, httpStatus: 503, error: "HTTP 503" });
    expect(d.response!.length).toBeLessThanOrEqual(4096);

    rx.on("/down", (_r, res) => res.writeHead(200).end("back"));
    await retryDelivery(t.owner, w.endpoint.id, d.id);
    await deliverDue(config, { appId: t.appId });
    [d] = await listDeliveries(t.owner, w.endpoint.id);
    expect(d).toMatchObject({ status: "delivered", attempt: 5, httpStatus: 200 });
    const sent = rx.at("/down");
    expect(sent[sent.length - 1].headers["webhook-id"]).toBe(sent[0].headers["webhook-id"]);
    expect(await codeOf(() => retryDelivery(t.owner, w.endpoint.id, "00000000-0000-4000-8000-000000000000"))).toBe("delivery-not-found");
    await deleteWebhook(t.owner, w.endpoint.id);
  });

  it("disables an endpoint that has failed for days, with the reason; enabling it again clears it", async () => {
    const w = await createWebhook(t.owner, { url: rx.url("/dead") });
    rx.on("/dead", (_r, res) => res.writeHead(500).end());
    const db = await getDb();
    const ofIt = and(eq(webhookEndpoints.appId, t.appId), eq(webhookEndpoints.id, w.endpoint.id));
    // Failing since long before the limit (set from the database's clock, not this machine's).
    await db.update(webhookEndpoints).set({ failingSince: sql`now() - make_interval(secs => ${config.disableAfterMs / 1000 + 3600})` }).where(ofIt);
    await sendTestEvent(t.owner, w.endpoint.id);
    const [claimed] = await claimDue(config, 1, { appId: t.appId });
    await deliverClaimed(config, claimed);
    const off = await getWebhook(t.owner, w.endpoint.id);
    expect(off.enabled).toBe(false);
    expect(off.disabledReason).toMatch(/Désactivé automatiquement/);
    // Disabled: nothing more is claimed for it.
    expect(await claimDue({ ...config, retryScheduleMs: [0] }, 5, { appId: t.appId })).toHaveLength(0);
    const on = await editWebhook(t.owner, w.endpoint.id, { enabled: true });
    expect(on).toMatchObject({ enabled: true, disabledReason: null });
    await deleteWebhook(t.owner, w.endpoint.id);
  });

  it("a delivery claimed by a worker that dies is not sent by another while leased, then is sent once the lease ends", async () => {
    const w = await createWebhook(t.owner, { url: rx.url("/lease") });
    await sendTestEvent(t.owner, w.endpoint.id);
    // The first worker claims it and is killed before answering (nothing recorded).
    const [lost] = await claimDue(config, 5, { appId: t.appId });
    expect(lost.endpointId).toBe(w.endpoint.id);
    expect(await claimDue(config, 5, { appId: t.appId })).toHaveLength(0);
    // The lease runs out (moved to the past on the database's clock rather than waited for).
    const db = await getDb();
    await db
      .update(webhookDeliveries)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(and(eq(webhookDeliveries.appId, t.appId), eq(webhookDeliveries.endpointId, w.endpoint.id)));
    expect(await deliverDue(config, { appId: t.appId })).toBe(1);
    // The dead worker's late answer (its attempt number is stale) changes nothing.
    await deliverClaimed(config, lost);
    const [d] = await listDeliveries(t.owner, w.endpoint.id);
    expect(d).toMatchObject({ status: "delivered", attempt: 2 });
    expect(rx.at("/lease").map((r) => r.headers["webhook-id"])).toEqual([lost.webhookId, lost.webhookId]);
    await deleteWebhook(t.owner, w.endpoint.id);
  });

  it("records a host that does not resolve as a failed attempt", async () => {
    const w = await createWebhook(t.owner, { url: "https://nowhere.invalid/hook" });
    await sendTestEvent(t.owner, w.endpoint.id);
    await deliverDue({ ...config, retryScheduleMs: [] }, { appId: t.appId });
    const [d] = await listDeliveries(t.owner, w.endpoint.id);
    expect(d).toMatchObject({ status: "failed", httpStatus: null });
    expect(d.error).toMatch(/introuvable/);
    await deleteWebhook(t.owner, w.endpoint.id);
  });
});

describe("managing endpoints", () => {
  const count = async () => (await listWebhooks(t.owner)).length;

  it("refuses bad input with validation-error and saves nothing", async () => {
    const before = await count();
    for (const input of [
      { url: "http://example.com/hook" },
      { url: "/relative" },
      { url: "ftp://example.com" },
      { url: "https://example.com", types: ["appointment.deleted"] },
      { url: "https://example.com", types: [] },
      { url: "https://example.com", secret: "whsec_mine" },
      { url: "https://10.0.0.7/hook" },
      { url: "https://169.254.169.254/latest" },
      { url: "https://[fd00::1]/hook" },
      { url: "https://user:pw@example.com/hook" },
    ]) {
      expect(await codeOf(() => createWebhook(t.owner, input as never)), JSON.stringify(input)).toBe("validation-error");
    }
    expect(await count()).toBe(before);
  });

  it("allows loopback only with WEBHOOKS_ALLOW_LOOPBACK=1", async () => {
    delete process.env.WEBHOOKS_ALLOW_LOOPBACK;
    try {
      expect(await codeOf(() => createWebhook(t.owner, { url: "https://127.0.0.1/hook" }))).toBe("validation-error");
      expect(await codeOf(() => createWebhook(t.owner, { url: rx.url("/x") }))).toBe("validation-error");
    } finally {
      process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";
    }
  });

  it("edits, rotates the secret, answers webhook-not-found for unknown ids and keeps a staff member out", async () => {
    const w = await createWebhook(t.owner, { url: rx.url("/edit") });
    const edited = await editWebhook(t.owner, w.endpoint.id, { types: ["appointment.moved", "appointment.created"], description: "CRM" });
    expect(edited).toMatchObject({ types: ["appointment.moved", "appointment.created"], description: "CRM" });
    expect(await codeOf(() => editWebhook(t.owner, w.endpoint.id, { secret: "whsec_x" } as never))).toBe("validation-error");
    const rotated = await rotateWebhookSecret(t.owner, w.endpoint.id);
    expect(rotated.secret).not.toBe(w.secret);
    await sendTestEvent(t.owner, w.endpoint.id);
    await deliverDue(config, { appId: t.appId });
    const [got] = rx.at("/edit");
    expect((new Webhook(rotated.secret).verify(got.body, got.headers) as { type: string }).type).toBe("webhook.test");

    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await codeOf(() => getWebhook(t.owner, unknown))).toBe("webhook-not-found");
    expect(await codeOf(() => editWebhook(t.owner, "nope", { description: "x" }))).toBe("webhook-not-found");
    expect(await codeOf(() => deleteWebhook(t.owner, unknown))).toBe("webhook-not-found");
    expect(await codeOf(() => listDeliveries(t.owner, unknown))).toBe("webhook-not-found");
    const staff = t.caller({ scopes: ["appointments:read", "appointments:write"] });
    expect(await codeOf(() => listWebhooks(staff))).toBe("not-authorized");
    // A key limited to company B sees only B's endpoints.
    const keyB = t.caller({ companyIds: [t.companyB.id] });
    expect(await codeOf(() => getWebhook(keyB, w.endpoint.id))).toBe("webhook-not-found");
    const mine = await createWebhook(keyB, { url: rx.url("/b") });
    expect(mine.endpoint.companyId).toBe(t.companyB.id);
    expect((await listWebhooks(keyB)).map((e) => e.id)).toEqual([mine.endpoint.id]);
    await deleteWebhook(t.owner, w.endpoint.id);
    await deleteWebhook(t.owner, mine.endpoint.id);
    const db = await getDb();
    const left = await db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.appId, t.appId), eq(webhookDeliveries.endpointId, w.endpoint.id)));
    expect(left).toHaveLength(0);
  });
});

describe("delivery log pages", () => {
  it("reads the log newest first a page at a time, each delivery once, until nextCursor is null; a bad cursor is validation-error", async () => {
    const { endpoint } = await createWebhook(t.owner, { url: rx.url("/pages"), enabled: false });
    const sent: string[] = [];
    for (let i = 0; i < 5; i++) sent.push((await sendTestEvent(t.owner, endpoint.id)).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listDeliveryPage(t.owner, endpoint.id, { limit: 2, cursor });
      seen.push(...page.data.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...sent].reverse());
    const bad = await listDeliveryPage(t.owner, endpoint.id, { cursor: "pas-un-curseur" }).catch((e) => e);
    expect([bad.code, Object.keys(bad.details.fields)]).toEqual(["validation-error", ["cursor"]]);
  });
});
