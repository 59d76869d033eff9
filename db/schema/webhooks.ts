import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DELIVERY_STATUSES } from "../../lib/contract/webhooks";
import { apps } from "./apps";
import { companies } from "./companies";

/**
 * Where an app wants its appointment events sent. The signing secret is kept encrypted
 * (AES-256-GCM, key from WEBHOOK_SECRET_KEY: lib/webhooks/secret.ts) and shown only when made.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    url: text().notNull(),
    /** Event types, or ["*"] for all. */
    types: text().array().notNull(),
    /** Only this company's events; null: every company's. */
    companyId: uuid(),
    description: text(),
    enabled: boolean().notNull().default(true),
    /** Why the server turned it off (failing for days); null when enabled or turned off by a person. */
    disabledReason: text(),
    /** `iv.tag.ciphertext` in base64url. */
    secretEncrypted: text().notNull(),
    /** Since when every attempt failed (null after a success): disabled past WEBHOOKS_DISABLE_AFTER_S. */
    failingSince: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete("cascade"),
  ],
);

/**
 * One event for one endpoint: the work queue and the delivery log at once. Made by the
 * dispatcher from the settled event feed (one per event and endpoint: the unique index), claimed
 * by one worker at a time (`lockedUntil`, a lease: a worker killed mid-delivery leaves it to be
 * claimed again once the lease ends), retried on the configured schedule, then `failed`.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    endpointId: uuid().notNull(),
    /** The feed's event id; null for a test event. */
    eventId: bigint({ mode: "number" }),
    eventType: text().notNull(),
    /** Deliveries of one appointment to one endpoint go in event order. */
    appointmentId: uuid(),
    /** The `webhook-id` header: one per event and endpoint, the same on every attempt. */
    webhookId: text().notNull(),
    /** The body sent: `{ type, timestamp, data }`. */
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: text({ enum: DELIVERY_STATUSES }).notNull().default("pending"),
    /** Attempts made so far. */
    attempt: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastAttemptAt: timestamp({ withTimezone: true }),
    httpStatus: integer(),
    latencyMs: integer(),
    /** The start of the answer's body (4 KB at most). */
    response: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().default(sql`clock_timestamp()`),
    deliveredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId, t.endpointId], foreignColumns: [webhookEndpoints.appId, webhookEndpoints.id] }).onDelete("cascade"),
    uniqueIndex("webhook_deliveries_event_key").on(t.appId, t.endpointId, t.eventId),
    index("webhook_deliveries_log_idx").on(t.appId, t.endpointId, t.createdAt),
    // The workers' claim: pending ones by due time.
    // "An earlier event of this appointment still pending for this endpoint?" (order per appointment).
    index("webhook_deliveries_order_idx").on(t.appId, t.endpointId, t.appointmentId, t.eventId).where(sql`status = 'pending'`),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/** The dispatcher's place in the event feed (one row): events after it are still to fan out. */
export const webhookDispatch = pgTable("webhook_dispatch", {
  id: integer().primaryKey().default(1),
  lastEventId: bigint({ mode: "number" }).notNull().default(0),
});

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
