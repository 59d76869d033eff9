// The wire schemas of the API: request bodies are the domain's own zod inputs (lib/*/schemas)
// with the body's apiKey added and instants in their JSON (ISO string) form; answers are
// described here, and the handlers' return types are checked against them at compile time.
import { z } from "zod";
import { createAppointmentInput, listAppointmentsInput, updateFieldsInput, updateStatusInput } from "@/lib/appointments/schemas";
import { APPOINTMENT_EVENT_TYPES } from "@/lib/appointments/event-types";
import { listEventsInput } from "@/lib/appointments/events";
import { APPOINTMENT_STATUSES } from "@/lib/appointments/status";
import { serviceFieldSchema } from "@/lib/catalog/fields";
import {
  agentEdit,
  agentInput,
  agentListInput,
  catalogListInput,
  companyEdit,
  companyInput,
  customerEdit,
  customerInput,
  serviceEdit,
  serviceInput,
} from "@/lib/catalog/schemas";
import { ERROR_STATUS } from "@/lib/errors";
import { wireInstant } from "@/lib/validation/common";

export const DEMO_APP_ID = "6f1c2a9e-4b7d-4e21-9a3c-0d5e8f7a6b41";

// ---------- requests ----------

const apiKey = {
  apiKey: z.string().optional().meta({
    description: "La clé API. Peut aussi venir dans l'en-tête `Authorization: Bearer …`.",
    example: "rdv_DEMO-public-key_Abidjan-Cocody-Plateau-2026",
  }),
};

export const AppParams = z.object({
  appId: z.string().meta({ param: { name: "appId", in: "path" }, example: DEMO_APP_ID }),
});
export const IdParams = AppParams.extend({
  id: z.string().meta({ param: { name: "id", in: "path" }, format: "uuid" }),
});

export const IdempotencyHeaders = z.object({
  "Idempotency-Key": z
    .string()
    .optional()
    .meta({
      description:
        "Rejouer une création avec la même clé et le même corps renvoie la première réponse (en-tête " +
        "`Idempotent-Replayed: true`) sans rien créer (24 h). La même clé avec un autre corps : 409 " +
        "idempotency-conflict ; pendant que la première requête est en cours : 409 avec `details.inFlight`. " +
        "Une requête refusée ou en échec ne garde rien : la même clé peut resservir.",
      example: "b1f3e7c2-booking-42",
    }),
});

export const Bodies = {
  empty: z.object(apiKey).meta({ id: "AuthOnlyBody" }),
  listAppointments: listAppointmentsInput
    .safeExtend({ ...apiKey, from: wireInstant.optional(), to: wireInstant.optional() })
    .meta({ id: "ListAppointmentsBody" }),
  createAppointment: createAppointmentInput.extend({ ...apiKey, date: wireInstant }).meta({ id: "CreateAppointmentBody" }),
  updateStatus: updateStatusInput.extend(apiKey).meta({ id: "UpdateStatusBody" }),
  updateFields: updateFieldsInput.extend(apiKey).meta({ id: "UpdateFieldsBody" }),
  listEvents: listEventsInput.extend(apiKey).meta({ id: "ListEventsBody" }),
  listCatalog: catalogListInput.extend(apiKey).meta({ id: "CatalogListBody" }),
  listAgents: agentListInput.extend(apiKey).meta({ id: "AgentListBody" }),
  createCompany: companyInput.extend(apiKey).meta({ id: "CreateCompanyBody" }),
  editCompany: companyEdit.extend(apiKey).meta({ id: "EditCompanyBody" }),
  createService: serviceInput.extend(apiKey).meta({ id: "CreateServiceBody" }),
  editService: serviceEdit.extend(apiKey).meta({ id: "EditServiceBody" }),
  createAgent: agentInput.extend(apiKey).meta({ id: "CreateAgentBody" }),
  editAgent: agentEdit.extend(apiKey).meta({ id: "EditAgentBody" }),
  createCustomer: customerInput.extend(apiKey).meta({ id: "CreateCustomerBody" }),
  editCustomer: customerEdit.extend(apiKey).meta({ id: "EditCustomerBody" }),
};

// ---------- answers ----------

