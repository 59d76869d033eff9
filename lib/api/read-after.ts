// Read-your-writes for API keys, when lists are read on a replica (db/index.ts, withReadDb).
// After a key's write has committed, the primary's WAL position is stored for that key
// (api_key_writes, UNLOGGED, in PostgreSQL: every app instance sees it, whichever one took the
// write). A later list by the key reads it and goes to the replica only once the replica has
// replayed past it; until then (usually well under a second), to the primary. A position older
// than a minute is ignored: by then any replica still in use has replayed it (its lag is bounded
// at a few seconds), and a position left from an earlier database (a restore) cannot pin a key to
// the primary.
import "server-only";
import { sql } from "drizzle-orm";
import { detached, executeRows, getDb } from "@/db";

/** Records that the key has just written (after its transaction committed). */
export async function markKeyWrote(appId: string, apiKeyId: string): Promise<void> {
  await detached(async () => {
    const db = await getDb();
    await db.execute(sql`
      INSERT INTO api_key_writes AS w (app_id, api_key_id, lsn, at)
      VALUES (${appId}::uuid, ${apiKeyId}::uuid, pg_current_wal_lsn(), now())
      ON CONFLICT (app_id, api_key_id) DO UPDATE
        SET lsn = CASE WHEN w.at > now() - interval '1 minute' THEN greatest(w.lsn, excluded.lsn) ELSE excluded.lsn END,
            at = excluded.at`);
  });
}

/** The position the key's reads must include, or null when it has not written lately. */
export async function keyReadAfter(appId: string, apiKeyId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await executeRows<{ lsn: string }>(
    db,
    sql`SELECT lsn::text AS lsn FROM api_key_writes
        WHERE app_id = ${appId}::uuid AND api_key_id = ${apiKeyId}::uuid AND at > now() - interval '1 minute'`,
  );
  return row?.lsn ?? null;
}
