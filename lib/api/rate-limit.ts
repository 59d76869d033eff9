// Per-key request limits for the HTTP API, in Postgres so every app instance shares them.
// A token bucket in its GCRA form: each key's row holds the theoretical arrival time (tat) of
// its next request; a request moves it one "emission interval" (a minute / the limit) later,
// and is refused when that would put it more than a minute ahead of now. The whole limit can
// be spent at once, then it refills steadily: no double burst across a minute boundary, as
// fixed windows allowed. One upsert per request into an UNLOGGED table, in the same statement
// as the key's lookup (lib/auth/api-keys.ts).
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";

export const RATE_LIMIT_PERIOD_SECONDS = 60;

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  /** Requests that could be sent at once right now. */
  remaining: number;
  /** Seconds until the bucket is full again (at least 1). */
  resetSeconds: number;
  /** Seconds until the next request would be accepted: the Retry-After of a refusal (0 when allowed). */
  retryAfterSeconds: number;
};

/**
 * The bucket's upsert as one statement: moves the key's tat when the request fits, leaves it
 * when not, and answers whether it moved and the tat and clock it was judged with (`allowed`,
 * `ahead`, in a CTE named `counted`). `subject` selects the key's row: `app_id`, `api_key_id`,
 * `rate_limit` (none: nothing counted); `answer` is the statement's final SELECT over `subject`
 * and `counted`. `now` (null: the database's clock) lets tests place requests at chosen instants.
 */
export function bucketStatement(subject: SQL, answer: SQL, now: Date | null = null): SQL {
  const emission = (limit: SQL) => sql`(${RATE_LIMIT_PERIOD_SECONDS * 1000}::float8 / ${limit}) * interval '1 millisecond'`;
  const period = sql`${RATE_LIMIT_PERIOD_SECONDS}::int * interval '1 second'`;
  const next = sql`greatest(b.tat, (SELECT t FROM clock)) + ${emission(sql`(SELECT rate_limit FROM subject)`)}`;
  return sql`
    WITH subject AS (${subject}),
    clock AS (SELECT coalesce(${now?.toISOString() ?? null}::timestamptz, clock_timestamp()) AS t),
    hit AS (
      INSERT INTO rate_limit_buckets AS b (app_id, api_key_id, tat)
      SELECT s.app_id, s.api_key_id, clock.t + ${emission(sql`s.rate_limit`)} FROM subject s, clock
      ON CONFLICT (app_id, api_key_id) DO UPDATE
        SET tat = ${next}
        WHERE ${next} <= (SELECT t FROM clock) + ${period}
      RETURNING b.tat
    ),
    counted AS (
      SELECT true AS allowed, extract(epoch FROM hit.tat - clock.t)::float8 AS ahead
      FROM hit, clock
      UNION ALL
      SELECT false, extract(epoch FROM greatest(b.tat, clock.t) + ${emission(sql`s.rate_limit`)} - clock.t)::float8
      FROM rate_limit_buckets b, clock, subject s
      WHERE b.app_id = s.app_id AND b.api_key_id = s.api_key_id AND NOT EXISTS (SELECT 1 FROM hit)
    )
    ${answer}`;
}

/** The bucket's upsert for a known key and limit. */
export function rateLimitStatement(appId: string, apiKeyId: string, limit: number, now: Date | null = null): SQL {
  return bucketStatement(
    sql`SELECT ${appId}::uuid AS app_id, ${apiKeyId}::uuid AS api_key_id, ${limit}::int AS rate_limit`,
    sql`SELECT allowed, ahead FROM counted`,
    now,
  );
}

/** Counts one request of an API key and says whether it is within the key's limit. */
export async function hitRateLimit(appId: string, apiKeyId: string, limit: number, now: Date | null = null): Promise<RateLimitResult> {
  const db = await getDb();
  const [row] = await executeRows<{ allowed: boolean; ahead: number }>(db, rateLimitStatement(appId, apiKeyId, limit, now));
  return countedResult(limit, row);
}

/** The answer from the `counted` row of `bucketStatement`. */
export function countedResult(limit: number, row: { allowed: boolean | null; ahead: number | null } | undefined): RateLimitResult {
  // No row: the bucket was made by a request not yet visible to this statement, and this one
  // did not fit in it.
  if (!row || row.allowed === null) return rateLimitResult(limit, false, RATE_LIMIT_PERIOD_SECONDS + RATE_LIMIT_PERIOD_SECONDS / limit);
  return rateLimitResult(limit, row.allowed, Number(row.ahead));
}

/**
 * The answer from how far ahead of now the key's tat is (after this request when allowed, as
 * it would have been when refused). Pure.
 */
export function rateLimitResult(limit: number, allowed: boolean, aheadSeconds: number): RateLimitResult {
  const emission = RATE_LIMIT_PERIOD_SECONDS / limit;
  // Rounded to the millisecond first: interval arithmetic leaves dust that would turn 12 into 13.
  const ahead = Math.round(aheadSeconds * 1000) / 1000;
  if (allowed) {
    return {
      allowed,
      limit,
      remaining: Math.max(0, Math.floor((RATE_LIMIT_PERIOD_SECONDS - ahead) / emission + 1e-9)),
      resetSeconds: Math.max(1, Math.ceil(ahead)),
      retryAfterSeconds: 0,
    };
  }
  return {
    allowed,
    limit,
    remaining: 0,
    resetSeconds: Math.max(1, Math.ceil(ahead - emission)),
    retryAfterSeconds: Math.max(1, Math.ceil(ahead - RATE_LIMIT_PERIOD_SECONDS)),
  };
}
