-- Per-key request counters for the API's rate limit, one row per key and minute.
-- UNLOGGED: one upsert per request stays cheap; a crash only forgets the current window.
CREATE UNLOGGED TABLE "rate_limit_counters" (
  "app_id" uuid NOT NULL,
  "api_key_id" uuid NOT NULL,
  "window_start" timestamp with time zone NOT NULL,
  "count" integer NOT NULL DEFAULT 0,
  PRIMARY KEY ("app_id", "api_key_id", "window_start")
);
