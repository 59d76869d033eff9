CREATE TABLE "demo_plans" (
	"app_id" uuid PRIMARY KEY NOT NULL,
	"planned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demo_plans" ADD CONSTRAINT "demo_plans_app_id_apps_id_fk" FOREIGN KEY ("app_id") REFERENCES "public"."apps"("id") ON DELETE cascade ON UPDATE no action;