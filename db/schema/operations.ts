import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { apps } from "./apps";

/**
 * Idempotency-Key reservations and stored answers. The row is inserted before the work
 * (the unique key decides who runs it) and completed with the answer after.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    appId: uuid().notNull(),
    apiKeyId: uuid().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    /** null while the first request is in flight. */
    responseStatus: integer(),
    responseBody: jsonb(),
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
