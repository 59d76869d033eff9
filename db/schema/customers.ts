import { sql } from "drizzle-orm";
import { check, foreignKey, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { MessageChannel, MessageLanguage } from "../../lib/contract/messages";
import { apps } from "./apps";

/** One client book per app, shared by its companies. */
export const customers = pgTable(
  "customers",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    fullname: text().notNull(),
    /** E.164. */
    telephone: text().notNull(),
    email: text(),
    /** Messages' language. */
    language: text().$type<MessageLanguage>().notNull().default("fr"),
    /** For greetings; null: the first word of fullname. */
    firstName: text(),
    /** Null: the default rule (WhatsApp for a mobile, else SMS, else e-mail). */
    preferredChannel: text().$type<MessageChannel>(),
    /** Channels the customer refused (STOP, or staff on their request). */
    optOuts: text().array().$type<MessageChannel[]>().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    uniqueIndex("customers_app_telephone_key").on(t.appId, t.telephone),
    check("customers_language", sql`${t.language} IN ('fr', 'en')`),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
