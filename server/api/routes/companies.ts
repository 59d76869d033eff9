import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createCompany, editCompany, getCompany, listCompanies } from "@/lib/catalog";
import type { ApiEnv } from "../env";
import { idempotency } from "../middleware/idempotency";
import { AppParams, Bodies, CompanySchema, IdempotencyHeaders, IdParams, ok, page } from "../schemas";
import { commonErrors, conflictError, json, jsonBody, notFoundError, path, security } from "./common";

const tags = ["Entreprises"];

const list = createRoute({
  method: "post",
  path: path("companies/list"),
  readOnly: true,
  tags,
  summary: "Lister les entreprises",
  description: "Les entreprises que la clé voit, celle par défaut d'abord (une seule page : `nextCursor` vaut null).",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(page(CompanySchema), "Les entreprises"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: path("companies/create"),
  tags,
  summary: "Créer une entreprise",
  description:
    "Slug tiré du nom s'il n'est pas donné, unique dans l'application. La première entreprise, ou celle créée avec " +
    "`isDefault: true`, devient l'entreprise par défaut (une seule par application). Clé sans restriction d'entreprise.",
  security,
  middleware: [idempotency] as const,
  request: { params: AppParams, headers: IdempotencyHeaders, body: jsonBody(Bodies.createCompany) },
  responses: {
    201: json(ok(CompanySchema), "L'entreprise créée"),
    ...commonErrors,
    ...conflictError("idempotency-conflict"),
  },
});

const get = createRoute({
  method: "post",
  path: path("companies/{id}"),
  readOnly: true,
  tags,
  summary: "Une entreprise",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(CompanySchema), "L'entreprise"), ...commonErrors, ...notFoundError("company-not-found") },
});

const edit = createRoute({
  method: "post",
  path: path("companies/{id}/edit"),
  tags,
  summary: "Modifier une entreprise",
  description: "Seuls les champs envoyés changent. `isDefault: true` déplace le défaut ici.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editCompany) },
  responses: { 200: json(ok(CompanySchema), "L'entreprise modifiée"), ...commonErrors, ...notFoundError("company-not-found") },
});

export function companyRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const data = await listCompanies(c.var.auth.caller);
    return c.json({ success: true as const, data, nextCursor: null }, 200);
  });
  api.openapi(create, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await createCompany(c.var.auth.caller, input) }, 201);
  });
  api.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getCompany(c.var.auth.caller, id) }, 200);
  });
  api.openapi(edit, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await editCompany(c.var.auth.caller, id, input) }, 200);
  });
}
