// What Meta sends us back: the GET challenge that proves we own the callback URL, and signed POST
// callbacks carrying statuses of our messages and customers' messages (replies). Read leniently:
// Meta adds fields and kinds over time, and an unknown one must not reject the whole callback.
import "server-only";
import type { InboundEvent } from "@/lib/messages/channel";
import { sameSecret, verifyHmac } from "./signature";

/** `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw body with the app secret. */
export function verifyWhatsAppSignature(rawBody: string | Uint8Array, header: string | null | undefined, appSecret: string): boolean {
  return verifyHmac(rawBody, header, appSecret);
}

/** GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… → the challenge to echo, or null (answer 403). */
export function answerWhatsAppChallenge(params: URLSearchParams, verifyToken: string): string | null {
  const challenge = params.get("hub.challenge");
  const token = params.get("hub.verify_token") ?? "";
  if (params.get("hub.mode") !== "subscribe" || !challenge || !verifyToken) return null;
  return sameSecret(token, verifyToken) ? challenge : null;
}

/**
 * The phone number ids a callback is about (`value.metadata.phone_number_id`), read before the
 * signature is checked: they tell the route which app's settings, and so which app secret, to
 * verify it with. Nothing else of an unverified body may be trusted.
 */
export function whatsAppPhoneNumberIds(json: unknown): string[] {
  const ids = new Set<string>();
  for (const entry of list<{ changes?: unknown }>((json as { entry?: unknown } | null)?.entry)) {
    for (const change of list<{ value?: { metadata?: { phone_number_id?: unknown } } }>(entry?.changes)) {
      const id = str(change?.value?.metadata?.phone_number_id);
      if (id) ids.add(id);
    }
  }
  return [...ids];
}

const STATES = new Set(["sent", "delivered", "read", "failed"]);

type Value = { statuses?: unknown; messages?: unknown };
type Status = { id?: unknown; status?: unknown; errors?: { title?: unknown; message?: unknown; error_data?: { details?: unknown } }[] };
type Message = {
  from?: unknown;
  id?: unknown;
  timestamp?: unknown;
  type?: unknown;
  text?: { body?: unknown };
  button?: { text?: unknown; payload?: unknown };
  interactive?: { button_reply?: { title?: unknown }; list_reply?: { title?: unknown } };
};

const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** Statuses and replies of `entry[].changes[].value`, in order; anything unreadable is skipped. */
export function parseWhatsAppCallback(json: unknown, now: () => Date = () => new Date()): InboundEvent[] {
  const events: InboundEvent[] = [];
  for (const entry of list<{ changes?: unknown }>((json as { entry?: unknown } | null)?.entry)) {
    for (const change of list<{ value?: Value }>(entry?.changes)) {
      const value = change?.value;
      for (const s of list<Status>(value?.statuses)) {
        const providerId = str(s?.id);
        const state = str(s?.status);
        if (!providerId || !state || !STATES.has(state)) continue;
        const event: InboundEvent = { kind: "status", channel: "whatsapp", providerId, state: state as "sent" | "delivered" | "read" | "failed" };
        if (state === "failed") event.reason = failure(s);
        events.push(event);
      }
      for (const m of list<Message>(value?.messages)) {
        const text = replyText(m);
        const from = str(m?.from);
        const providerId = str(m?.id);
        if (text === undefined || !from || !providerId) continue;
        const seconds = Number(m.timestamp);
        const at = Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : now();
        events.push({ kind: "reply", channel: "whatsapp", from: `+${from.replace(/^\+/, "")}`, text, providerId, at });
      }
    }
  }
  return events;
}

function failure(s: Status): string {
  const e = list<NonNullable<Status["errors"]>[number]>(s.errors)[0];
  const said = [str(e?.title), str(e?.error_data?.details)].filter(Boolean).join(" — ");
  return `Échec signalé par WhatsApp${said ? ` : ${said}` : ""}`;
}

/** Text of a text message, of a template's quick-reply button, or of an interactive reply. */
function replyText(m: Message): string | undefined {
  switch (m?.type) {
    case "text":
      return str(m.text?.body);
    case "button":
      return str(m.button?.text) ?? str(m.button?.payload);
    case "interactive":
      return str(m.interactive?.button_reply?.title) ?? str(m.interactive?.list_reply?.title);
    default:
      return undefined;
  }
}
