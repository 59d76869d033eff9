// The per-key rate limit, a token bucket in Postgres: 429 rate-limited with Retry-After past
// the key's limit; other keys unaffected; a refused create writes nothing. (The bucket's
// arithmetic at chosen instants: tests/integration/rate-limit.test.ts.)
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { customers } from "@/db/schema";
import { uniquePhone } from "../support/factories";
import { type ApiTenant, makeApiTenant } from "./support/api";

let t: ApiTenant;

beforeAll(async () => {
  t = await makeApiTenant("Rate limit");
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the key's limit, per key", async () => {
    const limited = await t.key({ rateLimit: 5, name: "five a minute" });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await t.call("companies/list", {}, { key: limited }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.get("ratelimit-remaining"))).toEqual(["4", "3", "2", "1", "0"]);
    expect(answers[0].headers.get("ratelimit-limit")).toBe("5");

    const refused = await t.call("companies/list", {}, { key: limited });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate-limited", details: { limit: 5 } });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.error.details.retryAfter).toBe(retryAfter);

    // Another key of the same app is not affected.
    expect((await t.call("companies/list")).status).toBe(200);
  });

  it("a refused create writes nothing", async () => {
    const limited = await t.key({ rateLimit: 1, name: "one a minute" });
    await t.call("companies/list", {}, { key: limited });
    const phone = uniquePhone();
    const res = await t.call("customers/create", { fullname: "Trop tôt", telephone: phone }, { key: limited });
    expect(res.status).toBe(429);
    const db = await getDb();
    const [row] = await db.select({ n: count() }).from(customers).where(and(eq(customers.appId, t.appId), eq(customers.telephone, phone)));
    expect(Number(row.n)).toBe(0);
  });

  it("counts in the shared table: several callers at once do not exceed the limit", async () => {
    // Three a minute refill one every 20 s: far longer than the burst takes.
    const limited = await t.key({ rateLimit: 3, name: "three a minute" });
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.call("companies/list", {}, { key: limited })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(9);
  });
});
