// The sender against the real database with test adapters standing in for providers: two
// senders racing send every message exactly once; a send whose answer was lost is sent again
// only through an idempotent adapter, else marked unknown; a provider failing is retried on the
// schedule; a channel with no adapter or no provider fails with its reason; a status the provider
// sends before the sender stored its id is applied when it is.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { messageEarlyStatuses, messages, type NewMessage } from "@/db/schema";
import type { ChannelAdapter, SendOutcome } from "@/lib/messages/channel";
import { type MessageConfig, messageConfig } from "@/lib/messages/config";
import { claimDue, sendDue } from "@/lib/messages/sender";
import { applyStatus } from "@/lib/messages/inbound";
import { resendMessage, setProvider } from "@/lib/messages";
import { updateAppointmentStatus } from "@/lib/appointments";
import { makeTenant, type Tenant } from "../support/factories";
import { queueMessages } from "../support/messages";

let t: Tenant;
const config: MessageConfig = { ...messageConfig({}), retryScheduleMs: [60_000, 120_000], leaseMs: 30_000, concurrency: 4 };
const T0 = new Date("2031-01-05T10:00:00Z");
const plus = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  t = await makeTenant("Messages send");
  await setProvider(t.owner, "sms", { settings: { url: "https://sms.example/send" }, secrets: { authValue: "Bearer s3cret", callbackSecret: "callback-secret-0123456789" } });
  await setProvider(t.owner, "journal", {});
});

// Appointments well after T0 and its retries (a retry past the start is cancelled), an hour apart.
let slot = 0;
const nextStart = () => new Date(Date.UTC(2031, 1, 1, 10) + slot++ * 3_600_000);

/** `n` messages due at `due` (T0) on a channel, for a fresh appointment (at `start`, of company B when `paris`). */
async function queue(n: number, channel: NewMessage["channel"] = "sms", o: { due?: Date; start?: Date; paris?: boolean } = {}) {
  const date = o.start ?? nextStart();
  const a = o.paris
    ? await t.book({ date, serviceId: t.serviceB.id, agentId: t.agentB.id, companyId: t.companyB.id, filledFields: {} })
    : await t.book({ date });
  return queueMessages(t, a, n, channel, o.due ?? T0);
}

async function stateOf(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(messages).where(and(eq(messages.appId, t.appId), eq(messages.id, id)));
  return row;
}

/** A provider double: records each call, answers what `answer` says. */
function provider(idempotent: boolean, answer: (id: string, call: number) => SendOutcome = (id) => ({ state: "sent", providerId: `p-${id}` })) {
  const calls: string[] = [];
  const adapter: ChannelAdapter = {
    channel: "sms",
    idempotent,
    async send(message, settings) {
      expect(settings).toMatchObject({ url: "https://sms.example/send", authValue: "Bearer s3cret" });
      calls.push(message.id);
      await new Promise((r) => setTimeout(r, 2));
      return answer(message.id, calls.filter((c) => c === message.id).length);
    },
  };
  return { adapter, calls };
}

describe("exactly once", () => {
  it("two senders racing on the same database send every message once", async () => {
    const ids = await queue(40);
    const p = provider(false);
    const options = { appId: t.appId, now: T0, adapters: { sms: p.adapter } };
    const [a, b] = await Promise.all([sendDue(config, options), sendDue(config, options)]);
    expect(a + b).toBe(40);
    expect([...p.calls].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await stateOf(id)).toMatchObject({ state: "sent", providerId: `p-${id}`, attempts: 1, lockedUntil: null });
  });

  it("sends again after a lost answer only through an idempotent adapter, else marks it unknown", async () => {
    const later = plus(config.leaseMs + 1000);
    const [viaIdempotent] = await queue(1);
    // A sender claims it and dies before recording: its lease stays set.
    expect((await claimDue(config, 10, { appId: t.appId, now: T0 })).map((c) => c.id)).toEqual([viaIdempotent]);
    // Until the lease ends no one else takes it.
    expect(await claimDue(config, 10, { appId: t.appId, now: plus(10_000) })).toEqual([]);
    const safe = provider(true);
    await sendDue(config, { appId: t.appId, now: later, adapters: { sms: safe.adapter } });
    expect(safe.calls).toEqual([viaIdempotent]);
    expect(await stateOf(viaIdempotent)).toMatchObject({ state: "sent", attempts: 2 });

    const [viaPlain] = await queue(1);
    await claimDue(config, 10, { appId: t.appId, now: T0 });
    const plain = provider(false);
    await sendDue(config, { appId: t.appId, now: later, adapters: { sms: plain.adapter } });
    expect(plain.calls).toEqual([]);
    const row = await stateOf(viaPlain);
    expect(row.state).toBe("unknown");
    expect(row.failureReason).toContain("perdue");
  });
});

