import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The tenant. Every other business table carries app_id. */
export const apps = pgTable("apps", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type App = typeof apps.$inferSelect;
export type NewApp = typeof apps.$inferInsert;
