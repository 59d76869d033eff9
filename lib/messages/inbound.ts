// Providers calling us back: Meta's GET challenge, WhatsApp's signed callbacks and the generic
// SMS provider's, as the HTTP mounts (server/inbound.ts) hand them over: the raw body as
// received (signatures are over those bytes) and the signature header. The app is found first
// (WhatsApp: by the payload's phone number id in the providers' settings; SMS: by the URL), its
// secret verifies the signature (absent or forged: 401, nothing read further, nothing changed),
// then each event: a status moves our message forward (never back: callbacks come out of order
// and twice), a reply goes to handleReply and its answer back to the customer on that channel.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { messageProviders, messages } from "@/db/schema";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import type { MessageChannel, MessageState } from "../contract/messages";
import type { ChannelSettings, InboundEvent } from "./channel";
import { CHANNEL_ADAPTERS } from "./channels";
import { parseSmsCallback, verifySmsSignature } from "./channels/sms-inbound";
import { answerWhatsAppChallenge, parseWhatsAppCallback, verifyWhatsAppSignature, whatsAppPhoneNumberIds } from "./channels/whatsapp-inbound";
import { messageConfig } from "./config";
import { providerSecrets } from "./provider-secret";
import { handleReply, type Reply } from "./replies";

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
      result.statuses += await applyStatus(provider.appId, e);
    } else {
      const outcome = await handleReply(provider.appId, e, now);
      result.replies++;
      if (outcome.answer) answerBack(provider, e, outcome.answer);
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

/** Moves the message the provider names (its id, or ours when it echoes it); answers 1 when it moved. */
export async function applyStatus(appId: string, e: Extract<InboundEvent, { kind: "status" }>): Promise<number> {
  const db = await getDb();
  const ids = [e.providerId, e.messageId].filter((id): id is string => Boolean(id));
  const ours = ids.filter(isUuid);
  const named = sql`(${inArray(messages.providerId, ids)}${ours.length ? sql` OR ${inArray(messages.id, ours)}` : sql``})`;
  const moved = await db
    .update(messages)
    .set({ state: e.state, failureReason: e.state === "failed" ? (e.reason ?? "Échec signalé par le fournisseur") : null, updatedAt: sql`now()` })
    .where(and(eq(messages.appId, appId), eq(messages.channel, e.channel), named, inArray(messages.state, MOVES_FROM[e.state])))
    .returning({ id: messages.id });
  return moved.length;
}

/**
 * The answer to a reply goes back at once on the reply's channel (the customer just wrote, so
 * WhatsApp's free-text window is open), after the callback is answered: providers want their
 * 200 quickly. A failure is logged; the reply itself is already recorded.
 */
function answerBack(provider: ProviderRow, reply: Reply, text: string) {
  const adapter = CHANNEL_ADAPTERS[reply.channel];
  if (!adapter) return;
  const config = messageConfig();
  void adapter
    .send({ id: randomUUID(), channel: reply.channel, to: reply.from, body: text, customerWindowOpen: true }, provider.settings, AbortSignal.timeout(config.timeoutMs))
    .then((o) => {
      if (o.state !== "sent") console.warn(`[messages] réponse à ${reply.providerId} (${reply.channel}) : ${o.state}, ${o.reason}`);
    })
    .catch((err: unknown) => console.warn(`[messages] réponse à ${reply.providerId} (${reply.channel}) : ${(err as Error).message}`));
}
