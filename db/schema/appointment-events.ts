import { sql } from "drizzle-orm";
import { bigint, boolean, customType, foreignKey, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { APPOINTMENT_EVENT_TYPES } from "../../lib/contract/events";
import { appointmentStatus, appointments } from "./appointments";
import { companies } from "./companies";

// "client": a customer acting by replying to a message (the reply's channel in the name).
export const actorType = pgEnum("actor_type", ["user", "api_key", "system", "client"]);

/** PostgreSQL's 64-bit transaction id: which transaction wrote a row (see the feed's rule below). */
const xid8 = customType<{ data: string }>({ dataType: () => "xid8" });

/**
 * Every change of an appointment, in the order it happened: the drawer's history, the event
 * feed (`events/list`), live screens and webhooks all read this one table. `id` comes from one
 * sequence, so it increases; `data` is the appointment as `get` answered right after the change.
 * Ids are handed out before commit, so a later id may become visible first: readers serve only
 * events written by transactions older than every one still open (`xid` below the snapshot's
 * xmin), and never skip one that commits late.
 */
export const appointmentEvents = pgTable(
  "appointment_events",
  {
    appId: uuid().notNull(),
    id: bigint({ mode: "number" })
      .notNull()
      .default(sql`nextval('appointment_events_id_seq')`),
    companyId: uuid().notNull(),
    appointmentId: uuid().notNull(),
    type: text({ enum: APPOINTMENT_EVENT_TYPES }).notNull(),
    fromStatus: appointmentStatus(),
    toStatus: appointmentStatus().notNull(),
    actorType: actorType().notNull(),
    actorId: text(),
    actorName: text(),
    reason: text(),
    /** What changed beyond the status: a move's old and new date and agent, a cancellation's kind. */
    details: jsonb().$type<Record<string, unknown>>(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** False for history written outside the change path (the demo's): kept, never sent out. */
    published: boolean().notNull().default(true),
    xid: xid8().notNull().default(sql`pg_current_xact_id()`),
    // clock_timestamp, not now(): a change that waited for a row lock is stamped after the one it waited for.
    at: timestamp({ withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({
      columns: [t.appId, t.appointmentId],
      foreignColumns: [appointments.appId, appointments.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.appId, t.companyId], foreignColumns: [companies.appId, companies.id] }).onDelete("cascade"),
    index("appointment_events_appointment_idx").on(t.appId, t.appointmentId, t.id),
    index("appointment_events_company_idx").on(t.appId, t.companyId, t.id),
    // The live hub and the webhook dispatcher read every app's new events in id order.
    index("appointment_events_id_idx").on(t.id),
  ],
);

export type AppointmentEventRow = typeof appointmentEvents.$inferSelect;
