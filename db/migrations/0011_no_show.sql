ALTER TABLE "appointments" ADD COLUMN "cancellation_kind" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "cancellation_reason" text;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_cancellation_kind" CHECK ("appointments"."cancellation_kind" IN ('cancelled', 'no-show'));--> statement-breakpoint
-- Appointments cancelled before no-shows were told apart: cancelled, with their last
-- cancellation's reason from the history.
UPDATE "appointments" a SET "cancellation_kind" = 'cancelled', "cancellation_reason" = (
  SELECT e."reason" FROM "appointment_events" e
  WHERE e."app_id" = a."app_id" AND e."appointment_id" = a."id" AND e."to_status" = 'CANCELLED'
  ORDER BY e."id" DESC LIMIT 1
) WHERE a."status" = 'CANCELLED';
