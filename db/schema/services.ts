import {
  boolean,
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { ServiceField } from "../../lib/contract/fields";
import { companies } from "./companies";

export const services = pgTable(
  "services",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    companyId: uuid().notNull(),
    name: text().notNull(),
    slug: text().notNull(),
    description: text(),
    basePrice: integer().notNull().default(0),
    /** Minutes. */
    duration: integer().notNull(),
    /** Minutes the agent is busy before and after (set-up, cleaning); not the customer's time. */
    bufferBefore: integer().notNull().default(0),
    bufferAfter: integer().notNull().default(0),
    categories: text().array().notNull().default([]),
    image: text(),
    isActive: boolean().notNull().default(true),
    fields: jsonb().$type<ServiceField[]>().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete("cascade"),
    uniqueIndex("services_app_company_slug_key").on(t.appId, t.companyId, t.slug),
    // Target of appointments' (app_id, company_id, service_id) reference: the service is the company's.
    unique("services_app_company_id_key").on(t.appId, t.companyId, t.id),
    check("services_buffers_range", sql`${t.bufferBefore} BETWEEN 0 AND 240 AND ${t.bufferAfter} BETWEEN 0 AND 240`),
  ],
);

export type Service = typeof services.$inferSelect;
export type NewService = typeof services.$inferInsert;
