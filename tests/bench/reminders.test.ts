// The reminders benchmark on a few reminders, due a few seconds ahead: it must keep working, not
// be fast. Figures come from `npm run bench:reminders`, never from tests.
import { describe, expect, it } from "vitest";
import { runRemindersBench } from "../../scripts/bench/reminders";

describe("reminders benchmark (smoke)", () => {
  it("plans the reminders in a server instance, hands each to the receiver once, and loads the API meanwhile", async () => {
    const [run] = await runRemindersBench({
      reminders: 30,
      instances: [1],
      callers: 2,
      database: "postgres",
      // Time to write and plan them on a loaded machine: planning late would throw, not slow the test.
      leadMs: 20_000,
      anyTime: true,
      baselineSeconds: 0.5,
      timeoutMs: 60_000,
      log: () => {},
    });
    expect(run).toMatchObject({ handed: 30, duplicates: 0, states: { sent: 30 }, retried: 0 });
    expect(run.api.whileSending.requests).toBeGreaterThan(0);
    expect(run.api.whileSending.errorStatuses).toEqual({});
  });
});
