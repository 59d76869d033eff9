import { check, foreignKey, index, pgTable, primaryKey, text, date, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { agents } from "./agents";

/**
 * Dated exceptions to an agent's week, on the company's clock: time off (`off`; a whole day
 * when no times) or extra hours (`extra`), each day from start_date to end_date inclusive.
 * Local dates and "HH:MM" times, so daylight-saving changes are resolved when read.
 */
export const agentTimeOff = pgTable(
  "agent_time_off",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    companyId: uuid().notNull(),
    agentId: uuid().notNull(),
    kind: text({ enum: ["off", "extra"] }).notNull().default("off"),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    startTime: text(),
    endTime: text(),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({
      columns: [t.appId, t.companyId, t.agentId],
      foreignColumns: [agents.appId, agents.companyId, agents.id],
    }).onDelete("cascade"),
    index("agent_time_off_agent_dates_idx").on(t.appId, t.agentId, t.endDate),
    check("agent_time_off_dates", sql`${t.endDate} >= ${t.startDate}`),
    check("agent_time_off_kind", sql`${t.kind} IN ('off', 'extra')`),
  ],
);

export type AgentTimeOff = typeof agentTimeOff.$inferSelect;
