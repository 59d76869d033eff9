// Inputs of the appointment functions. Pure: forms, server actions, the API and its OpenAPI
// document all parse with these.
import { z } from "zod";
import { MAX_PRICE } from "./pricing";
import { id, instant, optionalText } from "./validation";
import { APPOINTMENT_STATUSES, CANCELLATION_KINDS, parseStatus, STATUS_ALIASES, type AppointmentStatus } from "./status";

const STATUS_WORDS = [...APPOINTMENT_STATUSES, ...Object.keys(STATUS_ALIASES)];

/** Upper-case status or REST alias, answered as the upper-case status. */
export const statusInput = z
  .string()
  .transform((s, ctx): AppointmentStatus => {
    const status = parseStatus(s);
    if (!status) {
      ctx.addIssue({ code: "custom", message: `Statut inconnu ; attendu : ${STATUS_WORDS.join(", ")}` });
      return z.NEVER;
    }
    return status;
  })
  // Documentation only (the OpenAPI document reads zod metadata): the words accepted.
  .meta({ enum: STATUS_WORDS, example: "CONFIRMED" });

export const filledFieldsInput = z.record(z.string(), z.unknown());

export const createAppointmentInput = z.object({
  serviceId: id,
  companyId: id.optional(),
  customerId: id,
  agentId: id.nullish(),
  date: instant,
  totalPrice: z.number().int("Nombre entier attendu").min(0).max(MAX_PRICE).optional(),
  commune: optionalText(100),
  filledFields: filledFieldsInput.default({}),
  status: statusInput
    .refine((s) => s === "PENDING" || s === "CONFIRMED", "Un rendez-vous est créé PENDING ou CONFIRMED")
    .optional(),
});
export type CreateAppointmentInput = z.input<typeof createAppointmentInput>;

export const updateStatusInput = z
  .object({
    status: statusInput,
    reason: optionalText(500),
    /** With CANCELLED: `no-show` when the customer did not come (a CONFIRMED appointment already started). */
    kind: z.enum(CANCELLATION_KINDS).optional().meta({ description: "Avec CANCELLED : `no-show` si le client n'est pas venu ; `cancelled` par défaut" }),
  })
  .refine((s) => s.kind === undefined || s.status === "CANCELLED", {
    message: "`kind` ne va qu'avec le statut CANCELLED",
    path: ["kind"],
  });
export type UpdateStatusInput = z.input<typeof updateStatusInput>;

/**
 * A move: a new start, a new agent (null unassigns), or both; at least one. The booked length is
 * kept. The reason is recorded with the move.
 */
export const rescheduleInput = z
  .object({
    date: instant.optional(),
    agentId: id.nullish(),
    reason: optionalText(500),
  })
  .refine((m) => m.date !== undefined || m.agentId !== undefined, {
    message: "Indiquez une nouvelle date (`date`), un agent (`agentId`, null pour aucun) ou les deux",
    path: ["date"],
  });
export type RescheduleInput = z.input<typeof rescheduleInput>;

export const updateFieldsInput = z.object({
  filledFields: filledFieldsInput,
});
export type UpdateFieldsInput = z.input<typeof updateFieldsInput>;

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;

export const listAppointmentsInput = z
  .object({
    status: z
      .union([statusInput, z.array(statusInput).max(5)], {
        error: `Statut inconnu ; attendu : ${STATUS_WORDS.join(", ")}, ou une liste de 5 statuts au plus`,
      })
      .optional(),
    serviceId: id.optional(),
    companyId: id.optional(),
    agentId: id.optional(),
    customerId: id.optional(),
    /** Cancelled appointments of one kind only (`no-show`: the customers who did not come). */
    cancellation: z.enum(CANCELLATION_KINDS).optional(),
    from: instant.optional(),
    to: instant.optional(),
    search: z.string().trim().max(100).optional(),
    limit: z.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
    cursor: z.string().max(500).nullish(),
    order: z.enum(["asc", "desc"]).default("asc"),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { message: "`from` doit précéder `to`", path: ["to"] });
export type ListAppointmentsInput = z.input<typeof listAppointmentsInput>;
export type ListAppointmentsFilters = z.output<typeof listAppointmentsInput>;