const uuid = z.string().meta({ format: "uuid" });
const dateTime = z.string().meta({ format: "date-time", example: "2025-01-15T10:00:00.000Z" });
const text = z.string().nullable();

export const StatusSchema = z.enum(APPOINTMENT_STATUSES).meta({ id: "AppointmentStatus" });

export const CompanySchema = z
  .object({
    appId: uuid,
    id: uuid,
    name: z.string(),
    slug: z.string(),
    description: text,
    email: text,
    telephone: text,
    address: text,
    logo: text,
    isDefault: z.boolean(),
    timezone: z.string().meta({ example: "Africa/Abidjan" }),
    currency: z.string().meta({ example: "XOF" }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Company" });

export const ServiceFieldSchema = serviceFieldSchema.meta({ id: "ServiceField" });

export const ServiceSchema = z
  .object({
    appId: uuid,
    id: uuid,
    companyId: uuid,
    name: z.string(),
    slug: z.string(),
    description: text,
    basePrice: z.number().int(),
    duration: z.number().int().meta({ description: "Minutes" }),
    categories: z.array(z.string()),
    image: text,
    isActive: z.boolean(),
    fields: z.array(ServiceFieldSchema),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Service" });

export const AgentSchema = z
  .object({
    appId: uuid,
    id: uuid,
    companyId: uuid,
    fullname: z.string(),
    email: text,
    telephone: text,
    role: text,
    avatar: text,
    isActive: z.boolean(),
    serviceIds: z.array(uuid),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Agent" });

export const CustomerSchema = z
  .object({
    appId: uuid,
    id: uuid,
    fullname: z.string(),
    telephone: z.string().meta({ description: "E.164", example: "+2250707123456" }),
    email: text,
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Customer" });

const filledFields = z
  .record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]))
  .meta({ example: { type_coupe: "degrade", commentaires: "Coupe courte sur les côtés" } });

const appointmentShape = {
  id: uuid,
  appId: uuid,
  companyId: uuid,
  serviceId: uuid,
  customerId: uuid,
  agentId: uuid.nullable(),
  date: dateTime,
  end: dateTime,
  totalPrice: z.number().int(),
  commune: text,
  filledFields,
  status: StatusSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
  service: z.object({ id: uuid, name: z.string(), slug: z.string(), duration: z.number().int(), basePrice: z.number().int() }),
  agent: z.object({ id: uuid, fullname: z.string(), avatar: text }).nullable(),
  customer: z.object({ id: uuid, fullname: z.string(), telephone: z.string(), email: text }),
  company: z.object({ id: uuid, name: z.string(), slug: z.string(), timezone: z.string(), currency: z.string() }),
};

export const AppointmentSchema = z.object(appointmentShape).meta({ id: "Appointment" });

export const AppointmentDetailSchema = z
  .object({
    ...appointmentShape,
    service: appointmentShape.service.extend({ fields: z.array(ServiceFieldSchema) }),
  })
  .meta({ id: "AppointmentDetail" });

const ERROR_CODES = Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]];

export const ErrorSchema = z
  .object({
    success: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: "En français ; le code fait foi." }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });

export function ok<T extends z.ZodType>(data: T) {
  return z.object({ success: z.literal(true), data });
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    success: z.literal(true),
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "null sur la dernière page" }),
  });
}

export const EventSchema = z
  .object({
    id: z.string().meta({ description: "Entier croissant, en chaîne (à repasser dans `after`)", example: "1042" }),
    type: z.enum(APPOINTMENT_EVENT_TYPES),
    occurredAt: dateTime,
    actor: z.object({
      type: z.enum(["user", "api_key", "system"]),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    companyId: uuid,
    appointmentId: uuid,
    change: z
      .object({ fromStatus: StatusSchema.nullable(), toStatus: StatusSchema, reason: z.string().nullable() })
      .catchall(z.unknown())
      .meta({ description: "Statut avant et après, motif ; pour un déplacement, la date et l'agent avant et après" }),
    data: AppointmentDetailSchema.meta({ description: "Le rendez-vous tel que `get` le renvoyait juste après ce changement" }),
  })
  .meta({ id: "Event" });
