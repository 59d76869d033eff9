-- A key's row is now written with its answer, in the transaction that did the work. Rows
-- without one are reservations left by the previous scheme (in flight, or abandoned by a
-- crash): dropping them frees their keys.
DELETE FROM "idempotency_keys" WHERE "response_status" IS NULL OR "response_body" IS NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "response_status" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ALTER COLUMN "response_body" SET NOT NULL;
