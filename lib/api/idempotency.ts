// Idempotency-Key support for the API's creates. One transaction per keyed request holds the
// key (a transaction-scoped advisory lock), runs the work and stores its answer: the booking
// and the answer a retry replays commit together, or neither does. A crash, a lost database
// connection or a failed statement anywhere before COMMIT leaves nothing behind (the retry
// runs afresh); after COMMIT the retry replays. Keys live 24 hours, in Postgres, so every app
// instance sees them.
import "server-only";
import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { detached, executeRows, getDb, withTransaction } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { AppError } from "../contract/errors";

export const IDEMPOTENCY_TTL_HOURS = 24;
const TTL = sql.raw(`interval '${IDEMPOTENCY_TTL_HOURS} hours'`);

export type IdempotencyScope = { appId: string; apiKeyId: string; key: string };

/** What a request answered: stored and replayed when `status` is 2xx. */
export type IdempotentAnswer = { status: number; body: unknown };

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

/** The work answered a non-2xx status: roll everything back and answer it, storing nothing. */
class Refused {
  constructor(readonly answer: IdempotentAnswer) {}
}

/**
 * Runs `work` once per key: in one transaction with the key held, so everything it writes
 * (through `getDb()`) commits with its stored answer. A retry with the same hash replays that
 * answer (`replayed: true`); another hash answers `idempotency-conflict`, and so does a retry
 * while the first still runs (`details.inFlight`). A non-2xx answer or a thrown error rolls
 * everything back: nothing is stored, and the caller may retry with the same key.
 *
 * On PGlite (one connection, one transaction at a time) a concurrent retry waits for the first
 * to end and then replays, rather than answering "in flight".
 */
export async function withIdempotencyKey(
  scope: IdempotencyScope,
  hash: string,
  work: () => Promise<IdempotentAnswer>,
): Promise<IdempotentAnswer & { replayed: boolean }> {
  sweepExpired();
  try {
    return await withTransaction(async () => {
      const db = await getDb();
      const stored = await claim(scope, hash);
      if (stored) return { ...stored, replayed: true };
      const answer = await work();
      if (answer.status < 200 || answer.status > 299) throw new Refused(answer);
      await db
        .insert(idempotencyKeys)
        .values({ ...scope, requestHash: hash, responseStatus: answer.status, responseBody: answer.body });
      return { ...answer, replayed: false };
    });
  } catch (err) {
    if (err instanceof Refused) return { ...err.answer, replayed: false };
    throw err;
  }
}

/**
 * Takes the key for the open transaction and answers its stored answer, if any. Never waits:
 * the lock is tried, and a key held by a request still running answers in-flight. The read
 * comes after the lock, in its own statement: in READ COMMITTED each statement sees what was
 * committed when it began, so it sees the answer of a request that held the lock before us.
 */
async function claim(scope: IdempotencyScope, hash: string): Promise<IdempotentAnswer | null> {
  const db = await getDb();
  const [k1, k2] = lockKeys(scope);
  const [{ locked }] = await executeRows<{ locked: boolean }>(db, sql`SELECT pg_try_advisory_xact_lock(${k1}::int, ${k2}::int) AS locked`);
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.responseStatus,
      body: idempotencyKeys.responseBody,
      expired: sql<boolean>`${idempotencyKeys.createdAt} < now() - ${TTL}`,
    })
    .from(idempotencyKeys)
    .where(whereScope(scope))
    .limit(1);
  // A stored answer is final: it is replayed (or refused) whoever holds the lock meanwhile.
  if (row && !row.expired) {
    if (row.requestHash !== hash) throw new AppError("idempotency-conflict");
    return { status: row.status, body: row.body };
  }
  if (!locked) {
    throw new AppError("idempotency-conflict", "Une requête avec cette clé d'idempotence est encore en cours", {
      details: { inFlight: true },
    });
  }
  if (row) await db.delete(idempotencyKeys).where(whereScope(scope));
  return null;
}

/**
 * The advisory lock's two int4 keys: 64 bits of a hash of the scope. A collision between two
 * keys in flight at once would only answer one of them "in flight" for a moment. The two-int4
 * form is a key space of its own, apart from the migrations' bigint lock.
 */
function lockKeys(scope: IdempotencyScope): [number, number] {
  const digest = createHash("sha256").update(`${scope.appId}\0${scope.apiKeyId}\0${scope.key}`).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}

function whereScope(scope: IdempotencyScope) {
  return and(
    eq(idempotencyKeys.appId, scope.appId),
    eq(idempotencyKeys.apiKeyId, scope.apiKeyId),
    eq(idempotencyKeys.key, scope.key),
  );
}

let lastSweep = 0;

/**
 * Expired keys are dropped now and then (throttled per process; a missed sweep is harmless),
 * outside the request's transaction: it must not wait for it, nor hold it open.
 */
function sweepExpired(): void {
  const now = Date.now();
  if (now - lastSweep < 10 * 60_000) return;
  lastSweep = now;
  detached(() => {
    void getDb()
      .then((db) => db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - ${TTL}`)))
      .catch((err) => console.error("idempotency sweep failed", err));
  });
}
