import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { completeIdempotencyKey, reserveIdempotencyKey } from "@/lib/api/idempotency";
import { makeTenant } from "../support/factories";

describe("idempotency reservations", () => {
  it("replays, refuses another body, and takes over a reservation abandoned in flight", async () => {
    const t = await makeTenant();
    const scope = { appId: t.appId, apiKeyId: "00000000-0000-4000-8000-000000000009", key: "retry-1" };
    expect(await reserveIdempotencyKey(scope, "h1")).toEqual({ state: "reserved" });
    expect(await reserveIdempotencyKey(scope, "h1")).toEqual({ state: "in-flight" });
    expect(await reserveIdempotencyKey(scope, "h2")).toEqual({ state: "conflict" });

    // The server died mid-request: three minutes later the key is free again.
    const db = await getDb();
    const where = and(eq(idempotencyKeys.appId, t.appId), eq(idempotencyKeys.key, "retry-1"));
    await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '3 minutes'` }).where(where);
    expect(await reserveIdempotencyKey(scope, "h1")).toEqual({ state: "reserved" });

    // A completed answer is kept for its whole TTL, however old.
    await completeIdempotencyKey(scope, 201, { ok: true });
    await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '3 hours'` }).where(where);
    expect(await reserveIdempotencyKey(scope, "h1")).toEqual({ state: "replay", status: 201, body: { ok: true } });
  });
});
