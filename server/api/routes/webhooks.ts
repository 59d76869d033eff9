import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createWebhook,
  deleteWebhook,
  editWebhook,
  getWebhook,
  listDeliveryPage,
  listWebhooks,
  retryDelivery,
  rotateWebhookSecret,
  sendTestEvent,
} from "@/lib/webhooks";
import type { ApiEnv } from "../env";
import { AppParams, Bodies, DeliveryParams, IdParams, ok, page, WebhookDeliverySchema, WebhookSchema, WebhookWithSecretSchema } from "../schemas";
import { commonErrors, json, jsonBody, notFoundError, path, security } from "./common";

const tags = ["Webhooks"];
const notFound = notFoundError("webhook-not-found");
const SCOPE = "Droit `webhooks:manage`.";

const list = createRoute({
  method: "post",
  path: path("webhooks/list"),
  readOnly: true,
  tags,
  summary: "Lister les webhooks",
  description: `Les points de réception de l'application (une seule page : \`nextCursor\` vaut null). ${SCOPE}`,
  security,
  request: { params: AppParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(page(WebhookSchema), "Les webhooks"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: path("webhooks/create"),
  tags,
  summary: "Ajouter un webhook",
  description:
    "`url` en HTTPS, absolue, hors réseau local, privé ou de bouclage (vérifié ici et à chaque envoi) ; `types` : " +
    "des types d'événements ou `[\"*\"]` (par défaut) ; `companyId` pour les événements d'une seule entreprise. " +
    "Le secret de signature (`whsec_…`) est généré par le serveur et renvoyé **cette fois seulement** ; un `secret` " +
    "envoyé est refusé (400). Les envois sont signés selon Standard Webhooks (en-têtes `webhook-id`, " +
    `\`webhook-timestamp\`, \`webhook-signature\`). ${SCOPE}`,
  security,
  request: { params: AppParams, body: jsonBody(Bodies.createWebhook) },
  responses: { 201: json(ok(WebhookWithSecretSchema), "Le webhook et son secret"), ...commonErrors, ...notFoundError("company-not-found") },
});

const get = createRoute({
  method: "post",
  path: path("webhooks/{id}"),
  readOnly: true,
  tags,
  summary: "Un webhook",
  description: SCOPE,
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(WebhookSchema), "Le webhook"), ...commonErrors, ...notFound },
});

const edit = createRoute({
  method: "post",
  path: path("webhooks/{id}/edit"),
  tags,
  summary: "Modifier un webhook",
  description: `Seuls les champs envoyés changent. \`enabled: true\` réactive un webhook désactivé et efface la raison. ${SCOPE}`,
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editWebhook) },
  responses: { 200: json(ok(WebhookSchema), "Le webhook modifié"), ...commonErrors, ...notFoundError("webhook-not-found, company-not-found") },
});

const remove = createRoute({
  method: "post",
  path: path("webhooks/{id}/delete"),
  tags,
  summary: "Supprimer un webhook",
  description: `Le webhook et son journal d'envois. ${SCOPE}`,
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(WebhookSchema), "Le webhook supprimé"), ...commonErrors, ...notFound },
});

const rotate = createRoute({
  method: "post",
  path: path("webhooks/{id}/rotate-secret"),
  tags,
  summary: "Régénérer le secret",
  description: `Un nouveau secret, renvoyé cette fois seulement ; les envois suivants sont signés avec lui. ${SCOPE}`,
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(WebhookWithSecretSchema), "Le webhook et son nouveau secret"), ...commonErrors, ...notFound },
});

const test = createRoute({
  method: "post",
  path: path("webhooks/{id}/test"),
  tags,
  summary: "Envoyer un événement de test",
  description: `Met en file un événement \`webhook.test\` pour ce webhook ; suivez-le dans ses envois. ${SCOPE}`,
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 202: json(ok(WebhookDeliverySchema), "L'envoi mis en file"), ...commonErrors, ...notFound },
});

const deliveries = createRoute({
  method: "post",
  path: path("webhooks/{id}/deliveries"),
  readOnly: true,
  tags,
  summary: "Journal des envois",
  description: `Les envois de ce webhook, du plus récent au plus ancien (\`limit\` 1–200, 50 par défaut) ; \`nextCursor\` lit les plus anciens (\`null\` à la fin). ${SCOPE}`,
  security,
  request: { params: IdParams, body: jsonBody(Bodies.listDeliveries) },
  responses: {
    200: json(z.object({ success: z.literal(true), data: z.array(WebhookDeliverySchema), nextCursor: z.string().nullable() }), "Les envois"),
    ...commonErrors,
    ...notFound,
  },
});

const retry = createRoute({
  method: "post",
  path: path("webhooks/{id}/deliveries/{deliveryId}/retry"),
  tags,
  summary: "Renvoyer un envoi",
  description: `Renvoie cet envoi maintenant, avec le même \`webhook-id\` (le récepteur dédoublonne), quel que soit son état. ${SCOPE}`,
  security,
  request: { params: DeliveryParams, body: jsonBody(Bodies.empty) },
  responses: { 202: json(ok(WebhookDeliverySchema), "L'envoi remis en file"), ...commonErrors, ...notFoundError("webhook-not-found, delivery-not-found") },
});

export function webhookRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const data = await listWebhooks(c.var.auth.caller);
    return c.json({ success: true as const, data, nextCursor: null }, 200);
  });
  api.openapi(create, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await createWebhook(c.var.auth.caller, input) }, 201);
  });
  api.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getWebhook(c.var.auth.caller, id) }, 200);
  });
  api.openapi(edit, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await editWebhook(c.var.auth.caller, id, input) }, 200);
  });
  api.openapi(remove, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await deleteWebhook(c.var.auth.caller, id) }, 200);
  });
  api.openapi(rotate, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await rotateWebhookSecret(c.var.auth.caller, id) }, 200);
  });
  api.openapi(test, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await sendTestEvent(c.var.auth.caller, id) }, 202);
  });
  api.openapi(deliveries, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, ...(await listDeliveryPage(c.var.auth.caller, id, input)) }, 200);
  });
  api.openapi(retry, async (c) => {
    const { id, deliveryId } = c.req.valid("param");
    return c.json({ success: true as const, data: await retryDelivery(c.var.auth.caller, id, deliveryId) }, 202);
  });
}
