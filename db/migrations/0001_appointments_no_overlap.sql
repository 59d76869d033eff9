-- An agent cannot hold two active appointments that overlap in time. Half-open ranges,
-- so back-to-back appointments are fine. app_id leads so the constraint survives
-- distribution by app_id.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_agent_no_overlap"
  EXCLUDE USING gist ("app_id" WITH =, "agent_id" WITH =, tstzrange("date", "end", '[)') WITH &&)
  WHERE ("agent_id" IS NOT NULL AND "status" IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS'));
