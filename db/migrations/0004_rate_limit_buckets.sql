-- Per-key rate limit as a token bucket (GCRA): one row per key holding the "theoretical arrival
-- time" of its next request. Fixed one-minute windows let a client send its whole limit at the
-- end of one minute and again at the start of the next; a bucket refills steadily instead.
-- UNLOGGED: one upsert per request stays cheap; a crash only refills the buckets.
DROP TABLE IF EXISTS "rate_limit_counters";--> statement-breakpoint
CREATE UNLOGGED TABLE "rate_limit_buckets" (
  "app_id" uuid NOT NULL,
  "api_key_id" uuid NOT NULL,
  "tat" timestamp with time zone NOT NULL,
  PRIMARY KEY ("app_id", "api_key_id")
);
