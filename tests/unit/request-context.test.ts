// db/request-context.ts: a context stays with the code it was given to across awaits, even when
// every other context ends meanwhile (the storage is switched off only when none runs), and the
// storage is on again for the next one.
import { describe, expect, it } from "vitest";
import type { DeadlineScope } from "@/db/deadline";
import { contextsRunning, type RequestContext, requestContext, runWithContext } from "@/db/request-context";

const enabled = () => (requestContext as unknown as { enabled?: boolean }).enabled;
const switched = Number(process.versions.node.split(".")[0]) < 24;
const tick = () => new Promise((r) => setTimeout(r, 1));

describe("runWithContext", () => {
  it("keeps a running context while another one ends, and switches the storage off after the last", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const scope = (abandoned: boolean): DeadlineScope => ({ abandoned, pending: new Set() });
    const a: RequestContext = { deadline: scope(false) };
    const b: RequestContext = { deadline: scope(true) };
    const first = runWithContext(a, async () => {
      await gate;
      await tick();
      return requestContext.getStore();
    });
    const second = await runWithContext(b, async () => {
      await tick();
      return requestContext.getStore();
    });
    expect(second).toBe(b);
    // b has ended; a still runs.
    expect(contextsRunning()).toBe(1);
    release();
    expect(await first).toBe(a);
    await tick();
    expect(contextsRunning()).toBe(0);
    if (switched) expect(enabled()).toBe(false);
    expect(requestContext.getStore()).toBeUndefined();

    // On again for the next one, nested contexts included.
    const nested = await runWithContext(a, () => runWithContext({ ...a, transaction: undefined }, async () => {
      await tick();
      return requestContext.getStore();
    }));
    expect(nested).toEqual({ ...a, transaction: undefined });
    await tick();
    expect(contextsRunning()).toBe(0);
  });

  it("counts a context that throws or answers at once as ended", async () => {
    expect(() =>
      runWithContext({}, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(runWithContext({}, () => 42)).toBe(42);
    await expect(runWithContext({}, async () => Promise.reject(new Error("late")))).rejects.toThrow("late");
    await tick();
    expect(contextsRunning()).toBe(0);
    if (switched) expect(enabled()).toBe(false);
  });
});
