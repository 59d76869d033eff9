CREATE TABLE "message_replies" (
	"app_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"channel" text NOT NULL,
	"provider_id" text NOT NULL,
	"sender" text NOT NULL,
	"text" text NOT NULL,
	"customer_id" uuid,
	"company_id" uuid,
	"appointment_id" uuid,
	"action" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "message_replies_app_id_id_pk" PRIMARY KEY("app_id","id")
);
--> statement-breakpoint
ALTER TABLE "message_replies" ADD CONSTRAINT "message_replies_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_replies" ADD CONSTRAINT "message_replies_app_id_customer_id_customers_app_id_id_fk" FOREIGN KEY ("app_id","customer_id") REFERENCES "public"."customers"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_replies" ADD CONSTRAINT "message_replies_app_id_appointment_id_appointments_app_id_id_fk" FOREIGN KEY ("app_id","appointment_id") REFERENCES "public"."appointments"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "message_replies_provider_key" ON "message_replies" USING btree ("app_id","channel","provider_id");--> statement-breakpoint
CREATE INDEX "message_replies_unread_idx" ON "message_replies" USING btree ("app_id","received_at") WHERE read_at IS NULL;