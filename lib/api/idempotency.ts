// Idempotency-Key support for the API's creates. The reservation is inserted before the work
// (the primary key (app_id, api_key_id, key) decides which request runs it), then completed
// with the answer. A retry with the same body gets the stored answer; another body, or a
// retry while the first is still running, is refused. Keys live 24 hours, in Postgres, so
// every app instance sees them.
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { idempotencyKeys } from "@/db/schema";

export const IDEMPOTENCY_TTL_HOURS = 24;
const TTL = sql.raw(`interval '${IDEMPOTENCY_TTL_HOURS} hours'`);
/** Far longer than a request may run (the server's timeouts end it well before). */
const ABANDONED = sql.raw(`interval '2 minutes'`);

export type IdempotencyScope = { appId: string; apiKeyId: string; key: string };

export type Reservation =
  | { state: "reserved" }
  | { state: "replay"; status: number; body: unknown }
  | { state: "conflict" }
  | { state: "in-flight" };

/** Idempotency keys are the caller's: any printable ASCII, 1–255 characters. */
export function isValidIdempotencyKey(key: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(key);
}

/** A stable hash of a request: the same JSON with keys in another order hashes the same. */
export function requestHash(path: string, body: unknown): string {
  return createHash("sha256").update(path).update("\n").update(canonicalJson(body)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * Takes the key for this request, or says why not. An expired reservation (older than the
 * TTL) is taken over as if it were new, and so is one left in flight for longer than any
 * request lives (its server died mid-request): the caller's retry must not be stuck for 24 h.
 */
export async function reserveIdempotencyKey(scope: IdempotencyScope, hash: string): Promise<Reservation> {
  const db = await getDb();
  sweepExpired();
  // Two tries: the row we conflicted with may be released (deleted) before we read it.
  for (let attempt = 0; attempt < 2; attempt++) {
    const taken = await db
      .insert(idempotencyKeys)
      .values({ ...scope, requestHash: hash })
      .onConflictDoUpdate({
        target: [idempotencyKeys.appId, idempotencyKeys.apiKeyId, idempotencyKeys.key],
        set: { requestHash: hash, responseStatus: null, responseBody: null, createdAt: sql`now()` },
        setWhere: sql`${idempotencyKeys.createdAt} < now() - ${TTL}
          OR (${idempotencyKeys.responseStatus} IS NULL AND ${idempotencyKeys.createdAt} < now() - ${ABANDONED})`,
      })
      .returning({ key: idempotencyKeys.key });
    if (taken.length > 0) return { state: "reserved" };

    const [row] = await db
      .select({
        requestHash: idempotencyKeys.requestHash,
        responseStatus: idempotencyKeys.responseStatus,
        responseBody: idempotencyKeys.responseBody,
      })
      .from(idempotencyKeys)
      .where(whereScope(scope))
      .limit(1);
    if (!row) continue;
    if (row.requestHash !== hash) return { state: "conflict" };
    if (row.responseStatus === null) return { state: "in-flight" };
    return { state: "replay", status: row.responseStatus, body: row.responseBody };
  }
  return { state: "in-flight" };
}

/** Stores the answer of the request that holds the reservation. */
export async function completeIdempotencyKey(scope: IdempotencyScope, status: number, body: unknown): Promise<void> {
  const db = await getDb();
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: status, responseBody: body })
    .where(whereScope(scope));
}

/**
 * Gives the key back after a refused request (nothing was created): the caller may retry
 * with the same key once the cause is fixed.
 */
export async function releaseIdempotencyKey(scope: IdempotencyScope): Promise<void> {
  const db = await getDb();
  await db.delete(idempotencyKeys).where(and(whereScope(scope), isNull(idempotencyKeys.responseStatus)));
}

function whereScope(scope: IdempotencyScope) {
  return and(
    eq(idempotencyKeys.appId, scope.appId),
    eq(idempotencyKeys.apiKeyId, scope.apiKeyId),
    eq(idempotencyKeys.key, scope.key),
  );
}

let lastSweep = 0;

/** Expired keys are dropped now and then (throttled per process; a missed sweep is harmless). */
function sweepExpired(): void {
  const now = Date.now();
  if (now - lastSweep < 10 * 60_000) return;
  lastSweep = now;
  void getDb()
    .then((db) => db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - ${TTL}`)))
    .catch((err) => console.error("idempotency sweep failed", err));
}
