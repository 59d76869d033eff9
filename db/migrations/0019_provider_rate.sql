ALTER TABLE "message_providers" ADD COLUMN "rate_per_second" integer;--> statement-breakpoint
ALTER TABLE "message_providers" ADD COLUMN "send_tokens" double precision;--> statement-breakpoint
ALTER TABLE "message_providers" ADD COLUMN "send_tokens_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "messages_channel_due_idx" ON "messages" USING btree ("app_id","channel","due_at") WHERE state IN ('scheduled', 'queued');