describe("failures", () => {
  it("retries on the schedule when the provider asks, then fails with its reason", async () => {
    const [id] = await queue(1);
    const down = provider(false, () => ({ state: "failed", reason: "503 Service Unavailable", retry: true }));
    const opts = (now: Date) => ({ appId: t.appId, now, adapters: { sms: down.adapter } });
    await sendDue(config, opts(T0));
    expect(await stateOf(id)).toMatchObject({ state: "queued", dueAt: plus(60_000), failureReason: "503 Service Unavailable", attempts: 1 });
    await sendDue(config, opts(plus(59_000)));
    expect(down.calls).toHaveLength(1);
    await sendDue(config, opts(plus(60_000)));
    expect(await stateOf(id)).toMatchObject({ state: "queued", dueAt: plus(180_000), attempts: 2 });
    await sendDue(config, opts(plus(180_000)));
    expect(await stateOf(id)).toMatchObject({ state: "failed", failureReason: "503 Service Unavailable", attempts: 3 });
    expect(down.calls).toHaveLength(3);
  });

  it("fails at once on a refusal, a channel without adapter and a channel without provider", async () => {
    const [refused] = await queue(1);
    const no = provider(false, () => ({ state: "failed", reason: "Numéro invalide", retry: false }));
    await sendDue(config, { appId: t.appId, now: T0, adapters: { sms: no.adapter } });
    expect(await stateOf(refused)).toMatchObject({ state: "failed", failureReason: "Numéro invalide" });

    const [noAdapter] = await queue(1, "whatsapp");
    await setProvider(t.owner, "whatsapp", {
      settings: { phoneNumberId: "1234567890" },
      secrets: { accessToken: "EAAG-token", appSecret: "app-secret", verifyToken: "verify-token-123" },
    });
    await sendDue(config, { appId: t.appId, now: T0, adapters: {} });
    expect((await stateOf(noAdapter)).failureReason).toContain("non disponible");

    const [noProvider] = await queue(1, "email");
    const email = { ...provider(false).adapter, channel: "email" as const };
    await sendDue(config, { appId: t.appId, now: T0, adapters: { email } });
    expect(await stateOf(noProvider)).toMatchObject({ state: "failed" });
    expect((await stateOf(noProvider)).failureReason).toContain("non configuré");
  });

  it("the journal records and answers sent, again after a lost answer", async () => {
    const [id] = await queue(1, "journal");
    await claimDue(config, 10, { appId: t.appId, now: T0 });
    await sendDue(config, { appId: t.appId, now: plus(config.leaseMs + 1000) });
    expect(await stateOf(id)).toMatchObject({ state: "sent", providerId: `journal-${id}`, attempts: 2 });
  });
});

describe("retries on the company's clock", () => {
  const at = (iso: string) => new Date(iso);
  const failing = () => provider(false, () => ({ state: "failed", reason: "503 Service Unavailable", retry: true }));

  it("a retry falling in the quiet hours waits until 07:00 (Abidjan and Paris)", async () => {
    // Due 20:59:30, retried a minute later: 21:00:30, quiet.
    const [abidjan] = await queue(1, "sms", { due: at("2031-03-09T20:59:30Z"), start: at("2031-03-10T10:00:00Z") });
    const [paris] = await queue(1, "sms", { due: at("2031-03-09T19:59:30Z"), start: at("2031-03-10T09:00:00Z"), paris: true });
    const down = failing();
    await sendDue(config, { appId: t.appId, now: at("2031-03-09T20:59:30Z"), adapters: { sms: down.adapter } });
    expect(await stateOf(abidjan)).toMatchObject({ state: "queued", dueAt: at("2031-03-10T07:00:00Z"), failureReason: "503 Service Unavailable" });
    expect(await stateOf(paris)).toMatchObject({ state: "queued", dueAt: at("2031-03-10T06:00:00Z") });
    expect(down.calls).toHaveLength(2);
    // Nothing goes during the night; at 07:00 it does.
    const up = provider(false);
    await sendDue(config, { appId: t.appId, now: at("2031-03-10T05:59:00Z"), adapters: { sms: up.adapter } });
    expect(up.calls).toEqual([]);
    await sendDue(config, { appId: t.appId, now: at("2031-03-10T07:00:00Z"), adapters: { sms: up.adapter } });
    expect([...up.calls].sort()).toEqual([abidjan, paris].sort());
    expect(await stateOf(abidjan)).toMatchObject({ state: "sent", attempts: 2 });
  });

  it("a retry that could only go once the appointment has started is cancelled, with why", async () => {
    // Retried after 21:00 → 07:00, but the appointment starts at 06:30.
    const [id] = await queue(1, "sms", { due: at("2031-03-11T20:59:30Z"), start: at("2031-03-12T06:30:00Z") });
    await sendDue(config, { appId: t.appId, now: at("2031-03-11T20:59:30Z"), adapters: { sms: failing().adapter } });
    const row = await stateOf(id);
    expect(row).toMatchObject({ state: "cancelled", lockedUntil: null });
    expect(row.failureReason).toContain("503 Service Unavailable");
    expect(row.failureReason).toContain("commencé");
  });

  it("a retry is not made when the appointment was cancelled while the sender held the message", async () => {
    const [id] = await queue(1);
    const row = await stateOf(id);
    // The planner cannot cancel a message a sender holds: the cancellation lands mid-send.
    const down = provider(false, () => ({ state: "failed", reason: "503 Service Unavailable", retry: true }));
    const send = down.adapter.send.bind(down.adapter);
    down.adapter.send = async (message, settings, signal) => {
      await updateAppointmentStatus(t.owner, row.appointmentId!, { status: "CANCELLED" });
      return send(message, settings, signal);
    };
    await sendDue(config, { appId: t.appId, now: T0, adapters: { sms: down.adapter } });
    const after = await stateOf(id);
    expect(after).toMatchObject({ state: "cancelled", lockedUntil: null, attempts: 1 });
    expect(after.failureReason).toContain("annulé");
    // Nothing goes at the retry's time.
    const up = provider(false);
    await sendDue(config, { appId: t.appId, now: plus(3_600_000), adapters: { sms: up.adapter } });
    expect(up.calls).not.toContain(id);
  });

  it("a message sent again by staff is retried on the same schedule as the first time", async () => {
    const [id] = await queue(1);
    const down = failing();
    const send = (now: Date) => sendDue(config, { appId: t.appId, now, adapters: { sms: down.adapter } });
    await send(T0);
    await send(plus(60_000));
    await send(plus(180_000));
    expect(await stateOf(id)).toMatchObject({ state: "failed", attempts: 3 });
    const again = plus(3_600_000);
    await resendMessage(t.owner, id, again);
    await send(again);
    expect(await stateOf(id)).toMatchObject({ state: "queued", attempts: 4, dueAt: new Date(again.getTime() + 60_000) });
    await send(new Date(again.getTime() + 60_000));
    expect(await stateOf(id)).toMatchObject({ state: "queued", attempts: 5, dueAt: new Date(again.getTime() + 180_000) });
    await send(new Date(again.getTime() + 180_000));
    expect(await stateOf(id)).toMatchObject({ state: "failed", attempts: 6, failureReason: "503 Service Unavailable" });
    expect(down.calls).toHaveLength(6);
  });
});

