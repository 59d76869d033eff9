// The per-provider send rate cap (lib/contract/message-rate.ts, the claim in lib/messages/
// sender.ts), on both databases with an injected clock: two senders claiming at the same
// instants take together no more than the cap allows, every message is claimed once and none is
// lost (those over the cap wait, still queued); the channels' defaults apply when no cap is set;
// a capped provider holds back only its own messages; a cap outside 1–1000 is refused.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { messages, type NewMessage } from "@/db/schema";
import { DEFAULT_RATE_PER_SECOND, RATE_BURST_SECONDS } from "@/lib/contract/message-rate";
import { listProviders, setProvider } from "@/lib/messages";
import { type MessageConfig, messageConfig } from "@/lib/messages/config";
import { claimDue } from "@/lib/messages/sender";
import { makeTenant, type Tenant } from "../support/factories";
import { fieldsOf, queueMessages } from "../support/messages";

// A lease longer than any test's span: a claimed message is not claimed again meanwhile.
const config: MessageConfig = { ...messageConfig({}), leaseMs: 7 * 86_400_000 };
const T0 = new Date("2032-04-05T10:00:00Z");
const plus = (ms: number) => new Date(T0.getTime() + ms);

const sms = { settings: { url: "https://sms.example/send" }, secrets: { authValue: "Bearer s3cret", callbackSecret: "callback-secret-0123456789" } };
const email = { settings: { host: "smtp.example.com", fromAddress: "rdv@salon.ci" } };

/** `n` messages due at T0 on a channel, for a fresh appointment of the tenant. */
const queue = async (t: Tenant, n: number, channel: NewMessage["channel"], due = T0) => queueMessages(t, await t.book(), n, channel, due);

const channelsOf = (claimed: { channel: string | null }[]) => {
  const counts: Record<string, number> = {};
  for (const c of claimed) counts[c.channel ?? "none"] = (counts[c.channel ?? "none"] ?? 0) + 1;
  return counts;
};

