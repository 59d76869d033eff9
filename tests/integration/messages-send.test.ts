// The sender against the real database with test adapters standing in for providers: two
// senders racing send every message exactly once; a send whose answer was lost is sent again
// only through an idempotent adapter, else marked unknown; a provider failing is retried on the
// schedule; a channel with no adapter or no provider fails with its reason.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { messages, type NewMessage } from "@/db/schema";
import type { ChannelAdapter, SendOutcome } from "@/lib/messages/channel";
import { type MessageConfig, messageConfig } from "@/lib/messages/config";
import { claimDue, sendDue } from "@/lib/messages/sender";
import { setProvider } from "@/lib/messages";
import { makeTenant, type Tenant } from "../support/factories";

let t: Tenant;
const config: MessageConfig = { ...messageConfig({}), retryScheduleMs: [60_000, 120_000], leaseMs: 30_000, concurrency: 4 };
const T0 = new Date("2031-01-05T10:00:00Z");
const plus = (ms: number) => new Date(T0.getTime() + ms);

beforeAll(async () => {
  t = await makeTenant("Messages send");
  await setProvider(t.owner, "sms", { settings: { url: "https://sms.example/send" }, secrets: { authValue: "Bearer s3cret", callbackSecret: "callback-secret-0123456789" } });
  await setProvider(t.owner, "journal", {});
});

/** `n` messages due at T0 on a channel, for a fresh appointment. */
async function queue(n: number, channel: NewMessage["channel"] = "sms") {
  const a = await t.book();
  const db = await getDb();
  const rows = await db
    .insert(messages)
    .values(
      Array.from({ length: n }, (_, i) => ({
        appId: t.appId,
        companyId: t.companyA.id,
        appointmentId: a.id,
        customerId: t.customer.id,
        trigger: "moved" as const,
        occurrence: String(i),
        channel,
        recipient: t.customer.telephone,
        language: "fr" as const,
        body: `Message ${i}`,
        state: "queued" as const,
        dueAt: T0,
      })),
    )
    .returning({ id: messages.id });
  return rows.map((r) => r.id);
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
