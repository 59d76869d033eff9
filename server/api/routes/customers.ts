import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createCustomer, editCustomer, getCustomer, listCustomers } from "@/lib/catalog";
import type { ApiEnv } from "../env";
import { idempotency } from "../middleware/idempotency";
import { AppParams, Bodies, CustomerSchema, IdempotencyHeaders, IdParams, ok, page } from "../schemas";
import { commonErrors, conflictError, json, jsonBody, notFoundError, path, security } from "./common";

const tags = ["Clients"];

const list = createRoute({
  method: "post",
  path: path("customers/list"),
  readOnly: true,
  tags,
  summary: "Lister les clients",
  description: "Un carnet par application. Par nom ; `search` cherche dans le nom et les chiffres du téléphone.",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.listCatalog) },
  responses: { 200: json(page(CustomerSchema), "Une page de clients"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: path("customers/create"),
  tags,
  summary: "Créer (ou retrouver) un client",
  description:
    "Par téléphone, ramené au format E.164 : 201 avec le client créé, ou 200 avec le client existant (inchangé) " +
    "si ce numéro est déjà connu. Ouvert aux clés appointments:write (une application de réservation en a besoin).",
  security,
  middleware: [idempotency] as const,
  request: { params: AppParams, headers: IdempotencyHeaders, body: jsonBody(Bodies.createCustomer) },
  responses: {
    200: json(ok(CustomerSchema), "Le client existant, ce numéro étant déjà connu"),
    201: json(ok(CustomerSchema), "Le client créé"),
    ...commonErrors,
    ...conflictError("idempotency-conflict"),
  },
});

const get = createRoute({
  method: "post",
  path: path("customers/{id}"),
  readOnly: true,
  tags,
  summary: "Un client",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(CustomerSchema), "Le client"), ...commonErrors, ...notFoundError("customer-not-found") },
});

const edit = createRoute({
  method: "post",
  path: path("customers/{id}/edit"),
  tags,
  summary: "Modifier un client",
  description: "Seuls les champs envoyés changent. Un numéro déjà pris par un autre client : validation-error.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editCustomer) },
  responses: { 200: json(ok(CustomerSchema), "Le client modifié"), ...commonErrors, ...notFoundError("customer-not-found") },
});

export function customerRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const result = await listCustomers(c.var.auth.caller, input);
    return c.json({ success: true as const, data: result.data, nextCursor: result.nextCursor }, 200);
  });
  api.openapi(create, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const { customer, created } = await createCustomer(c.var.auth.caller, input);
    return created
      ? c.json({ success: true as const, data: customer }, 201)
      : c.json({ success: true as const, data: customer }, 200);
  });
  api.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getCustomer(c.var.auth.caller, id) }, 200);
  });
  api.openapi(edit, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await editCustomer(c.var.auth.caller, id, input) }, 200);
  });
}
