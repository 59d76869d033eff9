import { sql } from "drizzle-orm";
import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { WeeklyHours } from "../../lib/contract/hours";
import { apps } from "./apps";

export const companies = pgTable(
  "companies",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull(),
    description: text(),
    email: text(),
    telephone: text(),
    address: text(),
    logo: text(),
    isDefault: boolean().notNull().default(false),
    timezone: text().notNull().default("Africa/Abidjan"),
    currency: text().notNull().default("XOF"),
    /** Default opening hours on the company's clock; null: open at all times. */
    openingHours: jsonb().$type<WeeklyHours>(),
    /** Bookings through the API must start at least this many minutes ahead (0: none). */
    minNoticeMinutes: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    uniqueIndex("companies_app_slug_key").on(t.appId, t.slug),
    // At most one default company per app.
    uniqueIndex("companies_one_default_per_app").on(t.appId).where(sql`${t.isDefault}`),
  ],
);

export type Company = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;