describe("a status before the provider's id is stored", () => {
  const status = (providerId: string, state: "sent" | "delivered" | "read" | "failed", at: Date, reason?: string) =>
    applyStatus(t.appId, { kind: "status", channel: "sms", providerId, state, ...(reason ? { reason } : {}) }, at);
  const early = async (providerId: string) =>
    (await getDb()).select().from(messageEarlyStatuses).where(and(eq(messageEarlyStatuses.appId, t.appId), eq(messageEarlyStatuses.providerId, providerId)));

  it("the provider calling back before answering the send: the status is kept, applied with the id, never moved back", async () => {
    const [id] = await queue(1);
    // The provider calls back (delivered, read, then a late delivered) before its answer reaches us.
    const hasty = provider(false, (mid) => ({ state: "sent", providerId: `hasty-${mid}` }));
    const send = hasty.adapter.send.bind(hasty.adapter);
    hasty.adapter.send = async (message, settings, signal) => {
      expect(await status(`hasty-${message.id}`, "delivered", T0)).toBe(0);
      expect(await status(`hasty-${message.id}`, "read", T0)).toBe(0);
      expect(await status(`hasty-${message.id}`, "delivered", T0)).toBe(0);
      return send(message, settings, signal);
    };
    expect(await stateOf(id)).toMatchObject({ state: "queued" });
    await sendDue(config, { appId: t.appId, now: T0, adapters: { sms: hasty.adapter } });
    expect(await stateOf(id)).toMatchObject({ state: "read", providerId: `hasty-${id}`, sentAt: T0, failureReason: null, lockedUntil: null });
    expect(await early(`hasty-${id}`)).toEqual([]);
    // Known now: later callbacks move it as always, still never back.
    expect(await status(`hasty-${id}`, "delivered", plus(1000))).toBe(0);
    expect((await stateOf(id)).state).toBe("read");
  });

  it("a failure reported early comes with its reason; one older than a day is dropped, not applied", async () => {
    const [failing, stale] = [(await queue(1))[0], (await queue(1))[0]];
    expect(await status(`early-${failing}`, "failed", T0, "Numéro inexistant")).toBe(0);
    expect(await status(`early-${stale}`, "delivered", plus(-25 * 3_600_000))).toBe(0);
    const p = provider(false, (mid) => ({ state: "sent", providerId: `early-${mid}` }));
    await sendDue(config, { appId: t.appId, now: T0, adapters: { sms: p.adapter } });
    expect(await stateOf(failing)).toMatchObject({ state: "failed", failureReason: "Numéro inexistant", providerId: `early-${failing}` });
    expect(await stateOf(stale)).toMatchObject({ state: "sent", failureReason: null });
    // One whose message never comes: the next status naming no message drops it after a day.
    const never = `early-never-${stale}`;
    await status(never, "read", plus(-25 * 3_600_000));
    await status(`${never}-b`, "delivered", plus(-3_600_000));
    expect(await early(never)).toHaveLength(1);
    await status(`${never}-c`, "delivered", T0);
    expect(await early(never)).toEqual([]);
    expect(await early(`${never}-b`)).toMatchObject([{ state: "delivered" }]);
  });
});
