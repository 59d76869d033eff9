CREATE TYPE "public"."appointment_status" AS ENUM('PENDING', 'CONFIRMED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('user', 'api_key', 'system');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'admin', 'staff');--> statement-breakpoint
CREATE TABLE "apps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"email" text,
	"telephone" text,
	"address" text,
	"logo" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"timezone" text DEFAULT 'Africa/Abidjan' NOT NULL,
	"currency" text DEFAULT 'XOF' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_app_id_id_pk" PRIMARY KEY("app_id","id")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"base_price" integer DEFAULT 0 NOT NULL,
	"duration" integer NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"image" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_app_id_id_pk" PRIMARY KEY("app_id","id"),
	CONSTRAINT "services_app_company_id_key" UNIQUE("app_id","company_id","id")
);
--> statement-breakpoint
CREATE TABLE "agent_services" (
	"app_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"agent_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "agent_services_app_id_agent_id_service_id_pk" PRIMARY KEY("app_id","agent_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "agents" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"fullname" text NOT NULL,
	"email" text,
	"telephone" text,
	"role" text,
	"avatar" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agents_app_id_id_pk" PRIMARY KEY("app_id","id"),
	CONSTRAINT "agents_app_company_id_key" UNIQUE("app_id","company_id","id")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"fullname" text NOT NULL,
	"telephone" text NOT NULL,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_app_id_id_pk" PRIMARY KEY("app_id","id")
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"agent_id" uuid,
	"date" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"total_price" integer NOT NULL,
	"commune" text,
	"filled_fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "appointment_status" DEFAULT 'PENDING' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_app_id_id_pk" PRIMARY KEY("app_id","id"),
	CONSTRAINT "appointments_end_after_start" CHECK ("appointments"."end" > "appointments"."date"),
	CONSTRAINT "appointments_price_non_negative" CHECK ("appointments"."total_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "appointment_events" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"appointment_id" uuid NOT NULL,
	"from_status" "appointment_status",
	"to_status" "appointment_status" NOT NULL,
	"kind" text DEFAULT 'status' NOT NULL,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"reason" text,
	"at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "appointment_events_app_id_id_pk" PRIMARY KEY("app_id","id")
);
--> statement-breakpoint
CREATE TABLE "membership_companies" (
	"app_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	CONSTRAINT "membership_companies_app_id_user_id_company_id_pk" PRIMARY KEY("app_id","user_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"app_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_app_id_user_id_pk" PRIMARY KEY("app_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"locale" text DEFAULT 'fr' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"digest" text NOT NULL,
	"scopes" text[] NOT NULL,
	"company_id" uuid,
	"rate_limit" integer DEFAULT 600 NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_app_id_id_pk" PRIMARY KEY("app_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"app_id" uuid NOT NULL,
	"api_key_id" uuid NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response_status" integer,
	"response_body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_app_id_api_key_id_key_pk" PRIMARY KEY("app_id","api_key_id","key")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "companies" ADD CONSTRAINT "companies_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_services" ADD CONSTRAINT "agent_services_app_id_company_id_agent_id_agents_app_id_company_id_id_fk" FOREIGN KEY ("app_id","company_id","agent_id") REFERENCES "public"."agents"("app_id","company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_services" ADD CONSTRAINT "agent_services_app_id_company_id_service_id_services_app_id_company_id_id_fk" FOREIGN KEY ("app_id","company_id","service_id") REFERENCES "public"."services"("app_id","company_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_app_id_company_id_service_id_services_app_id_company_id_id_fk" FOREIGN KEY ("app_id","company_id","service_id") REFERENCES "public"."services"("app_id","company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_app_id_company_id_agent_id_agents_app_id_company_id_id_fk" FOREIGN KEY ("app_id","company_id","agent_id") REFERENCES "public"."agents"("app_id","company_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_app_id_customer_id_customers_app_id_id_fk" FOREIGN KEY ("app_id","customer_id") REFERENCES "public"."customers"("app_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_app_id_appointment_id_appointments_app_id_id_fk" FOREIGN KEY ("app_id","appointment_id") REFERENCES "public"."appointments"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_companies" ADD CONSTRAINT "membership_companies_app_id_user_id_memberships_app_id_user_id_fk" FOREIGN KEY ("app_id","user_id") REFERENCES "public"."memberships"("app_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_companies" ADD CONSTRAINT "membership_companies_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_app_slug_key" ON "companies" USING btree ("app_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "companies_one_default_per_app" ON "companies" USING btree ("app_id") WHERE "companies"."is_default";--> statement-breakpoint
CREATE UNIQUE INDEX "services_app_company_slug_key" ON "services" USING btree ("app_id","company_id","slug");--> statement-breakpoint
CREATE INDEX "agent_services_service_idx" ON "agent_services" USING btree ("app_id","service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_app_telephone_key" ON "customers" USING btree ("app_id","telephone");--> statement-breakpoint
CREATE INDEX "appointments_app_date_idx" ON "appointments" USING btree ("app_id","date","id");--> statement-breakpoint
CREATE INDEX "appointments_company_date_idx" ON "appointments" USING btree ("app_id","company_id","date","id");--> statement-breakpoint
CREATE INDEX "appointments_company_status_date_idx" ON "appointments" USING btree ("app_id","company_id","status","date","id");--> statement-breakpoint
CREATE INDEX "appointments_agent_date_idx" ON "appointments" USING btree ("app_id","agent_id","date");--> statement-breakpoint
CREATE INDEX "appointments_customer_date_idx" ON "appointments" USING btree ("app_id","customer_id","date");--> statement-breakpoint
CREATE INDEX "appointment_events_appointment_idx" ON "appointment_events" USING btree ("app_id","appointment_id","at");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_app_digest_key" ON "api_keys" USING btree ("app_id","digest");