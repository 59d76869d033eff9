-- Read-your-writes for API keys when lists are read on a replica (db/index.ts, withReadDb):
-- where in the primary's WAL each key's latest write ended. A list by that key goes to the
-- replica only once it has replayed that far. Kept in PostgreSQL, so every app instance sees
-- it; UNLOGGED: one cheap upsert per write (no WAL, no wait for a flush), and a crash that
-- empties it leaves only the replica's lag bound (2 s) between a write and the key's reads.
CREATE UNLOGGED TABLE "api_key_writes" (
  "app_id" uuid NOT NULL,
  "api_key_id" uuid NOT NULL,
  "lsn" pg_lsn NOT NULL,
  "at" timestamp with time zone NOT NULL DEFAULT now(),
  PRIMARY KEY ("app_id", "api_key_id")
);
