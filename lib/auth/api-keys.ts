import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { apiKeys } from "@/db/schema";
import { AppError, pgErrorCode } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { preparedFor } from "../prepared";
import { id, requiredText } from "../contract/validation";
import { parseInput } from "../contract/parse";
import { digestApiKey, generateApiKey, looksLikeApiKey } from "./api-key-secret";
import { type Caller, canSeeCompany, requireManager } from "./caller";
import { SCOPES, type Scope } from "../contract/scopes";

export const DEFAULT_RATE_LIMIT = 600;

export const apiKeyInput = z.object({
  name: requiredText(80),
  scopes: z.array(z.enum(SCOPES)).min(1, "Choisissez au moins un droit").max(SCOPES.length),
  companyId: id.nullish(),
  rateLimit: z.number().int().min(1).max(1_000_000).default(DEFAULT_RATE_LIMIT),
});
export type ApiKeyInput = z.input<typeof apiKeyInput>;

const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  companyId: apiKeys.companyId,
  rateLimit: apiKeys.rateLimit,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
  createdAt: apiKeys.createdAt,
};

/** Creates a key and answers it once: only its digest is kept. */
export async function createApiKey(caller: Caller, input: ApiKeyInput) {
  requireManager(caller);
  const data = parseInput(apiKeyInput, input);
  if (data.companyId && (!isUuid(data.companyId) || !canSeeCompany(caller, data.companyId))) {
    throw new AppError("company-not-found");
  }
  const { key, prefix, digest } = generateApiKey();
  const db = await getDb();
  try {
    const [row] = await db
      .insert(apiKeys)
      .values({ ...data, scopes: [...new Set(data.scopes)], companyId: data.companyId ?? null, prefix, digest, appId: caller.appId })
      .returning(publicColumns);
    return { key, apiKey: row };
  } catch (err) {
    // The company id passed the shape check but names no company of this app.
    if (pgErrorCode(err) === "23503") throw new AppError("company-not-found");
    throw err;
  }
}

export async function listApiKeys(caller: Caller) {
  requireManager(caller);
  const db = await getDb();
  return db.select(publicColumns).from(apiKeys).where(eq(apiKeys.appId, caller.appId)).orderBy(desc(apiKeys.createdAt));
}

export async function revokeApiKey(caller: Caller, keyId: string) {
  requireManager(caller);
  if (!isUuid(keyId)) throw new AppError("api-key-not-found");
  const db = await getDb();
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
    .where(and(eq(apiKeys.appId, caller.appId), eq(apiKeys.id, keyId)))
    .returning(publicColumns);
  if (!row) throw new AppError("api-key-not-found");
  return row;
}

export type ApiKeyAuth = { caller: Caller; keyId: string; rateLimit: number };

/**
 * The caller a key stands for in this app, or null for any key problem (absent, unknown,
 * revoked, another app's): the API answers them all alike.
 */
export async function authenticateApiKey(appId: string, key: unknown): Promise<ApiKeyAuth | null> {
  if (!isUuid(appId) || !looksLikeApiKey(key)) return null;
  const db = await getDb();
  const byDigest = preparedFor(db, "api-key", () =>
    db
      .select({
        id: apiKeys.id,
        name: apiKeys.name,
        scopes: apiKeys.scopes,
        companyId: apiKeys.companyId,
        rateLimit: apiKeys.rateLimit,
        lastUsedAt: apiKeys.lastUsedAt,
      })
      .from(apiKeys)
      .where(
        and(eq(apiKeys.appId, sql.placeholder("appId")), eq(apiKeys.digest, sql.placeholder("digest")), isNull(apiKeys.revokedAt)),
      )
      .limit(1),
  );
  const [row] = (await byDigest.execute({ appId, digest: digestApiKey(key) })) as {
    id: string;
    name: string;
    scopes: string[];
    companyId: string | null;
    rateLimit: number;
    lastUsedAt: Date | null;
  }[];
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    // At most once a minute: a write per request would cost more than the request.
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.appId, appId),
          eq(apiKeys.id, row.id),
          sql`(${apiKeys.lastUsedAt} IS NULL OR ${apiKeys.lastUsedAt} < now() - interval '1 minute')`,
        ),
      );
  }
  return {
    keyId: row.id,
    rateLimit: row.rateLimit,
    caller: {
      appId,
      companyIds: row.companyId ? [row.companyId] : "all",
      scopes: row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)),
      actor: { type: "api_key", id: row.id, name: row.name },
    },
  };
}

export type ApiKeyView = Awaited<ReturnType<typeof listApiKeys>>[number];
