import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import type { WeeklyHours } from "../../lib/contract/hours";
import { companies } from "./companies";
import { services } from "./services";

export const agents = pgTable(
  "agents",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    companyId: uuid().notNull(),
    fullname: text().notNull(),
    email: text(),
    telephone: text(),
    role: text(),
    avatar: text(),
    isActive: boolean().notNull().default(true),
    /** Own weekly hours on the company's clock; null: follows the company's opening hours. */
    schedule: jsonb().$type<WeeklyHours>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete("cascade"),
    unique("agents_app_company_id_key").on(t.appId, t.companyId, t.id),
  ],
);

/** Which services an agent performs; both sides belong to the same company. */
export const agentServices = pgTable(
  "agent_services",
  {
    appId: uuid().notNull(),
    companyId: uuid().notNull(),
    agentId: uuid().notNull(),
    serviceId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.agentId, t.serviceId] }),
    foreignKey({
      columns: [t.appId, t.companyId, t.agentId],
      foreignColumns: [agents.appId, agents.companyId, agents.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.appId, t.companyId, t.serviceId],
      foreignColumns: [services.appId, services.companyId, services.id],
    }).onDelete("cascade"),
    index("agent_services_service_idx").on(t.appId, t.serviceId),
  ],
);

export type Agent = typeof agents.$inferSelect;
export type NewAgent = typeof agents.$inferInsert;
