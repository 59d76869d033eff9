import { sql } from "drizzle-orm";
import { bigint, boolean, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { MessageChannel, MessageKind, MessageLanguage, MessageState } from "../../lib/contract/messages";
import type { CompanyMessageSettings } from "../../lib/contract/message-settings";
import { appointments } from "./appointments";
import { apps } from "./apps";
import { companies } from "./companies";
import { customers } from "./customers";

/**
 * What customers answered (WhatsApp, SMS): every reply once (unique per channel and provider id,
 * so a provider's repeated callback changes nothing twice), what it did, and whether staff read it.
 */
export const messageReplies = pgTable(
  "message_replies",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    channel: text().$type<MessageChannel>().notNull(),
    providerId: text().notNull(),
    /** The sender's number (E.164). */
    sender: text().notNull(),
    text: text().notNull(),
    /** Null: a number the app does not know. */
    customerId: uuid(),
    companyId: uuid(),
    appointmentId: uuid(),
    /** What the reply did: confirmed, cancelled, opted-out, stored (for staff), help (nothing to tie it to). */
    action: text().$type<ReplyAction>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.customerId], foreignColumns: [customers.appId, customers.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.appointmentId], foreignColumns: [appointments.appId, appointments.id] }).onDelete("cascade"),
    uniqueIndex("message_replies_provider_key").on(t.appId, t.channel, t.providerId),
    index("message_replies_unread_idx").on(t.appId, t.receivedAt).where(sql`read_at IS NULL`),
  ],
);

export const REPLY_ACTIONS = ["confirmed", "cancelled", "opted-out", "stored", "help"] as const;
export type ReplyAction = (typeof REPLY_ACTIONS)[number];

/**
 * One message to one customer about one appointment: the sender's queue and the journal at once.
 * Made by the planner from the settled event feed (lib/messages/plan.ts), claimed by one sender
 * at a time (`lockedUntil`, a lease), sent once: `(appointment, trigger, occurrence)` is unique,
 * where occurrence is '' for every trigger but a move, which happens again and is keyed by its event.
 * The answer to a customer's reply is one too (trigger "answer", once per reply: `replyId` is
 * unique), with the reply's customer, company and appointment when it had them.
 */
export const messages = pgTable(
  "messages",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    /** Null only for an answer to a reply tied to no appointment (an unknown number, a STOP). */
    companyId: uuid(),
    appointmentId: uuid(),
    customerId: uuid(),
    trigger: text().$type<MessageKind>().notNull(),
    /** The customer's reply this message answers. */
    replyId: uuid(),
    occurrence: text().notNull().default(""),
    /** The event that made (or last re-timed) it. */
    eventId: bigint({ mode: "number" }),
    /** Null when no channel could reach the customer (failed, with the reason). */
    channel: text().$type<MessageChannel>(),
    /** E.164 or an e-mail address. */
    recipient: text(),
    language: text().$type<MessageLanguage>().notNull(),
    subject: text(),
    body: text().notNull(),
    /** WhatsApp: the approved template and its ordered parameters. */
    template: jsonb().$type<{ name: string; language: string; parameters: string[] }>(),
    state: text().$type<MessageState>().notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    attempts: integer().notNull().default(0),
    /** Attempts made before staff last sent it again: the retry schedule starts over after them. */
    resentAfter: integer().notNull().default(0),
    /** Held by a sender until then; left set by a sender that never came back (a lost answer). */
    lockedUntil: timestamp({ withTimezone: true }),
    providerId: text(),
    failureReason: text(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId, t.appointmentId], foreignColumns: [appointments.appId, appointments.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.customerId], foreignColumns: [customers.appId, customers.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.replyId], foreignColumns: [messageReplies.appId, messageReplies.id] }).onDelete("cascade"),
    uniqueIndex("messages_once_key").on(t.appId, t.appointmentId, t.trigger, t.occurrence),
    uniqueIndex("messages_reply_key").on(t.appId, t.replyId),
    index("messages_app_due_idx").on(t.appId, t.dueAt, t.id),
    index("messages_appointment_idx").on(t.appId, t.appointmentId),
    index("messages_provider_idx").on(t.appId, t.channel, t.providerId),
    // The senders' claim: waiting ones by due time.
    index("messages_due_idx").on(t.dueAt).where(sql`state IN ('scheduled', 'queued')`),
    // The claim under a rate cap: one provider's waiting messages by due time (lib/messages/sender.ts).
    index("messages_channel_due_idx").on(t.appId, t.channel, t.dueAt).where(sql`state IN ('scheduled', 'queued')`),
  ],
);

/**
 * A provider's status callback for a message it named before we stored its id (it answered the
 * send and called back at once, while the sender was still recording): kept, furthest state
 * only, until the sender stores that id (lib/messages/sender.ts applies it in the same
 * statement) or for a day (lib/messages/inbound.ts drops older ones).
 */
export const messageEarlyStatuses = pgTable(
  "message_early_statuses",
  {
    appId: uuid().notNull(),
    channel: text().$type<MessageChannel>().notNull(),
    providerId: text().notNull(),
    state: text().$type<MessageState>().notNull(),
    reason: text(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.channel, t.providerId] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    index("message_early_statuses_age_idx").on(t.appId, t.receivedAt),
  ],
);

/** A company's message settings; no row: the defaults (messages off). */
export const messageSettings = pgTable(
  "message_settings",
  {
    appId: uuid().notNull(),
    companyId: uuid().notNull(),
    settings: jsonb().$type<CompanyMessageSettings>().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.companyId] }),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete("cascade"),
  ],
);

/** An app's provider for one channel: public settings, and its secret sealed (lib/secret-box.ts). */
export const messageProviders = pgTable(
  "message_providers",
  {
    appId: uuid().notNull(),
    channel: text().$type<MessageChannel>().notNull(),
    enabled: boolean().notNull().default(true),
    settings: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** `iv.tag.ciphertext`; null: no secret set. */
    secretEncrypted: text(),
    /** Messages a second at most (lib/contract/message-rate.ts); null: the channel's default. */
    ratePerSecond: integer(),
    /**
     * The cap's token bucket, shared by every instance: the messages that may go now, as of
     * `sendTokensAt`; taken by the statement that claims them (null: full).
     */
    sendTokens: doublePrecision(),
    sendTokensAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.channel] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
  ],
);

/** The planner's place in the event feed (one row): events after it are still to plan. */
export const messagePlanner = pgTable("message_planner", {
  id: integer().primaryKey().default(1),
  lastEventId: bigint({ mode: "number" }).notNull().default(0),
});

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;
