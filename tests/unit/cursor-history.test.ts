// The live hub's cursor history: where the cursor stood at a past time (a page read on a
// replica starts its stream from there), and the last minute kept.
import { describe, expect, it } from "vitest";
import { type CursorHistory, cursorAsOf, recordCursor } from "@/lib/appointments/cursor-history";

describe("cursor history", () => {
  it("answers the cursor as it stood at a time: the last move at or before it", () => {
    const history: CursorHistory = [];
    expect(cursorAsOf(history, 1_000)).toBeUndefined();
    recordCursor(history, 40, 1_000); // the hub's start
    recordCursor(history, 42, 2_000);
    recordCursor(history, 45, 2_500);
    expect(cursorAsOf(history, 2_499)).toBe(42);
    expect(cursorAsOf(history, 2_500)).toBe(45);
    expect(cursorAsOf(history, 9_000)).toBe(45);
    // Before the hub started: the cursor it started from (nothing older is known).
    expect(cursorAsOf(history, 500)).toBe(40);
  });

  it("keeps the last minute and the move before it, so a minute ago is still answered", () => {
    const history: CursorHistory = [];
    for (let i = 0; i <= 120; i++) recordCursor(history, 100 + i, i * 1_000);
    expect(history[0]).toEqual({ at: 59_000, cursor: 159 });
    expect(history).toHaveLength(62);
    expect(cursorAsOf(history, 60_000)).toBe(160);
    expect(cursorAsOf(history, 59_500)).toBe(159);
    expect(cursorAsOf(history, 120_000 - 2_000)).toBe(218);
  });
});
