CREATE TABLE "message_planner" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"last_event_id" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_providers" (
	"app_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secret_encrypted" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_providers_app_id_channel_pk" PRIMARY KEY("app_id","channel")
);
--> statement-breakpoint
CREATE TABLE "message_settings" (
	"app_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_settings_app_id_company_id_pk" PRIMARY KEY("app_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"trigger" text NOT NULL,
	"occurrence" text DEFAULT '' NOT NULL,
	"event_id" bigint,
	"channel" text,
	"recipient" text,
	"language" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"template" jsonb,
	"state" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"provider_id" text,
	"failure_reason" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "messages_app_id_id_pk" PRIMARY KEY("app_id","id")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "language" text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "first_name" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "preferred_channel" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "opt_outs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "message_providers" ADD CONSTRAINT "message_providers_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_settings" ADD CONSTRAINT "message_settings_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_app_id_appointment_id_appointments_app_id_id_fk" FOREIGN KEY ("app_id","appointment_id") REFERENCES "public"."appointments"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_app_id_customer_id_customers_app_id_id_fk" FOREIGN KEY ("app_id","customer_id") REFERENCES "public"."customers"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_once_key" ON "messages" USING btree ("app_id","appointment_id","trigger","occurrence");--> statement-breakpoint
CREATE INDEX "messages_app_due_idx" ON "messages" USING btree ("app_id","due_at","id");--> statement-breakpoint
CREATE INDEX "messages_appointment_idx" ON "messages" USING btree ("app_id","appointment_id");--> statement-breakpoint
CREATE INDEX "messages_provider_idx" ON "messages" USING btree ("app_id","channel","provider_id");--> statement-breakpoint
CREATE INDEX "messages_due_idx" ON "messages" USING btree ("due_at") WHERE state IN ('scheduled', 'queued');--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_language" CHECK ("customers"."language" IN ('fr', 'en'));