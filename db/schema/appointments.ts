import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import type { FilledFields } from "../../lib/contract/fields";
import { APPOINTMENT_STATUSES, CANCELLATION_KINDS } from "../../lib/contract/status";
import { agents } from "./agents";
import { companies } from "./companies";
import { customers } from "./customers";
import { services } from "./services";

export const appointmentStatus = pgEnum("appointment_status", APPOINTMENT_STATUSES);

// The no-overlap rule for agents is an exclusion constraint, written by hand in
// migrations/*_appointments_no_overlap.sql and *_working_hours.sql: drizzle cannot express it.
// It works on the blocked range [blocked_from, blocked_to): the appointment widened by the
// service's buffers, copied onto the row at booking. A trigger (working_hours migration) fills
// the range from date, end and the buffers on every insert and update, so a move keeps it right.
export const appointments = pgTable(
  "appointments",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    companyId: uuid().notNull(),
    serviceId: uuid().notNull(),
    customerId: uuid().notNull(),
    agentId: uuid(),
    date: timestamp({ withTimezone: true }).notNull(),
    end: timestamp({ withTimezone: true }).notNull(),
    totalPrice: integer().notNull(),
    commune: text(),
    filledFields: jsonb().$type<FilledFields>().notNull().default({}),
    status: appointmentStatus().notNull().default("PENDING"),
    /** How a CANCELLED appointment ended: cancelled, or the customer did not come (no-show). Null otherwise. */
    cancellationKind: text({ enum: CANCELLATION_KINDS }),
    /** The reason given with the cancellation (also in its event), for lists that show it. */
    cancellationReason: text(),
    bufferBefore: integer().notNull().default(0),
    bufferAfter: integer().notNull().default(0),
    // Written by the trigger whatever is sent: the value here only satisfies the insert type.
    blockedFrom: timestamp({ withTimezone: true }).notNull().$defaultFn(() => new Date(0)),
    blockedTo: timestamp({ withTimezone: true }).notNull().$defaultFn(() => new Date(0)),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete("cascade"),
    foreignKey({
      columns: [t.appId, t.companyId, t.serviceId],
      foreignColumns: [services.appId, services.companyId, services.id],
    }),
    foreignKey({
      columns: [t.appId, t.companyId, t.agentId],
      foreignColumns: [agents.appId, agents.companyId, agents.id],
    }),
    foreignKey({ columns: [t.appId, t.customerId], foreignColumns: [customers.appId, customers.id] }),
    check("appointments_end_after_start", sql`${t.end} > ${t.date}`),
    check("appointments_price_non_negative", sql`${t.totalPrice} >= 0`),
    check("appointments_cancellation_kind", sql`${t.cancellationKind} IN ('cancelled', 'no-show')`),
    index("appointments_app_date_idx").on(t.appId, t.date, t.id),
    index("appointments_company_date_idx").on(t.appId, t.companyId, t.date, t.id),
    index("appointments_company_status_date_idx").on(t.appId, t.companyId, t.status, t.date, t.id),
    index("appointments_agent_date_idx").on(t.appId, t.agentId, t.date),
    check("appointments_buffers_range", sql`${t.bufferBefore} BETWEEN 0 AND 240 AND ${t.bufferAfter} BETWEEN 0 AND 240`),
    index("appointments_customer_date_idx").on(t.appId, t.customerId, t.date),
  ],
);

export type Appointment = typeof appointments.$inferSelect;
export type NewAppointment = typeof appointments.$inferInsert;
