import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createService, editService, getService, listServices } from "@/lib/catalog";
import type { ApiEnv } from "../env";
import { idempotency } from "../middleware/idempotency";
import { AppParams, Bodies, IdempotencyHeaders, IdParams, ok, page, ServiceSchema } from "../schemas";
import { commonErrors, conflictError, json, jsonBody, notFoundError, path, security } from "./common";

const tags = ["Services"];

const list = createRoute({
  method: "post",
  path: path("services/list"),
  readOnly: true,
  tags,
  summary: "Lister les services",
  description: "Par nom ; filtres `companyId`, `isActive`, `search` ; pagination `limit` + `cursor`.",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.listCatalog) },
  responses: { 200: json(page(ServiceSchema), "Une page de services"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: path("services/create"),
  tags,
  summary: "Créer un service",
  description:
    "Dans `companyId` (par défaut l'entreprise par défaut, ou celle de la clé). Slug tiré du nom s'il n'est pas " +
    "donné, unique dans l'entreprise. `fields` : champs personnalisés (text, number, select, multipleSelect, email, " +
    "phone, date), options avec prix.",
  security,
  middleware: [idempotency] as const,
  request: { params: AppParams, headers: IdempotencyHeaders, body: jsonBody(Bodies.createService) },
  responses: {
    201: json(ok(ServiceSchema), "Le service créé"),
    ...commonErrors,
    ...notFoundError("company-not-found"),
    ...conflictError("idempotency-conflict"),
  },
});

const get = createRoute({
  method: "post",
  path: path("services/{id}"),
  readOnly: true,
  tags,
  summary: "Un service",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(ServiceSchema), "Le service"), ...commonErrors, ...notFoundError("service-not-found") },
});

const edit = createRoute({
  method: "post",
  path: path("services/{id}/edit"),
  tags,
  summary: "Modifier un service",
  description: "Seuls les champs envoyés changent ; les rendez-vous déjà pris gardent leurs champs.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editService) },
  responses: { 200: json(ok(ServiceSchema), "Le service modifié"), ...commonErrors, ...notFoundError("service-not-found") },
});

export function serviceRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const result = await listServices(c.var.auth.caller, input);
    return c.json({ success: true as const, data: result.data, nextCursor: result.nextCursor }, 200);
  });
  api.openapi(create, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await createService(c.var.auth.caller, input) }, 201);
  });
  api.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getService(c.var.auth.caller, id) }, 200);
  });
  api.openapi(edit, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await editService(c.var.auth.caller, id, input) }, 200);
  });
}
