// Customer messages: the words shared by the domain, the API, the UI and the channel adapters. Pure.
import { z } from "zod";

/** What a message is about: a step of the appointment, or a reminder before it. */
export const MESSAGE_TRIGGERS = ["received", "confirmed", "moved", "cancelled", "no-show", "reminder-day-before", "reminder-hours-before"] as const;
export type MessageTrigger = (typeof MESSAGE_TRIGGERS)[number];

/** What a message of the journal is: a trigger's, or the answer to a customer's reply (no setting: a reply is always answered). */
export const MESSAGE_KINDS = [...MESSAGE_TRIGGERS, "answer"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** How a message travels. "journal" only records it (the demo's channel). */
export const MESSAGE_CHANNELS = ["whatsapp", "sms", "email", "journal"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export const messageChannel = z.enum(MESSAGE_CHANNELS);

/**
 * A message's life: scheduled (waiting for its time) → queued (due, waiting for a sender) →
 * sent (the provider took it) → delivered → read; or failed (with the provider's reason),
 * cancelled (made pointless before it went), unknown (the provider's answer was lost and it has
 * no idempotency key to retry with safely: staff decide).
 */
export const MESSAGE_STATES = ["scheduled", "queued", "sent", "delivered", "read", "failed", "cancelled", "unknown"] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];

/** Customers' languages for messages; French first. */
export const MESSAGE_LANGUAGES = ["fr", "en"] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/**
 * The actor a customer's reply is recorded as when it changes an appointment: "Client (WhatsApp)".
 * The planner knows it (no second confirmation) and the history shows it as the client's.
 */
export const CLIENT_ACTOR_PREFIX = "Client (";
export const isClientReply = (e: { actorType: string; actorName: string | null }) => e.actorType === "client" && !!e.actorName?.startsWith(CLIENT_ACTOR_PREFIX);
/** The channel named in a client reply's actor ("WhatsApp"), or null when the change was not a reply. */
export function clientReplyChannel(e: { actorType: string; actorName: string | null }): string | null {
  return isClientReply(e) ? e.actorName!.slice(CLIENT_ACTOR_PREFIX.length).replace(/\)$/, "") : null;
}
