// Per-key request counting for the HTTP API, in Postgres so every app instance shares it.
// One upsert per request into the UNLOGGED rate_limit_counters table (fixed one-minute
// windows); a crash only forgets the current window's counts.
import "server-only";
import { sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";

export const RATE_LIMIT_WINDOW_SECONDS = 60;

export type RateLimitResult = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the current window ends (at least 1): the Retry-After of a refusal. */
  resetSeconds: number;
};

/** Counts one request of an API key and says whether it is within the key's limit. */
export async function hitRateLimit(appId: string, apiKeyId: string, limit: number): Promise<RateLimitResult> {
  const db = await getDb();
  const [row] = await executeRows<{ count: number; reset: number }>(
    db,
    sql`
      INSERT INTO rate_limit_counters AS r (app_id, api_key_id, window_start, count)
      VALUES (${appId}::uuid, ${apiKeyId}::uuid, date_trunc('minute', now()), 1)
      ON CONFLICT (app_id, api_key_id, window_start) DO UPDATE SET count = r.count + 1
      RETURNING r.count,
        ceil(extract(epoch FROM r.window_start + interval '1 minute' - clock_timestamp()))::int AS reset
    `,
  );
  sweepOldWindows();
  const count = Number(row.count);
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.min(RATE_LIMIT_WINDOW_SECONDS, Math.max(1, Number(row.reset))),
  };
}

let lastSweep = 0;

/**
 * Past windows are useless: drop them now and then. Throttled per process (a missed or
 * repeated sweep is harmless, so nothing needs to be shared between instances).
 */
function sweepOldWindows(): void {
  const now = Date.now();
  if (now - lastSweep < RATE_LIMIT_WINDOW_SECONDS * 1000) return;
  lastSweep = now;
  void getDb()
    .then((db) => db.execute(sql`DELETE FROM rate_limit_counters WHERE window_start < now() - interval '2 minutes'`))
    .catch((err) => console.error("rate-limit sweep failed", err));
}
