-- The message planner starts at the feed's end: events written before messages existed (no
-- company had them on) are not replayed on the first start of an upgraded server.
INSERT INTO "message_planner" ("id", "last_event_id")
SELECT 1, coalesce(max("id"), 0) FROM "appointment_events"
ON CONFLICT ("id") DO NOTHING;
