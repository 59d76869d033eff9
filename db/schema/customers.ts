import { foreignKey, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId], foreignColumns: [apps.id] }).onDelete("cascade"),
    uniqueIndex("customers_app_telephone_key").on(t.appId, t.telephone),
  ],
);

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
