-- The appointment history becomes the event feed: an increasing bigint id from one sequence,
-- the company, the event type, the appointment as `get` answers it right after the change
-- (`data`), what else changed (`details`), the writing transaction (`xid`, so readers never skip
-- an event that commits late) and whether it is sent out (`published`). Existing history is
-- numbered in the order it happened; its `data` is the appointment as it is now, with the
-- event's status (the feed did not exist when it was written). An insert trigger notifies each
-- published event's id on commit.
ALTER TABLE "appointment_events" ADD COLUMN "seq" bigint;--> statement-breakpoint
WITH ordered AS (SELECT app_id, id, row_number() OVER (ORDER BY "at", id) AS n FROM "appointment_events")
UPDATE "appointment_events" e SET "seq" = o.n FROM ordered o WHERE e.app_id = o.app_id AND e.id = o.id;--> statement-breakpoint
ALTER TABLE "appointment_events" DROP CONSTRAINT "appointment_events_app_id_id_pk";--> statement-breakpoint
ALTER TABLE "appointment_events" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "appointment_events" RENAME COLUMN "seq" TO "id";--> statement-breakpoint
CREATE SEQUENCE "appointment_events_id_seq" AS bigint OWNED BY "appointment_events"."id";--> statement-breakpoint
SELECT setval('appointment_events_id_seq', coalesce((SELECT max(id) FROM "appointment_events"), 0) + 1, false);--> statement-breakpoint
ALTER TABLE "appointment_events" ALTER COLUMN "id" SET DEFAULT nextval('appointment_events_id_seq');--> statement-breakpoint
ALTER TABLE "appointment_events" ALTER COLUMN "id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_app_id_id_pk" PRIMARY KEY ("app_id", "id");--> statement-breakpoint
ALTER TABLE "appointment_events" ADD COLUMN "company_id" uuid;--> statement-breakpoint
UPDATE "appointment_events" e SET "company_id" = a.company_id FROM "appointments" a WHERE a.app_id = e.app_id AND a.id = e.appointment_id;--> statement-breakpoint
ALTER TABLE "appointment_events" ALTER COLUMN "company_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD CONSTRAINT "appointment_events_app_id_company_id_companies_app_id_id_fk" FOREIGN KEY ("app_id","company_id") REFERENCES "public"."companies"("app_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD COLUMN "type" text;--> statement-breakpoint
UPDATE "appointment_events" SET "type" = CASE
  WHEN "from_status" IS NULL THEN 'appointment.created'
  WHEN "kind" = 'fields' THEN 'appointment.fields_updated'
  ELSE 'appointment.status_changed' END;--> statement-breakpoint
ALTER TABLE "appointment_events" ALTER COLUMN "type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_events" DROP COLUMN "kind";--> statement-breakpoint
ALTER TABLE "appointment_events" ADD COLUMN "details" jsonb;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD COLUMN "xid" xid8 DEFAULT pg_current_xact_id() NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD COLUMN "published" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "appointment_events" ADD COLUMN "data" jsonb;--> statement-breakpoint
UPDATE "appointment_events" e SET "data" = jsonb_set(json_build_object(
  'id', a.id, 'appId', a.app_id, 'companyId', a.company_id, 'serviceId', a.service_id,
  'customerId', a.customer_id, 'agentId', a.agent_id,
  'date', to_char(a.date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'end', to_char(a."end" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'totalPrice', a.total_price, 'commune', a.commune, 'filledFields', a.filled_fields, 'status', a.status,
  'createdAt', to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'updatedAt', to_char(a.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'service', json_build_object('id', s.id, 'name', s.name, 'slug', s.slug, 'duration', s.duration, 'basePrice', s.base_price, 'fields', s.fields),
  'agent', CASE WHEN g.id IS NULL THEN NULL ELSE json_build_object('id', g.id, 'fullname', g.fullname, 'avatar', g.avatar) END,
  'customer', json_build_object('id', c.id, 'fullname', c.fullname, 'telephone', c.telephone, 'email', c.email),
  'company', json_build_object('id', co.id, 'name', co.name, 'slug', co.slug, 'timezone', co.timezone, 'currency', co.currency)
)::jsonb, '{status}', to_jsonb(e.to_status::text))
FROM "appointments" a
  JOIN "services" s ON s.app_id = a.app_id AND s.id = a.service_id
  JOIN "customers" c ON c.app_id = a.app_id AND c.id = a.customer_id
  JOIN "companies" co ON co.app_id = a.app_id AND co.id = a.company_id
  LEFT JOIN "agents" g ON g.app_id = a.app_id AND g.id = a.agent_id
WHERE a.app_id = e.app_id AND a.id = e.appointment_id;--> statement-breakpoint
ALTER TABLE "appointment_events" ALTER COLUMN "data" SET NOT NULL;--> statement-breakpoint
DROP INDEX IF EXISTS "appointment_events_appointment_idx";--> statement-breakpoint
CREATE INDEX "appointment_events_appointment_idx" ON "appointment_events" USING btree ("app_id","appointment_id","id");--> statement-breakpoint
CREATE INDEX "appointment_events_company_idx" ON "appointment_events" USING btree ("app_id","company_id","id");--> statement-breakpoint
CREATE INDEX "appointment_events_id_idx" ON "appointment_events" USING btree ("id");--> statement-breakpoint
CREATE FUNCTION "appointment_events_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('appointment_events', NEW.id::text);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "appointment_events_notify" AFTER INSERT ON "appointment_events"
  FOR EACH ROW WHEN (NEW.published) EXECUTE FUNCTION "appointment_events_notify"();
