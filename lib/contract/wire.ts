// The API's answers as zod schemas: what each endpoint answers, in its JSON form (dates as
// ISO 8601 strings). Pure: the OpenAPI document (server/api), the typed client's types and
// the handlers' compile-time checks all read these.
import { z } from "zod";
import { ERROR_STATUS } from "./errors";
import { APPOINTMENT_EVENT_TYPES } from "./events";
import { serviceFieldSchema } from "./fields";
import { MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_LANGUAGES, MESSAGE_STATES, MESSAGE_TRIGGERS, type MessageLanguage, type MessageTrigger } from "./messages";
import { TEMPLATE_VARIABLES } from "./message-templates";
import { RATE_DEFAULTS_TEXT } from "./message-rate";
import { APPOINTMENT_STATUSES, CANCELLATION_KINDS } from "./status";
import { WEEKDAYS, type Weekday } from "./hours";


const uuid = z.string().meta({ format: "uuid" });
const dateTime = z.string().meta({ format: "date-time", example: "2025-01-15T10:00:00.000Z" });
const text = z.string().nullable();

const IntervalSchema = z.object({ start: z.string().meta({ example: "08:00" }), end: z.string().meta({ example: "19:00" }) });
export const WeeklyHoursSchema = z
  .object(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(IntervalSchema).optional()])) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof IntervalSchema>>>)
  .meta({ id: "WeeklyHours", description: "Par jour (mon…sun), les plages ouvertes HH:MM sur l'horloge de l'entreprise ; jour absent : fermé" });

export const CompanyHoursSchema = z
  .object({ companyId: uuid, timezone: z.string(), hours: WeeklyHoursSchema.nullable(), minNoticeMinutes: z.number().int() })
  .meta({ id: "CompanyHours" });

export const AgentScheduleSchema = z
  .object({
    agentId: uuid,
    companyId: uuid,
    timezone: z.string(),
    schedule: WeeklyHoursSchema.nullable().meta({ description: "Sa propre semaine ; null : suit l'entreprise" }),
    companyHours: WeeklyHoursSchema.nullable(),
    effective: WeeklyHoursSchema.nullable().meta({ description: "Ce qui s'applique (null : à toute heure)" }),
  })
  .meta({ id: "AgentSchedule" });

export const TimeOffSchema = z
  .object({
    id: uuid,
    agentId: uuid,
    kind: z.enum(["off", "extra"]),
    startDate: z.string().meta({ example: "2026-12-24" }),
    endDate: z.string(),
    startTime: z.string().nullable(),
    endTime: z.string().nullable(),
    note: text,
  })
  .meta({ id: "TimeOff" });

export const SlotSchema = z.object({ agentId: uuid, start: dateTime, end: dateTime }).meta({ id: "Slot" });

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
    openingHours: WeeklyHoursSchema.nullable().meta({ description: "Horaires d'ouverture ; null : ouverte à toute heure" }),
    minNoticeMinutes: z.number().int().meta({ description: "Délai minimum (minutes) des réservations par l'API" }),
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
    bufferBefore: z.number().int().meta({ description: "Minutes où l'agent est occupé avant (préparation)" }),
    bufferAfter: z.number().int().meta({ description: "Minutes où l'agent est occupé après (nettoyage)" }),
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
    language: z.enum(MESSAGE_LANGUAGES).meta({ description: "Langue des messages" }),
    firstName: text.meta({ description: "Prénom pour les salutations ; absent : le premier mot du nom" }),
    preferredChannel: z.enum(MESSAGE_CHANNELS).nullable().meta({ description: "Canal préféré ; null : WhatsApp pour un mobile, sinon SMS, sinon e-mail" }),
    optOuts: z.array(z.enum(MESSAGE_CHANNELS)).meta({ description: "Canaux refusés par le client" }),
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
  cancellation: z
    .object({ kind: z.enum(CANCELLATION_KINDS), reason: text })
    .nullable()
    .meta({ description: "Pour un rendez-vous CANCELLED : annulé (`cancelled`) ou client absent (`no-show`), et le motif ; null sinon" }),
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
      type: z.enum(["user", "api_key", "system", "client"]).meta({ description: "client : le client lui-même, en répondant à un message (id : le client ; name : « Client (WhatsApp) »)" }),
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

