// The wire schemas of the API: request bodies are the domain's own zod inputs (lib/contract)
// with the body's apiKey added and instants in their JSON (ISO string) form; answers are the
// contract's (lib/contract/wire.ts), re-exported here for the routes.
import { z } from "zod";
import {
  createAppointmentInput,
  listAppointmentsInput,
  rescheduleInput,
  updateFieldsInput,
  updateStatusInput,
} from "@/lib/contract/appointment-inputs";
import { listEventsInput } from "@/lib/contract/events";
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
} from "@/lib/contract/catalog-inputs";
import { wireInstant } from "@/lib/contract/validation";
import { listDeliveriesInput, webhookEdit, webhookInput } from "@/lib/contract/webhooks";
import { listMessagesInput, providerInputSchema } from "@/lib/contract/message-inputs";
import { messageSettingsInput } from "@/lib/contract/message-settings";
import { messageChannel } from "@/lib/contract/messages";
import { agentScheduleInput, availabilitySearchWireShape, companyHoursInput, searchRefine, timeOffFields, timeOffListInput } from "@/lib/contract/hours";

export const DEMO_APP_ID = "6f1c2a9e-4b7d-4e21-9a3c-0d5e8f7a6b41";

// ---------- requests ----------

const apiKey = {
  apiKey: z.string().optional().meta({
    description: "La clé API. Peut aussi venir dans l'en-tête `Authorization: Bearer …` ; envoyée des deux façons, ce doit être la même clé (sinon 401).",
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
  updateStatus: updateStatusInput.safeExtend(apiKey).meta({ id: "UpdateStatusBody" }),
  updateFields: updateFieldsInput.extend(apiKey).meta({ id: "UpdateFieldsBody" }),
  reschedule: rescheduleInput
    .safeExtend({
      ...apiKey,
      date: wireInstant.optional(),
      agentId: rescheduleInput.shape.agentId.meta({ description: "Le nouvel agent ; null pour n'en assigner aucun ; absent : le même" }),
    })
    .meta({ id: "RescheduleBody" }),
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
  createWebhook: webhookInput.extend(apiKey).meta({ id: "CreateWebhookBody" }),
  editWebhook: webhookEdit.extend(apiKey).meta({ id: "EditWebhookBody" }),
  listDeliveries: listDeliveriesInput.extend(apiKey).meta({ id: "ListDeliveriesBody" }),
  searchAvailability: z.object({ ...availabilitySearchWireShape, ...apiKey }).superRefine(searchRefine).meta({ id: "AvailabilitySearchBody" }),
  editSchedule: agentScheduleInput.extend(apiKey).meta({ id: "EditAgentScheduleBody" }),
  editHours: companyHoursInput.extend(apiKey).meta({ id: "EditCompanyHoursBody" }),
  listTimeOff: timeOffListInput.extend(apiKey).meta({ id: "ListTimeOffBody" }),
  createTimeOff: timeOffFields.extend(apiKey).meta({ id: "CreateTimeOffBody" }),
  listMessages: listMessagesInput
    .extend({ ...apiKey, from: wireInstant.optional(), to: wireInstant.optional() })
    .meta({ id: "ListMessagesBody" }),
  editMessageSettings: messageSettingsInput.extend(apiKey).meta({ id: "EditMessageSettingsBody" }),
  // Loopback URLs pass here; the domain checks them again with the server's own switch.
  setMessageProvider: providerInputSchema(true)
    .extend({
      ...apiKey,
      channel: messageChannel.meta({ description: "Le canal dont on règle le fournisseur" }),
    })
    .meta({ id: "SetMessageProviderBody" }),
  // A plain string, not the enum: a channel with no provider, known or not, is the same 404.
  deleteMessageProvider: z
    .object({
      ...apiKey,
      channel: z.string().max(40).meta({ description: `Le canal dont on retire le fournisseur (${messageChannel.options.join(", ")})` }),
    })
    .meta({ id: "DeleteMessageProviderBody" }),
};

export const DeliveryParams = IdParams.extend({
  deliveryId: z.string().meta({ param: { name: "deliveryId", in: "path" }, format: "uuid" }),
});

export {
  AgentSchema,
  AgentScheduleSchema,
  CompanyHoursSchema,
  SlotSchema,
  TimeOffSchema,
  AppointmentDetailSchema,
  AppointmentSchema,
  CompanySchema,
  CustomerSchema,
  ErrorSchema,
  EventSchema,
  ok,
  page,
  ServiceFieldSchema,
  ServiceSchema,
  StatusSchema,
  WebhookDeliverySchema,
  WebhookSchema,
  WebhookWithSecretSchema,
  MessageSchema,
  MessageSettingsSchema,
  MessageProviderSchema,
} from "@/lib/contract/wire";
