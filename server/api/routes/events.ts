import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { listEvents } from "@/lib/appointments/events";
import type { ApiEnv } from "../env";
import { AppParams, Bodies, EventSchema } from "../schemas";
import { commonErrors, json, jsonBody, notFoundError, path, security } from "./common";

const list = createRoute({
  method: "post",
  path: path("events/list"),
  readOnly: true,
  tags: ["Événements"],
  summary: "Lister les événements",
  description:
    "Les événements des rendez-vous de l'application (de l'entreprise de la clé si elle en a une), d'identifiant " +
    "supérieur à `after`, dans l'ordre des identifiants : `appointment.created`, `.status_changed`, " +
    "`.fields_updated`, `.moved`. Pour rattraper des webhooks manqués, repassez `nextAfter` (le dernier id lu) " +
    "jusqu'à une page vide. Un événement n'apparaît qu'une fois les transactions plus anciennes terminées : " +
    "aucun n'est jamais sauté. `limit` 1–500 (100 par défaut).",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.listEvents) },
  responses: {
    200: json(
      z.object({
        success: z.literal(true),
        data: z.array(EventSchema),
        nextAfter: z.string().meta({ description: "Le `after` de l'appel suivant" }),
      }),
      "Une page d'événements",
    ),
    ...commonErrors,
    ...notFoundError("company-not-found, appointment-not-found"),
  },
});

export function eventRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const page = await listEvents(c.var.auth.caller, input);
    return c.json({ success: true as const, data: page.data, nextAfter: page.nextAfter }, 200);
  });
}
