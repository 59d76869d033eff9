// Providers calling us back: Meta's GET challenge, WhatsApp's signed callbacks and the generic
// SMS provider's, as the HTTP mounts (server/inbound.ts) hand them over: the raw body as
// received (signatures are over those bytes) and the signature header. The app is found first
// (WhatsApp: by the payload's phone number id in the providers' settings; SMS: by the URL), its
// secret verifies the signature (absent or forged: 401, nothing read further, nothing changed),
// then each event: a status moves our message forward (never back: callbacks come out of order
// and twice), or waits for the sender to store the id it names (it may call back before we
// recorded its answer to the send); a reply goes to handleReply, and the answer it recorded is
// sent back to the customer at once on that channel.
import "server-only";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messageEarlyStatuses, messageProviders, messages } from "@/db/schema";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import type { MessageChannel, MessageState } from "../contract/messages";
import type { ChannelSettings, InboundEvent } from "./channel";
import { parseSmsCallback, verifySmsSignature } from "./channels/sms-inbound";
import { answerWhatsAppChallenge, parseWhatsAppCallback, verifyWhatsAppSignature, whatsAppPhoneNumberIds } from "./channels/whatsapp-inbound";
import { messageConfig } from "./config";
import { providerSecrets } from "./provider-secret";
import { handleReply } from "./replies";
import { claimDue, sendClaimed } from "./sender";

/** What a callback did, for the logs and the tests. */
export type CallbackResult = { appId: string; statuses: number; replies: number };

/** One message says so. Same words for every refusal: a caller learns nothing of which apps exist. */
const unauthorized = () => new AppError("not-authorized", "Signature du rappel absente ou invalide");

function readJson(raw: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(raw);
  } catch {
    throw new AppError("validation-error", "Le corps doit être encodé en UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("validation-error", "JSON mal formé dans le corps du rappel");
  }
}

type ProviderRow = { appId: string; settings: ChannelSettings };

async function providersOf(channel: MessageChannel, where: { appId?: string; phoneNumberIds?: string[] }): Promise<ProviderRow[]> {
  const db = await getDb();
  const rows = await db
    .select({ appId: messageProviders.appId, settings: messageProviders.settings, secretEncrypted: messageProviders.secretEncrypted })
    .from(messageProviders)
    .where(
      and(
        eq(messageProviders.channel, channel),
        eq(messageProviders.enabled, true),
        where.appId ? eq(messageProviders.appId, where.appId) : undefined,
        where.phoneNumberIds ? inArray(sql<string>`${messageProviders.settings}->>'phoneNumberId'`, where.phoneNumberIds) : undefined,
      ),
    );
  return rows.map((r) => ({ appId: r.appId, settings: { ...r.settings, ...providerSecrets(r.secretEncrypted) } }));
}

/** Meta's GET: the challenge echoed when the verify token is an app's; otherwise null (403). */
export async function whatsAppChallenge(params: URLSearchParams): Promise<string | null> {
  if (params.get("hub.mode") !== "subscribe" || !params.get("hub.challenge")) return null;
  for (const p of await providersOf("whatsapp", {})) {
    const answer = answerWhatsAppChallenge(params, p.settings.verifyToken ?? "");
    if (answer !== null) return answer;
  }
  return null;
}

/** A signed WhatsApp callback; the app is the one whose phone number id it names and whose app secret signed it. */
export async function whatsAppCallback(raw: Uint8Array, signature: string | null | undefined, now: Date = new Date()): Promise<CallbackResult> {
  if (!signature) throw unauthorized();
  const json = readJson(raw);
  const ids = whatsAppPhoneNumberIds(json);
  if (ids.length === 0) throw unauthorized();
  const provider = (await providersOf("whatsapp", { phoneNumberIds: ids })).find((p) => verifyWhatsAppSignature(raw, signature, p.settings.appSecret ?? ""));
  if (!provider) throw unauthorized();
  return handleEvents(provider, parseWhatsAppCallback(json, () => now), now);
}

/** A signed SMS callback to /api/messages/sms/{appId}. */
export async function smsCallback(appId: string, raw: Uint8Array, signature: string | null | undefined, now: Date = new Date()): Promise<CallbackResult> {
  if (!signature || !isUuid(appId)) throw unauthorized();
  const [provider] = await providersOf("sms", { appId });
  if (!provider || !verifySmsSignature(raw, signature, provider.settings.callbackSecret ?? "")) throw unauthorized();
  return handleEvents(provider, parseSmsCallback(readJson(raw), () => now), now);
}

