import { foreignKey, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { apps } from "./apps";
import { companies } from "./companies";

/** Keys are random and long: a SHA-256 digest finds them; the key itself is never stored. */
export const apiKeys = pgTable(
  "api_keys",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    /** The first characters of the key, shown in lists so people can tell keys apart. */
    prefix: text().notNull(),
    /** Hex SHA-256 of the whole key. */
    digest: text().notNull(),
    scopes: text().array().notNull(),
    companyId: uuid(),
    /** Requests per minute. */
    rateLimit: integer().notNull().default(600),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete(
      "cascade",
    ),
    uniqueIndex("api_keys_app_digest_key").on(t.appId, t.digest),
  ],
);

export type ApiKey = typeof apiKeys.$inferSelect;
