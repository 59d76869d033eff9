import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { createAgent, editAgent, getAgent, listAgents } from "@/lib/catalog";
import type { ApiEnv } from "../env";
import { idempotency } from "../middleware/idempotency";
import { AgentSchema, AppParams, Bodies, IdempotencyHeaders, IdParams, ok, page } from "../schemas";
import { commonErrors, conflictError, json, jsonBody, notFoundError, path, security } from "./common";

const tags = ["Agents"];

const list = createRoute({
  method: "post",
  path: path("agents/list"),
  readOnly: true,
  tags,
  summary: "Lister les agents",
  description: "Par nom ; filtres `companyId`, `serviceId` (agents qui réalisent ce service), `isActive`, `search`.",
  security,
  request: { params: AppParams, body: jsonBody(Bodies.listAgents) },
  responses: { 200: json(page(AgentSchema), "Une page d'agents"), ...commonErrors },
});

const create = createRoute({
  method: "post",
  path: path("agents/create"),
  tags,
  summary: "Créer un agent",
  description: "`serviceIds` : les services de son entreprise qu'il réalise.",
  security,
  middleware: [idempotency] as const,
  request: { params: AppParams, headers: IdempotencyHeaders, body: jsonBody(Bodies.createAgent) },
  responses: {
    201: json(ok(AgentSchema), "L'agent créé"),
    ...commonErrors,
    ...notFoundError("company-not-found, service-not-found"),
    ...conflictError("idempotency-conflict"),
  },
});

const get = createRoute({
  method: "post",
  path: path("agents/{id}"),
  readOnly: true,
  tags,
  summary: "Un agent",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.empty) },
  responses: { 200: json(ok(AgentSchema), "L'agent"), ...commonErrors, ...notFoundError("agent-not-found") },
});

const edit = createRoute({
  method: "post",
  path: path("agents/{id}/edit"),
  tags,
  summary: "Modifier un agent",
  description: "Seuls les champs envoyés changent ; `serviceIds`, s'il est envoyé, remplace la liste.",
  security,
  request: { params: IdParams, body: jsonBody(Bodies.editAgent) },
  responses: {
    200: json(ok(AgentSchema), "L'agent modifié"),
    ...commonErrors,
    ...notFoundError("agent-not-found, service-not-found"),
  },
});

export function agentRoutes(api: OpenAPIHono<ApiEnv>) {
  api.openapi(list, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    const result = await listAgents(c.var.auth.caller, input);
    return c.json({ success: true as const, data: result.data, nextCursor: result.nextCursor }, 200);
  });
  api.openapi(create, async (c) => {
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await createAgent(c.var.auth.caller, input) }, 201);
  });
  api.openapi(get, async (c) => {
    const { id } = c.req.valid("param");
    return c.json({ success: true as const, data: await getAgent(c.var.auth.caller, id) }, 200);
  });
  api.openapi(edit, async (c) => {
    const { id } = c.req.valid("param");
    const { apiKey: _, ...input } = c.req.valid("json");
    return c.json({ success: true as const, data: await editAgent(c.var.auth.caller, id, input) }, 200);
  });
}