async function handleEvents(provider: ProviderRow, events: InboundEvent[], now: Date): Promise<CallbackResult> {
  const result: CallbackResult = { appId: provider.appId, statuses: 0, replies: 0 };
  for (const e of events) {
    if (e.kind === "status") {
      result.statuses += await applyStatus(provider.appId, e, now);
    } else {
      const outcome = await handleReply(provider.appId, e, now);
      result.replies++;
      if (outcome.answerId) sendAnswer(provider.appId, outcome.answerId, now);
    }
  }
  return result;
}

/**
 * The states a status may move a message from: forward only, so a late "delivered" after
 * "read", or the same callback twice, changes nothing. "unknown" (our answer was lost) is
 * settled by any news from the provider.
 */
const MOVES_FROM: Record<Extract<InboundEvent, { kind: "status" }>["state"], MessageState[]> = {
  sent: ["unknown"],
  delivered: ["sent", "unknown"],
  read: ["sent", "delivered", "unknown"],
  failed: ["sent", "delivered", "unknown"],
};

/** How long a status naming no message of ours is kept for the sender to store that id. */
const EARLY_STATUS_TTL_MS = 24 * 3_600_000;

/**
 * Moves the message the provider names (its id, or ours when it echoes it); answers 1 when it
 * moved. A status naming none is kept for the sender (lib/messages/sender.ts, recordSent): the
 * provider answered the send and called back at once, before the sender stored its id.
 */
export async function applyStatus(appId: string, e: Extract<InboundEvent, { kind: "status" }>, now: Date = new Date()): Promise<number> {
  const first = await moveNamed(appId, e);
  if (first.known || e.state === "sent" || !e.providerId) return first.moved;
  const db = await getDb();
  const key = and(eq(messageEarlyStatuses.appId, appId), eq(messageEarlyStatuses.channel, e.channel), eq(messageEarlyStatuses.providerId, e.providerId));
  const status = { state: e.state, reason: failureReason(e), receivedAt: now };
  await db
    .insert(messageEarlyStatuses)
    .values({ appId, channel: e.channel, providerId: e.providerId, ...status })
    .onConflictDoUpdate({
      target: [messageEarlyStatuses.appId, messageEarlyStatuses.channel, messageEarlyStatuses.providerId],
      set: status,
      // The same rule as a message's: a later callback only moves it forward.
      setWhere: inArray(messageEarlyStatuses.state, MOVES_FROM[e.state]),
    });
  await db.delete(messageEarlyStatuses).where(and(eq(messageEarlyStatuses.appId, appId), lt(messageEarlyStatuses.receivedAt, new Date(now.getTime() - EARLY_STATUS_TTL_MS))));
  // The sender may have stored the id between our look and our insert, its statement not seeing
  // the insert: look once more. (Both miss only if our insert and this look both fall within its
  // one statement's run.)
  const again = await moveNamed(appId, e);
  if (again.known) await db.delete(messageEarlyStatuses).where(key);
  return again.moved;
}

const failureReason = (e: Extract<InboundEvent, { kind: "status" }>) => (e.state === "failed" ? (e.reason ?? "Échec signalé par le fournisseur") : null);

/** Moves the named message forward; `known`: a message of this app and channel has that id. */
async function moveNamed(appId: string, e: Extract<InboundEvent, { kind: "status" }>): Promise<{ moved: number; known: boolean }> {
  const db = await getDb();
  const ids = [e.providerId, e.messageId].filter((id): id is string => Boolean(id));
  const ours = ids.filter(isUuid);
  const named = and(
    eq(messages.appId, appId),
    eq(messages.channel, e.channel),
    sql`(${inArray(messages.providerId, ids)}${ours.length ? sql` OR ${inArray(messages.id, ours)}` : sql``})`,
  );
  const moved = await db
    .update(messages)
    .set({ state: e.state, failureReason: failureReason(e), updatedAt: sql`now()` })
    .where(and(named, inArray(messages.state, MOVES_FROM[e.state])))
    .returning({ id: messages.id });
  if (moved.length > 0) return { moved: moved.length, known: true };
  const [known] = await db.select({ id: messages.id }).from(messages).where(named).limit(1);
  return { moved: 0, known: Boolean(known) };
}

/**
 * The answer to a reply (recorded by handleReply, due now) goes at once, after the callback is
 * answered (providers want their 200 quickly): claimed like any due message, so a sender that
 * took it first sends it instead, and sent, retried or failed as any other. The customer just
 * wrote, so WhatsApp's free-text window is open.
 */
function sendAnswer(appId: string, id: string, now: Date) {
  const config = messageConfig();
  void claimDue(config, 1, { appId, now, ids: [id] })
    .then((claimed) => sendClaimed(config, claimed, { now }))
    .catch((err: unknown) => console.warn(`[messages] réponse ${id} : ${(err as Error).message}`));
}
