import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  createAppointment,
  getAppointment,
  listAppointments,
  rescheduleAppointment,
  updateAppointmentFields,
  updateAppointmentStatus,
} from "@/lib/appointments";
import { jsonAnswer } from "../envelope";
import type { ApiEnv } from "../env";
import { idempotency } from "../middleware/idempotency";
import {
  AppointmentDetailSchema,
  AppointmentSchema,
  AppParams,
  Bodies,
  IdempotencyHeaders,
  IdParams,
  ok,
  page,
} from "../schemas";
import { commonErrors, conflictError, json, jsonBody, notFoundError, path, security } from "./common";

const tags = ["Rendez-vous"];

const list = createRoute({
  method: "post",
  path: path("appointments/list"),
  readOnly: true,
  tags,
  summary: "Lister les rendez-vous",
  description:
    "Triés par (date, id) croissants (`order: \"desc\"` pour l'inverse). `from`/`to` bornent la date de début, " +
    "intervalle semi-ouvert [from, to). Pagination : `limit` (1–200, 50 par défaut) et `cursor` = le `nextCursor` " +
    "de la page précédente ; `nextCursor` vaut null sur la dernière page. Pour « tout lister », suivez `nextCursor`.",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.listAppointments) },
  responses: { 200: json(page(AppointmentSchema), "Une page de rendez-vous"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: path("appointments/create"),
  tags,
  summary: "Créer un rendez-vous",
  description:
    "Statut initial PENDING (CONFIRMED demande le droit appointments:status). Sans `totalPrice`, le prix est " +
    "celui du service plus les options choisies. L'agent doit réaliser le service et être libre sur le créneau " +
    "(battements du service compris) et dans ses horaires (sans agent : l'entreprise ouverte), sinon " +
    "outside-working-hours, qui dit quand il travaille ce jour-là. Un début déjà passé ou plus proche que le délai " +
    "minimum de l'entreprise est refusé aussi (409 outside-working-hours) : seul le tableau de bord enregistre un " +
    "rendez-vous passé.",
  security,
  middleware: [idempotency] as const,
  request: { params: AppParams, headers: IdempotencyHeaders, body: jsonBody(Bodies.createAppointment) },
  responses: {
    201: json(ok(AppointmentDetailSchema), "Le rendez-vous créé, comme `get` le renvoie"),
    ...commonErrors,
    ...notFoundError("service-not-found, agent-not-found, customer-not-found"),
    ...conflictError("agent-unavailable, outside-working-hours, idempotency-conflict"),
  },
});

const get = createRoute({
  method: "post",
  path: path("appointments/{id}"),
  readOnly: true,
  tags,
  summary: "Un rendez-vous",
  description: "Avec `service`, `agent` (ou null), `customer` et `company` imbriqués.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: {
    200: json(ok(AppointmentDetailSchema), "Le rendez-vous"),
    ...commonErrors,
    ...notFoundError("appointment-not-found"),
  },
});

const status = createRoute({
  method: "post",
  path: path("appointments/{id}/status"),
  tags,
  summary: "Changer le statut",
  description:
    "PENDING → CONFIRMED → IN_PROGRESS → COMPLETED ; PENDING, CONFIRMED ou IN_PROGRESS → CANCELLED. " +
    "Statuts acceptés aussi en camelCase (`inProgress`…), toujours renvoyés en majuscules. Client absent : " +
    "`{ status: \"CANCELLED\", kind: \"no-show\", reason? }` sur un rendez-vous CONFIRMED dont l'heure de début est " +
    "passée (sinon 409 invalid-status-transition) ; `cancellation` vaut alors `{ kind: \"no-show\", reason }`.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.updateStatus) },
  responses: {
    200: json(ok(AppointmentDetailSchema), "Le rendez-vous après le changement"),
    ...commonErrors,
    ...notFoundError("appointment-not-found"),
    ...conflictError("invalid-status-transition"),
  },
});

const updateFields = createRoute({
  method: "post",
  path: path("appointments/{id}/update-fields"),
  tags,
  summary: "Remplacer les champs remplis",
  description: "Remplace `filledFields` d'un rendez-vous actif, vérifiés contre les champs du service.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.updateFields) },
  responses: {
    200: json(ok(AppointmentDetailSchema), "Le rendez-vous modifié"),
    ...commonErrors,
    ...notFoundError("appointment-not-found"),
    ...conflictError("invalid-status-transition (rendez-vous terminé ou annulé)"),
  },
});

const reschedule = createRoute({
  method: "post",
  path: path("appointments/{id}/reschedule"),
  tags,
  summary: "Déplacer ou réassigner",
  description:
    "Change la date de début (`date`), l'agent (`agentId`, null pour aucun) ou les deux d'un rendez-vous " +
    "PENDING, CONFIRMED ou IN_PROGRESS ; au moins l'un des deux. Le statut et la durée réservée sont gardés " +
    "(nouvelle fin = nouvelle date + ancienne durée). L'agent doit réaliser le service et être libre sur le " +
    "créneau, dans ses horaires (sans agent : l'entreprise ouverte) ; le nouveau début ne peut être ni passé ni plus " +
    "proche que le délai minimum de l'entreprise (sinon 409 outside-working-hours) ; une réassignation seule garde le début convenu, " +
    "elle reste donc possible sur un rendez-vous déjà commencé. " +
    "Le déplacement est enregistré (événement `appointment.moved`, avec `reason` si donné). Vers la même " +
    "date et le même agent : 200 sans rien enregistrer. Deux déplacements simultanés : l'un gagne, l'autre " +
    "reçoit 409 appointment-changed. Droit appointments:write.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.reschedule) },
  responses: {
    200: json(ok(AppointmentDetailSchema), "Le rendez-vous après le déplacement, comme `get` le renvoie"),
    ...commonErrors,
    ...notFoundError("appointment-not-found, agent-not-found"),
    ...conflictError("agent-unavailable, outside-working-hours, invalid-status-transition (terminé ou annulé), appointment-changed"),
  },
});

export function appointmentRoutes(api: OpenAPIHono<ApiEnv>) {
  // Fixed paths first: `list` and `create` are not ids.
  api.openapi(list, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const result = await listAppointments(c.get("auth").caller, input);
    return jsonAnswer(c, { success: true as const, data: result.data, nextCursor: result.nextCursor }, 200);
  });
  api.openapi(create, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    return jsonAnswer(c, { success: true as const, data: await createAppointment(c.get("auth").caller, input) }, 201);
  });
  api.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return jsonAnswer(c, { success: true as const, data: await getAppointment(c.get("auth").caller, id) }, 200);
  });
  api.openapi(status, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return jsonAnswer(c, { success: true as const, data: await updateAppointmentStatus(c.get("auth").caller, id, input) }, 200);
  });
  api.openapi(updateFields, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return jsonAnswer(c, { success: true as const, data: await updateAppointmentFields(c.get("auth").caller, id, input) }, 200);
  });
  api.openapi(reschedule, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return jsonAnswer(c, { success: true as const, data: await rescheduleAppointment(c.get("auth").caller, id, input) }, 200);
  });
}
