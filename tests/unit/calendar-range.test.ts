import { describe, expect, it } from "vitest";
import {
  addMonthsKey,
  mondayKey,
  rangeTitle,
  stepKey,
  visibleDays,
  visibleRange,
  wallDate,
  wallString,
} from "@/components/calendar/range";

describe("calendar ranges (company wall-clock days)", () => {
  it("steps by day, week and month; months clamp their last day", () => {
    expect(stepKey("day", "2026-12-31", 1)).toBe("2027-01-01");
    expect(stepKey("agents", "2026-03-01", -1)).toBe("2026-02-28");
    expect(stepKey("week", "2026-11-28", 1)).toBe("2026-12-05");
    expect(stepKey("month", "2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsKey("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonthsKey("2026-01-15", -1)).toBe("2025-12-15");
  });

  it("shows Monday-first weeks and whole weeks around a month", () => {
    expect(mondayKey("2026-11-29")).toBe("2026-11-23"); // a Sunday belongs to the week before
    expect(visibleDays("week", "2026-11-28")).toEqual({ first: "2026-11-23", last: "2026-11-29" });
    expect(visibleDays("month", "2026-11-10")).toEqual({ first: "2026-10-26", last: "2026-12-06" });
    expect(visibleDays("agents", "2026-11-10")).toEqual({ first: "2026-11-10", last: "2026-11-10" });
  });

  it("cuts the instants in the company's zone, across a DST change", () => {
    const paris = visibleRange("week", "2026-03-25", "Europe/Paris");
    expect(paris.start.toISOString()).toBe("2026-03-22T23:00:00.000Z"); // Monday 23 March, UTC+1
    expect(paris.end.toISOString()).toBe("2026-03-29T22:00:00.000Z"); // Monday 30 March, UTC+2
    const day = visibleRange("day", "2026-11-28", "Africa/Abidjan");
    expect(day).toEqual({ start: new Date("2026-11-28T00:00:00Z"), end: new Date("2026-11-29T00:00:00Z") });
    const month = visibleRange("month", "2026-11-10", "Europe/Paris");
    expect(month.start.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(month.end.toISOString()).toBe("2026-12-06T23:00:00.000Z");
  });

  it("moves wall clocks to local Dates and back unchanged, whatever the process zone", () => {
    // (A wall clock that falls in the *browser's* own DST gap would move by an hour: a known
    // limit of drawing with local Dates; none of the companies' hours are concerned in practice.)
    for (const wall of ["2026-11-28T09:30", "2026-07-01T00:00", "2026-12-31T23:45"]) {
      expect(wallString(wallDate(wall))).toBe(wall);
      expect(wallDate(wall).getHours()).toBe(Number(wall.slice(11, 13)));
    }
  });

  it("titles the range in the member's language", () => {
    expect(rangeTitle("day", "2026-11-28", "fr")).toBe("Samedi 28 novembre 2026");
    expect(rangeTitle("month", "2026-11-28", "fr")).toBe("Novembre 2026");
    expect(rangeTitle("month", "2026-11-28", "en")).toBe("November 2026");
    expect(rangeTitle("week", "2026-11-28", "fr")).toMatch(/^23\s?–\s?29 novembre 2026$/);
    expect(rangeTitle("week", "2026-12-02", "fr")).toMatch(/^30 novembre\s?–\s?6 décembre 2026$/);
  });
});
