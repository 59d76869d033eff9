// Webhook endpoints of an app: add, list, edit, delete, rotate the secret. Members need to be
// owners or admins, keys the `webhooks:manage` scope (both come down to the scope: only those
// roles have it). A key limited to a company manages that company's endpoints only.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookEndpoints } from "@/db/schema";
import { type Caller, canSeeCompany, companyScope, requireScope } from "../auth/caller";
import { AppError, pgErrorCode, validationError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { type WebhookEdit, type WebhookEndpoint, webhookEditSchema, type WebhookInput, webhookInputSchema } from "../contract/webhooks";
import { checkUrlAddress } from "./address";
import { webhookConfig } from "./config";
import { encryptSecret, generateWebhookSecret } from "./secret";

export const endpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  types: webhookEndpoints.types,
  companyId: webhookEndpoints.companyId,
  description: webhookEndpoints.description,
  enabled: webhookEndpoints.enabled,
  disabledReason: webhookEndpoints.disabledReason,
  createdAt: webhookEndpoints.createdAt,
  updatedAt: webhookEndpoints.updatedAt,
};

type EndpointRow = { [K in keyof typeof endpointColumns]: (typeof webhookEndpoints.$inferSelect)[K] };

export function toEndpoint(r: EndpointRow): WebhookEndpoint {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/**
 * A URL whose host resolves to a private, loopback or link-local address is refused now; one
 * that does not resolve yet is saved (it fails at delivery, where it is logged).
 */
async function guardUrl(url: string) {
  const verdict = await checkUrlAddress(new URL(url), webhookConfig().allowLoopback);
  if (!verdict.ok && !verdict.unresolved) throw validationError([{ path: ["url"], message: verdict.reason }]);
}

function checkCompany(caller: Caller, companyId: string | null | undefined): string | null {
  if (companyId) {
    if (!isUuid(companyId) || !canSeeCompany(caller, companyId)) throw new AppError("company-not-found");
    return companyId;
  }
  // A key limited to one company only watches that company.
  if (caller.companyIds !== "all") {
    if (caller.companyIds.length !== 1) throw validationError([{ path: ["companyId"], message: "Précisez l'entreprise" }]);
    return caller.companyIds[0];
  }
  return null;
}

function ofCaller(caller: Caller, id: string) {
  return and(eq(webhookEndpoints.appId, caller.appId), eq(webhookEndpoints.id, id), companyScope(caller, webhookEndpoints.companyId));
}

/** Adds an endpoint; its secret is in this answer only. */
export async function createWebhook(caller: Caller, input: WebhookInput) {
  requireScope(caller, "webhooks:manage");
  const data = parseInput(webhookInputSchema(webhookConfig().allowLoopback), input);
  const companyId = checkCompany(caller, data.companyId);
  await guardUrl(data.url);
  const secret = generateWebhookSecret();
  const db = await getDb();
  try {
    const [row] = await db
      .insert(webhookEndpoints)
      .values({
        appId: caller.appId,
        url: data.url,
        types: data.types,
        companyId,
        description: data.description || null,
        enabled: data.enabled,
        secretEncrypted: encryptSecret(secret),
      })
      .returning(endpointColumns);
    return { endpoint: toEndpoint(row), secret };
  } catch (err) {
    if (pgErrorCode(err) === "23503") throw new AppError("company-not-found");
    throw err;
  }
}

export async function listWebhooks(caller: Caller): Promise<WebhookEndpoint[]> {
  requireScope(caller, "webhooks:manage");
  const db = await getDb();
  const rows = await db
    .select(endpointColumns)
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.appId, caller.appId), companyScope(caller, webhookEndpoints.companyId)))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(toEndpoint);
}

export async function getWebhook(caller: Caller, id: string): Promise<WebhookEndpoint> {
  requireScope(caller, "webhooks:manage");
  if (!isUuid(id)) throw new AppError("webhook-not-found");
  const db = await getDb();
  const [row] = await db.select(endpointColumns).from(webhookEndpoints).where(ofCaller(caller, id));
  if (!row) throw new AppError("webhook-not-found");
  return toEndpoint(row);
}

/** Only the fields given change; turning an endpoint back on clears why it was turned off. */
export async function editWebhook(caller: Caller, id: string, input: WebhookEdit): Promise<WebhookEndpoint> {
  requireScope(caller, "webhooks:manage");
  const data = parseInput(webhookEditSchema(webhookConfig().allowLoopback), input);
  if (!isUuid(id)) throw new AppError("webhook-not-found");
  await getWebhook(caller, id);
  const companyId = data.companyId === undefined ? undefined : checkCompany(caller, data.companyId);
  if (data.url) await guardUrl(data.url);
  const db = await getDb();
  try {
    const [row] = await db
      .update(webhookEndpoints)
      .set({
        ...(data.url !== undefined ? { url: data.url } : {}),
        ...(data.types !== undefined ? { types: data.types } : {}),
        ...(companyId !== undefined ? { companyId } : {}),
        ...(data.description !== undefined ? { description: data.description || null } : {}),
        ...(data.enabled !== undefined
          ? { enabled: data.enabled, ...(data.enabled ? { disabledReason: null, failingSince: null } : {}) }
          : {}),
        updatedAt: sql`now()`,
      })
      .where(ofCaller(caller, id))
      .returning(endpointColumns);
    if (!row) throw new AppError("webhook-not-found");
    return toEndpoint(row);
  } catch (err) {
    if (pgErrorCode(err) === "23503") throw new AppError("company-not-found");
    throw err;
  }
}

/** Deletes the endpoint and its delivery log. */
export async function deleteWebhook(caller: Caller, id: string): Promise<WebhookEndpoint> {
  requireScope(caller, "webhooks:manage");
  if (!isUuid(id)) throw new AppError("webhook-not-found");
  const db = await getDb();
  const [row] = await db.delete(webhookEndpoints).where(ofCaller(caller, id)).returning(endpointColumns);
  if (!row) throw new AppError("webhook-not-found");
  return toEndpoint(row);
}

/** A new secret, in this answer only; deliveries from now on are signed with it. */
export async function rotateWebhookSecret(caller: Caller, id: string) {
  requireScope(caller, "webhooks:manage");
  if (!isUuid(id)) throw new AppError("webhook-not-found");
  const secret = generateWebhookSecret();
  const db = await getDb();
  const [row] = await db
    .update(webhookEndpoints)
    .set({ secretEncrypted: encryptSecret(secret), updatedAt: sql`now()` })
    .where(ofCaller(caller, id))
    .returning(endpointColumns);
  if (!row) throw new AppError("webhook-not-found");
  return { endpoint: toEndpoint(row), secret };
}
