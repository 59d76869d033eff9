import { describe, expect, it } from "vitest";
import { dayRange, instantToWallClock, localDateKey, wallClockToInstant, weekRange } from "@/lib/contract/dates";

describe("company-zone dates", () => {
  it("cuts days in the company's zone", () => {
    const at = new Date("2026-11-28T23:30:00Z"); // already Sunday 00:30 in Paris
    expect(dayRange(at, "Africa/Abidjan").start.toISOString()).toBe("2026-11-28T00:00:00.000Z");
    expect(dayRange(at, "Europe/Paris").start.toISOString()).toBe("2026-11-28T23:00:00.000Z");
    expect(dayRange(at, "Europe/Paris", 1).end.toISOString()).toBe("2026-11-30T23:00:00.000Z");
  });

  it("weeks start on Monday; a DST change keeps local midnight", () => {
    const w = weekRange(new Date("2026-03-28T12:00:00Z"), "Europe/Paris", 1);
    expect(w.start.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // Monday 30 March 00:00, UTC+2 since Sunday
    const a = weekRange(new Date("2026-11-28T12:00:00Z"), "Africa/Abidjan");
    expect(a.start.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(a.end.toISOString()).toBe("2026-11-30T00:00:00.000Z");
  });

  it("reads and writes wall-clock strings in the zone, whatever the process TZ", () => {
    expect(wallClockToInstant("2026-07-01T10:00", "Europe/Paris")?.toISOString()).toBe("2026-07-01T08:00:00.000Z");
    expect(wallClockToInstant("2026-07-01T10:00", "Africa/Abidjan")?.toISOString()).toBe("2026-07-01T10:00:00.000Z");
    expect(wallClockToInstant("2026-02-30T10:00", "Africa/Abidjan")).toBeUndefined();
    expect(wallClockToInstant("2026-07-01 10:00", "Africa/Abidjan")).toBeUndefined();
    expect(instantToWallClock(new Date("2026-07-01T08:00:00Z"), "Europe/Paris")).toBe("2026-07-01T10:00");
    expect(localDateKey(new Date("2026-11-28T23:30:00Z"), "Europe/Paris")).toBe("2026-11-29");
  });
});