describe("a provider's cap", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant("Messages rate");
  });

  it("two senders claiming at the same instants take together at most the cap a second, each message once, the rest waiting", async () => {
    const rate = 20;
    const burst = rate * RATE_BURST_SECONDS;
    await setProvider(t.owner, "sms", { ...sms, ratePerSecond: rate });
    const ids = await queue(t, 60, "sms");
    const claimedAt: string[][] = [];
    const step = 250;
    for (let k = 0; claimedAt.flat().length < ids.length && k < 40; k++) {
      const now = plus(k * step);
      const [a, b] = await Promise.all([claimDue(config, 64, { appId: t.appId, now }), claimDue(config, 64, { appId: t.appId, now })]);
      claimedAt.push([...a, ...b].map((m) => m.id));
      if (k === 0) {
        // Over the cap, the others wait as they were: queued, free, not attempted.
        const db = await getDb();
        const left = await db
          .select()
          .from(messages)
          .where(and(eq(messages.appId, t.appId), inArray(messages.id, ids.filter((id) => !claimedAt[0].includes(id)))));
        expect(left).toHaveLength(ids.length - burst);
        for (const m of left) expect(m).toMatchObject({ state: "queued", lockedUntil: null, attempts: 0 });
      }
    }
    // The bucket starts full (half a second's worth: 10), then fills at the rate: 5 every 250 ms, no more.
    const perStep = claimedAt.map((c) => c.length);
    const refill = (rate * step) / 1000;
    expect(perStep).toEqual([burst, ...Array.from({ length: (ids.length - burst) / refill }, () => refill)]);
    // Any second (four steps) sees at most the rate plus the burst.
    for (let k = 0; k + 4 <= perStep.length; k++) expect(perStep.slice(k, k + 4).reduce((x, y) => x + y)).toBeLessThanOrEqual(rate + burst);
    // Nothing lost, nothing twice.
    const all = claimedAt.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...ids].sort());
  });

  it("a capped provider holds back only its own messages", async () => {
    await setProvider(t.owner, "sms", { ratePerSecond: 1 });
    await setProvider(t.owner, "journal", {});
    // The SMS are due first; the journal's come after them and are not stuck behind.
    const later = plus(3_600_000);
    const smsIds = await queue(t, 10, "sms", later);
    const journal = await queue(t, 3, "journal", plus(3_600_001));
    const now = plus(3_600_002);
    const claimed = await claimDue(config, 5, { appId: t.appId, now });
    expect(channelsOf(claimed)).toEqual({ sms: 1, journal: 3 });
    expect(claimed.filter((c) => c.channel === "journal").map((c) => c.id).sort()).toEqual([...journal].sort());
    // A second later, one more SMS; none in between.
    expect(await claimDue(config, 5, { appId: t.appId, now: new Date(now.getTime() + 500) })).toEqual([]);
    const next = await claimDue(config, 5, { appId: t.appId, now: new Date(now.getTime() + 1000) });
    expect(next.map((c) => c.id)).toHaveLength(1);
    expect(smsIds).toContain(next[0].id);
  });

  it("refuses a cap outside 1–1000 or not a whole number, naming the field, and changes nothing", async () => {
    await setProvider(t.owner, "sms", { ratePerSecond: 80 });
    for (const bad of [0, 1001, 2.5, -3, "fast" as unknown as number]) {
      expect(await fieldsOf(() => setProvider(t.owner, "sms", { ratePerSecond: bad }))).toEqual(["ratePerSecond"]);
    }
    const find = async () => (await listProviders(t.owner)).find((p) => p.channel === "sms");
    expect(await find()).toMatchObject({ ratePerSecond: 80, ratePerSecondSet: true });
    // Other fields left out keep the cap; null gives the channel's default back.
    await setProvider(t.owner, "sms", { enabled: true });
    expect(await find()).toMatchObject({ ratePerSecond: 80, ratePerSecondSet: true });
    await setProvider(t.owner, "sms", { ratePerSecond: null });
    expect(await find()).toMatchObject({ ratePerSecond: DEFAULT_RATE_PER_SECOND.sms, ratePerSecondSet: false });
    await setProvider(t.owner, "sms", { ratePerSecond: 1000 });
    expect(await find()).toMatchObject({ ratePerSecond: 1000 });
  });
});

describe("the channels' defaults", () => {
  it("apply when no cap is set: SMS and e-mail capped, the journal not", async () => {
    const t = await makeTenant("Messages rate defaults");
    await setProvider(t.owner, "sms", sms);
    await setProvider(t.owner, "email", email);
    await setProvider(t.owner, "journal", {});
    expect(Object.fromEntries((await listProviders(t.owner)).map((p) => [p.channel, [p.ratePerSecond, p.ratePerSecondSet]]))).toEqual({
      sms: [DEFAULT_RATE_PER_SECOND.sms, false],
      email: [DEFAULT_RATE_PER_SECOND.email, false],
      journal: [null, false],
    });
    await queue(t, 150, "sms");
    await queue(t, 40, "email");
    await queue(t, 300, "journal");
    const burst = (rate: number) => Math.floor(rate * RATE_BURST_SECONDS);
    const first = await claimDue(config, 1000, { appId: t.appId, now: T0 });
    expect(channelsOf(first)).toEqual({ sms: burst(DEFAULT_RATE_PER_SECOND.sms!), email: burst(DEFAULT_RATE_PER_SECOND.email!), journal: 300 });
    // 100 ms later: a tenth of a second's worth each (a part token left over from the burst counts).
    const second = await claimDue(config, 1000, { appId: t.appId, now: plus(100) });
    const after = (rate: number) => Math.floor(rate * RATE_BURST_SECONDS - burst(rate) + rate / 10);
    expect(channelsOf(second)).toEqual({ sms: after(DEFAULT_RATE_PER_SECOND.sms!), email: after(DEFAULT_RATE_PER_SECOND.email!) });
  });
});
