import "server-only";
import { and, desc, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import type { DeadlineScope } from "@/db/deadline";
import { apiKeys } from "@/db/schema";
import { AppError, pgErrorCode } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { preparedStatement } from "../prepared";
import { bucketStatement, countedResult, type RateLimitResult } from "../api/rate-limit";
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

export type ApiKeyAuth = { caller: Caller; keyId: string; rateLimit: number; limited: RateLimitResult };

/**
 * The key's lookup and its rate-limit count in one statement (one round trip per request):
 * the key by its digest, then its bucket moved as lib/api/rate-limit.ts does. `stale`: its
 * last use is to be written again. Exported for the benchmark's bare server, which runs it too.
 */
export function apiKeyRequestStatement(appId: Placeholder | string, digest: Placeholder | string): SQL {
  return bucketStatement(
    sql`SELECT k.app_id, k.id AS api_key_id, k.rate_limit, k.name, k.scopes, k.company_id,
        (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS stale
      FROM api_keys k WHERE k.app_id = ${appId}::uuid AND k.digest = ${digest} AND k.revoked_at IS NULL LIMIT 1`,
    sql`SELECT s.api_key_id AS id, s.name, s.scopes, s.company_id, s.rate_limit, s.stale, c.allowed, c.ahead
      FROM subject s LEFT JOIN counted c ON true`,
  );
}

type KeyRow = {
  id: string;
  name: string;
  scopes: string[];
  company_id: string | null;
  rate_limit: number;
  stale: boolean;
  allowed: boolean | null;
  ahead: number | null;
};

/**
 * The caller a key stands for in this app, or null for any key problem (absent, unknown,
 * revoked, another app's): the API answers them all alike. Counts the request against the
 * key's rate limit (`limited`). `deadline`: the API call's, which runs outside the request
 * context when it only reads (db/deadline.ts).
 */
export async function authenticateApiKey(appId: string, key: unknown, deadline?: DeadlineScope): Promise<ApiKeyAuth | null> {
  if (!isUuid(appId) || !looksLikeApiKey(key)) return null;
  const db = await getDb();
  const statement = preparedStatement(db, "api-key-request", () => apiKeyRequestStatement(sql.placeholder("appId"), sql.placeholder("digest")));
  const [row] = await statement.execute<KeyRow>({ appId, digest: digestApiKey(key) }, deadline);
  if (!row) return null;
  if (row.stale) {
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
    rateLimit: row.rate_limit,
    limited: countedResult(row.rate_limit, row),
    caller: {
      appId,
      companyIds: row.company_id ? [row.company_id] : "all",
      scopes: row.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)),
      actor: { type: "api_key", id: row.id, name: row.name },
    },
  };
}

export type ApiKeyView = Awaited<ReturnType<typeof listApiKeys>>[number];
