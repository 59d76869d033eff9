// Callbacks of the generic SMS provider, as README "Messages: set-up per channel" documents them:
// a JSON body `{ "events": [ … ] }` (or one event alone, or an array of them), signed with the
// HMAC-SHA256 of the raw body in `X-Signature` (hex, `sha256=` prefix optional).
//   status: { "type": "status", "id": "<provider id>", "reference": "<our id>", "status": "sent" |
//             "delivered" | "read" | "failed" (also "undelivered", "rejected", "expired"), "reason"? }
//   reply:  { "type": "reply", "id": "<provider id of the reply>", "from": "+225…", "text": "OUI",
//             "at"?: ISO 8601 }
import "server-only";
import type { InboundEvent } from "@/lib/messages/channel";
import { verifyHmac } from "./signature";

export function verifySmsSignature(rawBody: string | Uint8Array, header: string | null | undefined, secret: string): boolean {
  return verifyHmac(rawBody, header, secret);
}

const STATES: Record<string, "sent" | "delivered" | "read" | "failed"> = {
  sent: "sent",
  delivered: "delivered",
  read: "read",
  failed: "failed",
  undelivered: "failed",
  rejected: "failed",
  expired: "failed",
};

type SmsEvent = { type?: unknown; id?: unknown; reference?: unknown; status?: unknown; reason?: unknown; from?: unknown; text?: unknown; at?: unknown };
const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

/** The events of a callback, in order; anything unreadable is skipped. */
export function parseSmsCallback(json: unknown, now: () => Date = () => new Date()): InboundEvent[] {
  const wrapped = (json as { events?: unknown } | null)?.events;
  const items: SmsEvent[] = Array.isArray(wrapped) ? wrapped : Array.isArray(json) ? json : json && typeof json === "object" ? [json as SmsEvent] : [];
  const events: InboundEvent[] = [];
  for (const e of items) {
    if (e?.type === "status") {
      // The provider's id when it gave one at send; our id (the {{id}} of the body) otherwise.
      const providerId = str(e.id) ?? str(e.reference);
      const state = typeof e.status === "string" ? STATES[e.status.toLowerCase()] : undefined;
      if (!providerId || !state) continue;
      const reason = str(e.reason);
      const reference = str(e.reference);
      events.push({ kind: "status", channel: "sms", providerId, ...(reference && reference !== providerId ? { messageId: reference } : {}), state, ...(state === "failed" ? { reason: `Échec signalé par le fournisseur SMS${reason ? ` : ${reason}` : ""}` } : {}) });
    } else if (e?.type === "reply") {
      const from = str(e.from);
      const text = typeof e.text === "string" ? e.text : undefined;
      const providerId = str(e.id);
      if (!from || text === undefined || !providerId) continue;
      const at = typeof e.at === "string" ? new Date(e.at) : undefined;
      events.push({ kind: "reply", channel: "sms", from: /^\d+$/.test(from) ? `+${from}` : from, text, providerId, at: at && !Number.isNaN(at.getTime()) ? at : now() });
    }
  }
  return events;
}
