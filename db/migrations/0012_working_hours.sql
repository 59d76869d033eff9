CREATE TABLE "agent_time_off" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"kind" text DEFAULT 'off' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"start_time" text,
	"end_time" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_time_off_app_id_id_pk" PRIMARY KEY("app_id","id"),
	CONSTRAINT "agent_time_off_dates" CHECK ("agent_time_off"."end_date" >= "agent_time_off"."start_date"),
	CONSTRAINT "agent_time_off_kind" CHECK ("agent_time_off"."kind" IN ('off', 'extra'))
);
--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "opening_hours" jsonb;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "min_notice_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "buffer_before" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "buffer_after" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "schedule" jsonb;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "buffer_before" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "buffer_after" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "blocked_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "blocked_to" timestamp with time zone;--> statement-breakpoint
-- The range the agent is busy: the appointment widened by the buffers copied onto it at
-- booking. timestamptz ± interval is not immutable, so it cannot be a generated column or an
-- expression of the exclusion constraint: this trigger keeps the two columns right on every
-- insert and update (a move that writes only date and end included).
CREATE FUNCTION "appointments_blocked_range"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.blocked_from := NEW.date - make_interval(mins => NEW.buffer_before);
  NEW.blocked_to := NEW."end" + make_interval(mins => NEW.buffer_after);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "appointments_blocked_range" BEFORE INSERT OR UPDATE ON "appointments"
  FOR EACH ROW EXECUTE FUNCTION "appointments_blocked_range"();--> statement-breakpoint
UPDATE "appointments" SET "blocked_from" = "date", "blocked_to" = "end";--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "blocked_from" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ALTER COLUMN "blocked_to" SET NOT NULL;--> statement-breakpoint
-- The no-overlap guarantee now covers the buffers: it compares blocked ranges.
ALTER TABLE "appointments" DROP CONSTRAINT "appointments_agent_no_overlap";--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_agent_no_overlap"
  EXCLUDE USING gist ("app_id" WITH =, "agent_id" WITH =, tstzrange("blocked_from", "blocked_to", '[)') WITH &&)
  WHERE ("agent_id" IS NOT NULL AND "status" IN ('PENDING', 'CONFIRMED', 'IN_PROGRESS'));--> statement-breakpoint
ALTER TABLE "agent_time_off" ADD CONSTRAINT "agent_time_off_app_id_company_id_agent_id_agents_app_id_company_id_id_fk" FOREIGN KEY ("app_id","company_id","agent_id") REFERENCES "public"."agents"("app_id","company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_time_off_agent_dates_idx" ON "agent_time_off" USING btree ("app_id","agent_id","end_date");--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_buffers_range" CHECK ("services"."buffer_before" BETWEEN 0 AND 240 AND "services"."buffer_after" BETWEEN 0 AND 240);--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_buffers_range" CHECK ("appointments"."buffer_before" BETWEEN 0 AND 240 AND "appointments"."buffer_after" BETWEEN 0 AND 240);