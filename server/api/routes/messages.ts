import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { deleteProvider, getMessage, getMessageSettings, listMessages, listProviders, type MessageView, type ProviderView, resendMessage, setProvider, updateMessageSettings } from "@/lib/messages";
import { RATE_DEFAULTS_TEXT } from "@/lib/contract/message-rate";
import type { ApiEnv } from "../env";
import { AppParams, Bodies, IdParams, MessageProviderSchema, MessageSchema, MessageSettingsSchema, ok, page } from "../schemas";
import { commonErrors, conflictError, json, jsonBody, notFoundError, path, security } from "./common";

const tags = ["Messages"];
const notFound = notFoundError("message-not-found");
const MANAGE = "Droit `messages:manage` (les propriétaires et administrateurs l'ont).";

const list = createRoute({
  method: "post",
  path: path("messages/list"),
  readOnly: true,
  tags,
  summary: "Journal des messages",
  description:
    "Les messages envoyés ou prévus aux clients (WhatsApp, SMS, e-mail, journal), du plus récent au plus ancien selon leur " +
    "échéance (`dueAt`). Filtres : `state` et `channel` (listes), `companyId`, `appointmentId`, `from`/`to` (échéance, " +
    "intervalle semi-ouvert). `limit` 1–200 (50 par défaut) ; `nextCursor` lit la suite (`null` à la fin). " +
    "Droit `appointments:read` ; une clé limitée à une entreprise ne voit que les siens.",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.listMessages) },
  responses: { 200: json(page(MessageSchema), "Une page de messages"), ...commonErrors, ...notFoundError("company-not-found, appointment-not-found") },
});

const get = createRoute({
  method: "post",
  path: path("messages/{id}"),
  readOnly: true,
  tags,
  summary: "Un message",
  description: "Son état, sa raison d'échec, son identifiant chez le fournisseur. Droit `appointments:read`.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(MessageSchema), "Le message"), ...commonErrors, ...notFound },
});

const resend = createRoute({
  method: "post",
  path: path("messages/{id}/resend"),
  tags,
  summary: "Renvoyer un message",
  description:
    "Remet en file maintenant un message en échec (`failed`) ou incertain (`unknown` : à vous de juger qu'il n'est pas parti). " +
    "Un autre état : 409 invalid-status-transition. Droit `appointments:write`.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(MessageSchema), "Le message remis en file"), ...commonErrors, ...notFound, ...conflictError("invalid-status-transition") },
});

const settings = createRoute({
  method: "post",
  path: path("companies/{id}/messages/settings"),
  readOnly: true,
  tags,
  summary: "Réglages des messages d'une entreprise",
  description: "Messages actifs ou non, déclencheurs, heures des rappels, textes (français, anglais), modèles WhatsApp. Droit `catalog:read`.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(MessageSettingsSchema), "Les réglages"), ...commonErrors, ...notFoundError("company-not-found") },
});

const editSettings = createRoute({
  method: "post",
  path: path("companies/{id}/messages/settings/edit"),
  tags,
  summary: "Modifier les réglages des messages",
  description:
    "Seuls les champs envoyés changent ; textes et modèles WhatsApp se fusionnent par déclencheur (`null` retire un modèle). " +
    "Un texte de plus de 1 000 caractères ou avec une variable inconnue : 400 validation-error, le champ nommé. Droit `catalog:write`.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editMessageSettings) },
  responses: { 200: json(ok(MessageSettingsSchema), "Les réglages modifiés"), ...commonErrors, ...notFoundError("company-not-found") },
});

const providers = createRoute({
  method: "post",
  path: path("messages/providers/list"),
  readOnly: true,
  tags,
  summary: "Fournisseurs de messages",
  description: `Un par canal réglé (email, whatsapp, sms, journal) : réglages publics et noms des secrets enregistrés, jamais leur valeur. ${MANAGE}`,
  security,
  request: { params: AppParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(page(MessageProviderSchema), "Les fournisseurs (une seule page)"), ...commonErrors },
});

