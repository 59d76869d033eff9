import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { createTimeOff, deleteTimeOff, getAgentSchedule, getCompanyHours, listTimeOff, searchAvailability, setAgentSchedule, setCompanyHours } from "@/lib/scheduling";
import type { ApiEnv } from "../env";
import { AgentScheduleSchema, AppParams, Bodies, CompanyHoursSchema, IdParams, ok, SlotSchema, TimeOffSchema } from "../schemas";
import { commonErrors, json, jsonBody, notFoundError, path, security } from "./common";

const search = createRoute({
  method: "post",
  path: path("availability/search"),
  readOnly: true,
  tags: ["Disponibilités"],
  summary: "Chercher des créneaux libres",
  description:
    "Les débuts libres dans [from, to) (31 jours au plus, jamais avant maintenant ni avant le délai minimum de " +
    "l'entreprise), pour chaque agent actif qui réalise le service (ou celui demandé), sur une grille de `step` " +
    "minutes (15 par défaut, 5–240) comptée depuis minuit à l'heure de l'entreprise. Un créneau tient dans les " +
    "horaires de l'agent avec les battements du service, hors absences et hors rendez-vous actifs. Triés par début " +
    "puis agent ; 2 000 au plus, puis `nextFrom` (à renvoyer comme `from`), sinon null. Avec `appointmentId` (un " +
    "rendez-vous de ce service à déplacer) : les créneaux ont sa durée et ses battements réservés (un déplacement " +
    "les garde), et sa propre place compte comme libre. Droit appointments:read.",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.searchAvailability) },
  responses: {
    200: json(z.object({ success: z.literal(true), data: z.array(SlotSchema), nextFrom: z.string().nullable() }), "Les créneaux libres"),
    ...commonErrors,
    ...notFoundError("service-not-found, agent-not-found, appointment-not-found"),
  },
});

const tags = ["Horaires"];
const TimeOffParams = IdParams.extend({ timeOffId: z.string().meta({ param: { name: "timeOffId", in: "path" }, format: "uuid" }) });

const schedule = createRoute({
  method: "post",
  path: path("agents/{id}/schedule"),
  readOnly: true,
  tags,
  summary: "Semaine de travail d'un agent",
  description: "`schedule` : sa propre semaine (null : il suit les horaires de l'entreprise) ; `effective` : ce qui s'applique.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(AgentScheduleSchema), "La semaine"), ...commonErrors, ...notFoundError("agent-not-found") },
});

const editSchedule = createRoute({
  method: "post",
  path: path("agents/{id}/schedule/edit"),
  tags,
  summary: "Modifier la semaine d'un agent",
  description: "Par jour (mon…sun), des plages HH:MM qui ne se chevauchent pas ; `schedule: null` : suivre l'entreprise.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editSchedule) },
  responses: { 200: json(ok(AgentScheduleSchema), "La semaine modifiée"), ...commonErrors, ...notFoundError("agent-not-found") },
});

const timeOffList = createRoute({
  method: "post",
  path: path("agents/{id}/time-off/list"),
  readOnly: true,
  tags,
  summary: "Absences et heures supplémentaires d'un agent",
  description: "Par date de début ; `from`/`to` (AAAA-MM-JJ) gardent celles qui les touchent.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.listTimeOff) },
  responses: { 200: json(ok(z.array(TimeOffSchema)), "Les absences"), ...commonErrors, ...notFoundError("agent-not-found") },
});

const timeOffCreate = createRoute({
  method: "post",
  path: path("agents/{id}/time-off/create"),
  tags,
  summary: "Ajouter une absence (ou des heures supplémentaires)",
  description:
    "`kind` off (absence ; toute la journée sans heures) ou extra (heures en plus, début et fin requis), de `startDate` à " +
    "`endDate` inclus, à l'heure de l'entreprise.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.createTimeOff) },
  responses: { 201: json(ok(TimeOffSchema), "L'absence créée"), ...commonErrors, ...notFoundError("agent-not-found") },
});

const timeOffDelete = createRoute({
  method: "post",
  path: path("agents/{id}/time-off/{timeOffId}/delete"),
  tags,
  summary: "Supprimer une absence",
  security,
  request: { params: TimeOffParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(TimeOffSchema), "L'absence supprimée"), ...commonErrors, ...notFoundError("agent-not-found, time-off-not-found") },
});

const hours = createRoute({
  method: "post",
  path: path("companies/{id}/hours"),
  readOnly: true,
  tags,
  summary: "Horaires d'ouverture d'une entreprise",
  description: "`hours: null` : ouverte à toute heure. `minNoticeMinutes` : délai minimum des réservations par l'API.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(CompanyHoursSchema), "Les horaires"), ...commonErrors, ...notFoundError("company-not-found") },
});

const editHours = createRoute({
  method: "post",
  path: path("companies/{id}/hours/edit"),
  tags,
  summary: "Modifier les horaires d'ouverture",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editHours) },
  responses: { 200: json(ok(CompanyHoursSchema), "Les horaires modifiés"), ...commonErrors, ...notFoundError("company-not-found") },
});

const iso = (d: Date) => d.toISOString();

export function schedulingRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(search, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const answer = await searchAvailability(c.var.auth.caller, input);
    const data = answer.data.map((s) => ({ agentId: s.agentId, start: iso(s.start), end: iso(s.end) }));
    return c.json({ success: true as const, data, nextFrom: answer.nextFrom && iso(answer.nextFrom) }, 200);
  });
  api.openapi(schedule, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getAgentSchedule(c.var.auth.caller, id) }, 200);
  });
  api.openapi(editSchedule, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await setAgentSchedule(c.var.auth.caller, id, input) }, 200);
  });
  api.openapi(timeOffList, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await listTimeOff(c.var.auth.caller, id, input) }, 200);
  });
  api.openapi(timeOffCreate, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await createTimeOff(c.var.auth.caller, id, input) }, 201);
  });
  api.openapi(timeOffDelete, async (c) => {
    const { id, timeOffId } = c.req.valid("param");
    return c.json({ success: true as const, data: await deleteTimeOff(c.var.auth.caller, id, timeOffId) }, 200);
  });
  api.openapi(hours, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getCompanyHours(c.var.auth.caller, id) }, 200);
  });
  api.openapi(editHours, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await setCompanyHours(c.var.auth.caller, id, input) }, 200);
  });
}