export const WebhookSchema = z
  .object({
    id: uuid,
    url: z.string().meta({ example: "https://crm.example.ci/hooks/rendez-vous" }),
    types: z.array(z.string()).meta({ description: "Types d'événements, ou [\"*\"] pour tous", example: ["*"] }),
    companyId: uuid.nullable().meta({ description: "Seulement les événements de cette entreprise ; null : toutes" }),
    description: text,
    enabled: z.boolean(),
    disabledReason: text.meta({ description: "Pourquoi le serveur l'a désactivé (échecs pendant des jours)" }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Webhook" });

export const WebhookWithSecretSchema = z
  .object({
    endpoint: WebhookSchema,
    secret: z.string().meta({ description: "Le secret de signature (whsec_…), montré cette fois seulement", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
  })
  .meta({ id: "WebhookWithSecret" });

export const WebhookDeliverySchema = z
  .object({
    id: uuid,
    webhookId: z.string().meta({ description: "L'en-tête webhook-id : le même à chaque tentative (dédoublonnage)" }),
    endpointId: uuid,
    eventId: z.string().nullable().meta({ description: "L'id de l'événement du flux ; null pour un test" }),
    eventType: z.string(),
    appointmentId: uuid.nullable(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempt: z.number().int().meta({ description: "Tentatives faites" }),
    httpStatus: z.number().int().nullable(),
    latencyMs: z.number().int().nullable(),
    response: text.meta({ description: "Le début de la réponse (4 Ko au plus)" }),
    error: text,
    nextAttemptAt: dateTime.nullable(),
    createdAt: dateTime,
    lastAttemptAt: dateTime.nullable(),
  })
  .meta({ id: "WebhookDelivery" });

// ---------- customer messages ----------

const triggerEnum = z.enum(MESSAGE_KINDS).meta({ description: "L'étape ou le rappel du rendez-vous ; answer : la réponse envoyée à un message du client (OUI, NON, STOP, aide)" });

export const MessageSchema = z
  .object({
    id: uuid,
    companyId: uuid.nullable().meta({ description: "null : réponse à un message du client lié à aucun rendez-vous" }),
    appointmentId: uuid.nullable().meta({ description: "null : réponse à un message du client lié à aucun rendez-vous" }),
    customerId: uuid.nullable().meta({ description: "null : réponse à un numéro inconnu" }),
    customerName: z.string().nullable(),
    appointmentDate: dateTime.nullable().meta({ description: "Le début du rendez-vous concerné" }),
    serviceName: z.string().nullable(),
    trigger: triggerEnum,
    channel: z.enum(MESSAGE_CHANNELS).nullable().meta({ description: "null : aucun canal ne joint ce client (le message est en échec, avec la raison)" }),
    recipient: text.meta({ description: "E.164 (WhatsApp, SMS) ou adresse e-mail" }),
    language: z.enum(MESSAGE_LANGUAGES),
    subject: text,
    body: z.string(),
    state: z.enum(MESSAGE_STATES).meta({
      description:
        "scheduled (attend son heure) → queued → sent (pris par le fournisseur) → delivered → read ; ou failed (avec la raison du fournisseur), " +
        "cancelled (devenu inutile avant l'envoi), unknown (réponse du fournisseur perdue : peut-être parti, à décider)",
    }),
    dueAt: dateTime,
    attempts: z.number().int(),
    providerId: text.meta({ description: "L'identifiant du message chez le fournisseur" }),
    failureReason: text,
    sentAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Message" });

const languageTexts = z.object(Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, z.string().optional()])) as Record<MessageTrigger, z.ZodOptional<z.ZodString>>);
const whatsappTemplateWire = z.object({ name: z.string(), variables: z.array(z.enum(TEMPLATE_VARIABLES)) });

export const MessageSettingsSchema = z
  .object({
    enabled: z.boolean().meta({ description: "Les messages de cette entreprise, tout court" }),
    triggers: z.object(Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, z.boolean()])) as Record<MessageTrigger, z.ZodBoolean>),
    dayBeforeAt: z.string().meta({ description: "L'heure locale du rappel de la veille", example: "18:00" }),
    hoursBeforeMinutes: z.number().int().meta({ description: "Le second rappel, tant de minutes avant le début", example: 120 }),
    templates: z
      .object(Object.fromEntries(MESSAGE_LANGUAGES.map((l) => [l, languageTexts.optional()])) as Record<MessageLanguage, z.ZodOptional<typeof languageTexts>>)
      .meta({ description: "Les textes de l'entreprise par langue et déclencheur ; absent : le texte par défaut" }),
    whatsappTemplates: z
      .object(Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, whatsappTemplateWire.optional()])) as Record<MessageTrigger, z.ZodOptional<typeof whatsappTemplateWire>>)
      .meta({ description: "WhatsApp : le modèle approuvé par déclencheur et ses variables dans l'ordre" }),
  })
  .meta({ id: "MessageSettings" });

export const MessageProviderSchema = z
  .object({
    channel: z.enum(MESSAGE_CHANNELS),
    enabled: z.boolean(),
    settings: z.record(z.string(), z.string()).meta({ description: "Les réglages publics", example: { phoneNumberId: "106540352242922" } }),
    secrets: z.record(z.string(), z.boolean()).meta({
      description: "Les secrets enregistrés (chiffrés) : seulement leur nom, jamais leur valeur",
      example: { accessToken: true, appSecret: true, verifyToken: true },
    }),
    ratePerSecond: z.number().int().nullable().meta({
      description: "Messages par seconde au plus vers ce fournisseur, toutes instances comprises (null : sans limite, le défaut du journal)",
      example: 250,
    }),
    ratePerSecondSet: z.boolean().meta({ description: `La limite est celle de ce fournisseur ; false : le défaut du canal (${RATE_DEFAULTS_TEXT})` }),
    updatedAt: dateTime,
  })
  .meta({ id: "MessageProvider" });