const setProviderRoute = createRoute({
  method: "post",
  path: path("messages/providers/set"),
  tags,
  summary: "Régler un fournisseur",
  description:
    "`channel` et, au choix, `enabled`, `settings` (remplacent ceux enregistrés) et `secrets` (fusionnés par nom ; une chaîne " +
    "vide en retire un). Les secrets sont chiffrés et jamais renvoyés. Les adresses sont en HTTPS. WhatsApp : `phoneNumberId`, " +
    "`baseUrl`?, `apiVersion`? ; secrets `accessToken`, `appSecret`, `verifyToken`. SMS : `url`, `method`?, `authHeader`?, " +
    "`bodyTemplate`?, `sender`?, `idPath`? ; secrets `authValue`, `callbackSecret`. E-mail : `host`, `security`, `port`?, " +
    `\`user\`?, \`fromAddress\`, \`fromName\`? ; secret \`password\`. \`ratePerSecond\` : messages par seconde au plus vers ce ` +
    `fournisseur, toutes instances comprises (entier de 1 à 1000 ; \`null\` : le défaut du canal, ${RATE_DEFAULTS_TEXT}) ; ` +
    "au-delà, les messages attendent leur tour, jamais perdus. " +
    `Un réglage manquant ou invalide : 400, le champ nommé. ${MANAGE}`,
  security,
  request: { params: AppParams, body: jsonBody(Bodies.setMessageProvider) },
  responses: { 200: json(ok(MessageProviderSchema), "Le fournisseur enregistré"), ...commonErrors },
});

const deleteProviderRoute = createRoute({
  method: "post",
  path: path("messages/providers/delete"),
  tags,
  summary: "Retirer un fournisseur",
  description:
    "Efface le fournisseur du `channel` : ses réglages, sa limite d'envoi et ses secrets chiffrés. Les messages qui attendent " +
    "ce canal échouent ensuite à leur tour avec la raison « fournisseur non configuré », comme si aucun n'avait été réglé " +
    "(`enabled: false` par messages/providers/set le met seulement en pause). Un canal inconnu ou sans fournisseur : 404 " +
    `provider-not-found. ${MANAGE}`,
  security,
  request: { params: AppParams, body: jsonBody(Bodies.deleteMessageProvider) },
  responses: { 200: json(ok(MessageProviderSchema), "Le fournisseur retiré, tel qu'il était"), ...commonErrors, ...notFoundError("provider-not-found") },
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function messageJson(m: MessageView) {
  return { ...m, appointmentDate: iso(m.appointmentDate), dueAt: m.dueAt.toISOString(), sentAt: iso(m.sentAt), createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() };
}

const providerJson = (p: ProviderView) => ({ ...p, updatedAt: p.updatedAt.toISOString() });

export function messageRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const { data, nextCursor } = await listMessages(c.var.auth.caller, input);
    return c.json({ success: true as const, data: data.map(messageJson), nextCursor }, 200);
  });
  api.openapi(providers, async (c) => {
    const data = await listProviders(c.var.auth.caller);
    return c.json({ success: true as const, data: data.map(providerJson), nextCursor: null }, 200);
  });
  api.openapi(setProviderRoute, async (c) => {
    const { apiKey: _, channel, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: providerJson(await setProvider(c.var.auth.caller, channel, input)) }, 200);
  });
  api.openapi(deleteProviderRoute, async (c) => {
    const { channel } = c.req.valid("json");
    return c.json({ success: true as const, data: providerJson(await deleteProvider(c.var.auth.caller, channel)) }, 200);
  });
  api.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: messageJson(await getMessage(c.var.auth.caller, id)) }, 200);
  });
  api.openapi(resend, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: messageJson(await resendMessage(c.var.auth.caller, id)) }, 200);
  });
  api.openapi(settings, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getMessageSettings(c.var.auth.caller, id) }, 200);
  });
  api.openapi(editSettings, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await updateMessageSettings(c.var.auth.caller, id, input) }, 200);
  });
}
