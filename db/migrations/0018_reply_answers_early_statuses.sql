CREATE TABLE "message_early_statuses" (
	"app_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"provider_id" text NOT NULL,
	"state" text NOT NULL,
	"reason" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_early_statuses_app_id_channel_provider_id_pk" PRIMARY KEY("app_id","channel","provider_id")
);
--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "company_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "appointment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ALTER COLUMN "customer_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reply_id" uuid;--> statement-breakpoint
ALTER TABLE "message_early_statuses" ADD CONSTRAINT "message_early_statuses_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_early_statuses_age_idx" ON "message_early_statuses" USING btree ("app_id","received_at");--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_app_id_reply_id_message_replies_app_id_id_fk" FOREIGN KEY ("app_id","reply_id") REFERENCES "public"."message_replies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_reply_key" ON "messages" USING btree ("app_id","reply_id");