import { integer, json, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apps } from "./apps";

/**
 * Idempotency-Key answers: a row is written with the answer, in the transaction that did the
 * work (lib/api/idempotency.ts), so a key is either unused or answered, never half done.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    appId: uuid().notNull(),
    apiKeyId: uuid().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    responseStatus: integer().notNull(),
    // json, not jsonb: a replay answers the first answer as it was written, keys in the same order.
    responseBody: json().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.apiKeyId, t.key] })],
);

// rate_limit_buckets is UNLOGGED (a crash only refills the buckets): created in
// migrations/*_rate_limit_buckets.sql, since drizzle cannot declare an unlogged table.

/** Failed sign-in attempts, per e-mail, for throttling. Shared by every app instance. */
export const loginAttempts = pgTable("login_attempts", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp({ withTimezone: true }),
});

/** When the demo app's appointments were last planned around "now" (db/seed: refreshed each new day). */
export const demoPlans = pgTable("demo_plans", {
  appId: uuid()
    .primaryKey()
    .references(() => apps.id, { onDelete: "cascade" }),
  plannedAt: timestamp({ withTimezone: true }).notNull(),
});
