// The appointment event types and the event's wire shape. Pure: the schema, the domain, the
// API, the typed client and the browser share them.
import { z } from "zod";
import type { FilledFields, ServiceField } from "./fields";
import type { AppointmentStatus, CancellationKind } from "./status";

export const APPOINTMENT_EVENT_TYPES = [
  "appointment.created",
  "appointment.status_changed",
  "appointment.fields_updated",
  "appointment.moved",
] as const;

export type AppointmentEventType = (typeof APPOINTMENT_EVENT_TYPES)[number];

export type EventActor = { type: "user" | "api_key" | "system" | "client"; id: string | null; name: string | null };

/** The appointment as `get` answers it, in its JSON form (dates as ISO 8601 strings). */
export type AppointmentJson = {
  id: string;
  appId: string;
  companyId: string;
  serviceId: string;
  customerId: string;
  agentId: string | null;
  date: string;
  end: string;
  totalPrice: number;
  commune: string | null;
  filledFields: FilledFields;
  status: AppointmentStatus;
  cancellation: { kind: CancellationKind; reason: string | null } | null;
  createdAt: string;
  updatedAt: string;
  service: { id: string; name: string; slug: string; duration: number; basePrice: number; fields: ServiceField[] };
  agent: { id: string; fullname: string; avatar: string | null } | null;
  customer: { id: string; fullname: string; telephone: string; email: string | null };
  company: { id: string; name: string; slug: string; timezone: string; currency: string };
};

/**
 * What the event changed: the status before and after (the same for a fields update or a move),
 * the reason given, and for a move the date and agent before and after.
 */
export type EventChange = {
  fromStatus: AppointmentStatus | null;
  toStatus: AppointmentStatus;
  reason: string | null;
  [detail: string]: unknown;
};

/** One event as the feed, live screens and webhooks give it. `id` increases; sent as a string. */
export type AppointmentEvent = {
  id: string;
  type: AppointmentEventType;
  occurredAt: string;
  actor: EventActor;
  companyId: string;
  appointmentId: string;
  change: EventChange;
  /** The appointment as `get` answered right after this change. */
  data: AppointmentJson;
};

export const EVENTS_LIMIT_DEFAULT = 100;
export const EVENTS_LIMIT_MAX = 500;

/** An event's id as the feed and the live stream take it back (`after`, `Last-Event-ID`): a positive integer in text. */
export const EVENT_ID = /^\d{1,18}$/;

export const listEventsInput = z.object({
  after: z.string().regex(EVENT_ID, "Identifiant d'événement attendu (un entier, tel que renvoyé dans `id`)").optional(),
  types: z
    .array(z.enum(APPOINTMENT_EVENT_TYPES, { error: `Type inconnu ; attendu : ${APPOINTMENT_EVENT_TYPES.join(", ")}` }))
    .max(APPOINTMENT_EVENT_TYPES.length)
    .optional(),
  companyId: z.string().max(100).optional(),
  appointmentId: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(EVENTS_LIMIT_MAX).default(EVENTS_LIMIT_DEFAULT),
});
export type ListEventsInput = z.input<typeof listEventsInput>;
