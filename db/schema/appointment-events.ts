import { sql } from "drizzle-orm";
import { foreignKey, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { appointmentStatus, appointments } from "./appointments";

export const actorType = pgEnum("actor_type", ["user", "api_key", "system"]);

/** The history of an appointment: its creation (from = null) and every change after. */
export const appointmentEvents = pgTable(
  "appointment_events",
  {
    appId: uuid().notNull(),
    id: uuid().notNull().defaultRandom(),
    appointmentId: uuid().notNull(),
    fromStatus: appointmentStatus(),
    toStatus: appointmentStatus().notNull(),
    /** "status" for a status change or creation, "fields" for update-fields. */
    kind: text().notNull().default("status"),
    actorType: actorType().notNull(),
    actorId: text(),
    actorName: text(),
    reason: text(),
    // clock_timestamp, not now(): a change that waited for a row lock is stamped after the one it waited for.
    at: timestamp({ withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.id] }),
    foreignKey({
      columns: [t.appId, t.appointmentId],
      foreignColumns: [appointments.appId, appointments.id],
    }).onDelete("cascade"),
    index("appointment_events_appointment_idx").on(t.appId, t.appointmentId, t.at),
  ],
);

export type AppointmentEvent = typeof appointmentEvents.$inferSelect;
