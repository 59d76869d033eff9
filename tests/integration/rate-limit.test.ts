// The API's per-key token bucket at chosen instants (the statement takes the clock as a
// parameter): the whole limit at once, then a steady refill; no second burst just because a
// minute began; the exact wait before the next request fits.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hitRateLimit } from "@/lib/api/rate-limit";

const app = randomUUID();
const at = (t0: Date, seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("rate limit (token bucket)", () => {
  it("spends the limit at once, refuses with the exact wait, refills one request per emission interval", async () => {
    const key = randomUUID();
    const t0 = new Date("2026-12-03T11:59:59.000Z");
    const first = [];
    for (let i = 0; i < 10; i++) first.push(await hitRateLimit(app, key, 10, t0));
    expect(first.map((r) => r.allowed)).toEqual(Array(10).fill(true));
    expect(first.map((r) => r.remaining)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(first[9].resetSeconds).toBe(60);

    const refused = await hitRateLimit(app, key, 10, t0);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 6 });

    // A new minute starts a second later: fixed windows would take ten more here.
    const nextMinute = [];
    for (let i = 0; i < 10; i++) nextMinute.push(await hitRateLimit(app, key, 10, at(t0, 1)));
    expect(nextMinute.filter((r) => r.allowed)).toHaveLength(0);
    expect(nextMinute[0].retryAfterSeconds).toBe(5);

    // One emission interval (6 s) after the burst, exactly one more fits.
    expect((await hitRateLimit(app, key, 10, at(t0, 6))).allowed).toBe(true);
    expect((await hitRateLimit(app, key, 10, at(t0, 6))).allowed).toBe(false);

    // A minute of quiet refills the bucket completely, and no more than that.
    const later = [];
    for (let i = 0; i < 11; i++) later.push(await hitRateLimit(app, key, 10, at(t0, 200)));
    expect(later.filter((r) => r.allowed)).toHaveLength(10);
  });

  it("keeps each key's bucket to itself", async () => {
    const t0 = new Date("2026-12-03T12:00:00.000Z");
    const [a, b] = [randomUUID(), randomUUID()];
    for (let i = 0; i < 3; i++) await hitRateLimit(app, a, 3, t0);
    expect((await hitRateLimit(app, a, 3, t0)).allowed).toBe(false);
    expect((await hitRateLimit(app, b, 3, t0)).allowed).toBe(true);
  });

  it("never lets more than the limit through when callers race on one key", async () => {
    const key = randomUUID();
    const t0 = new Date("2026-12-03T12:30:00.000Z");
    const answers = await Promise.all(Array.from({ length: 20 }, () => hitRateLimit(app, key, 5, t0)));
    expect(answers.filter((r) => r.allowed)).toHaveLength(5);
    for (const r of answers.filter((x) => !x.allowed)) expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});
