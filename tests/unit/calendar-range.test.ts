import { afterEach, describe, expect, it } from "vitest";
import { getSlotMetrics } from "react-big-calendar/lib/utils/TimeSlots";
import { atMinute } from "@/components/calendar/hours";
import { floatingLocalizer } from "@/components/calendar/localizer";
import {
  addMonthsKey,
  floatingRange,
  mondayKey,
  rangeTitle,
  stepKey,
  visibleDays,
  visibleRange,
  wallDate,
  wallString,
} from "@/components/calendar/range";

/** Browser zones with their own daylight-saving days (and none), to run the grid's arithmetic under. */
const ZONES = ["Asia/Tokyo", "Europe/Paris", "America/New_York", "Pacific/Kiritimati", "UTC"];
const initialTz = process.env.TZ;
/** Runs `check` with the process (a browser's) zone set to each of ZONES; Node reads TZ again when it changes. */
function inEveryZone(check: (zone: string) => void) {
  for (const zone of ZONES) {
    process.env.TZ = zone;
    check(zone);
  }
}
afterEach(() => {
  if (initialTz === undefined) delete process.env.TZ;
  else process.env.TZ = initialTz;
});

const PARIS = "Europe/Paris";
const hm = (d: Date) => wallString(d).slice(11);
/** Where the grid draws an appointment, in minutes from the day's midnight (the library's own metrics). */
function drawn(day: string, start: string, end: string, timeZone = PARIS) {
  const f = floatingRange(new Date(start), new Date(end), timeZone);
  const metrics = getSlotMetrics({ min: atMinute(day, 0), max: atMinute(day, 24 * 60 - 1), step: 15, timeslots: 4, localizer: floatingLocalizer(() => false) });
  const range = metrics.getRange(f.start, f.end);
  return { from: range.start, to: range.end, labels: metrics.groups.map((g: Date[]) => hm(g[0])) };
}

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

  it("moves wall clocks to floating Dates and back unchanged, in the browser's own DST gap too", () => {
    inEveryZone(() => {
      // 2026-03-08 02:30 does not exist in New York, 2026-03-29 02:30 not in Paris; 2026-11-01
      // 01:30 happens twice in New York: none of that concerns a floating Date.
      for (const wall of ["2026-11-28T09:30", "2026-07-01T00:00", "2026-12-31T23:45", "2026-03-08T02:30", "2026-03-29T02:30", "2026-11-01T01:30"]) {
        expect(wallString(wallDate(wall))).toBe(wall);
        expect(wallDate(wall).getUTCHours()).toBe(Number(wall.slice(11, 13)));
      }
    });
  });

  it("titles the range in the member's language", () => {
    expect(rangeTitle("day", "2026-11-28", "fr")).toBe("Samedi 28 novembre 2026");
    expect(rangeTitle("month", "2026-11-28", "fr")).toBe("Novembre 2026");
    expect(rangeTitle("month", "2026-11-28", "en")).toBe("November 2026");
    expect(rangeTitle("week", "2026-11-28", "fr")).toMatch(/^23\s?–\s?29 novembre 2026$/);
    expect(rangeTitle("week", "2026-12-02", "fr")).toMatch(/^30 novembre\s?–\s?6 décembre 2026$/);
  });
});

describe("appointments on daylight-saving days (company in Europe/Paris), whatever the browser's zone", () => {
  it("spring forward (29 March 2026, 02:00 → 03:00): drawn at their wall-clock times", () => {
    inEveryZone((zone) => {
      // Booked at 02:30 UTC: 04:30 in Paris, an hour and a half after the change.
      const after = drawn("2026-03-29", "2026-03-29T02:30:00Z", "2026-03-29T03:00:00Z");
      expect([after.from, after.to], zone).toEqual([4 * 60 + 30, 5 * 60]);
      // Before the change: 00:00 UTC is 01:00 in Paris.
      const before = drawn("2026-03-29", "2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z");
      expect([before.from, before.to], zone).toEqual([60, 60 + 30]);
      // Across the change: an hour, 01:30 → 03:30 on the clock, drawn so (the box meets its times).
      const across = drawn("2026-03-29", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z");
      expect([across.from, across.to], zone).toEqual([60 + 30, 3 * 60 + 30]);
      // The gutter is a plain 24-hour day: no hour twice, none missing.
      expect(across.labels.slice(0, 5), zone).toEqual(["00:00", "01:00", "02:00", "03:00", "04:00"]);
      expect(across.labels, zone).toHaveLength(24);
    });
  });

  it("fall back (25 October 2026, 03:00 → 02:00): never empty or upside down", () => {
    inEveryZone((zone) => {
      // 02:30 summer time → 02:30 winter time: an hour on a clock that shows no time passing.
      const repeated = drawn("2026-10-25", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z");
      expect([repeated.from, repeated.to], zone).toEqual([2 * 60 + 30, 3 * 60 + 30]);
      // 01:30 summer time → 02:15 winter time: the wall end (02:15) would be 45 minutes for 1 h 45.
      const across = drawn("2026-10-25", "2026-10-24T23:30:00Z", "2026-10-25T01:15:00Z");
      expect([across.from, across.to], zone).toEqual([60 + 30, 3 * 60 + 15]);
      // After the change, wall clock again: 09:00 UTC is 10:00 in Paris.
      const after = drawn("2026-10-25", "2026-10-25T09:00:00Z", "2026-10-25T09:45:00Z");
      expect([after.from, after.to], zone).toEqual([10 * 60, 10 * 60 + 45]);
      expect(after.labels, zone).toHaveLength(24);
    });
  });

  it("an ordinary day in Paris that is the browser's DST day stays on the company's clock", () => {
    inEveryZone((zone) => {
      // 8 March 2026: New York springs forward at 02:00 local; 01:30 UTC is 02:30 in Paris.
      const ny = drawn("2026-03-08", "2026-03-08T01:30:00Z", "2026-03-08T02:00:00Z");
      expect([ny.from, ny.to], zone).toEqual([2 * 60 + 30, 3 * 60]);
      // 1 November 2026: New York falls back; 05:30 UTC is 06:30 in Paris.
      const back = drawn("2026-11-01", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z");
      expect([back.from, back.to], zone).toEqual([6 * 60 + 30, 7 * 60]);
    });
  });

  it("the localizer sees 24-hour days and the company's weekdays, in any browser zone", () => {
    inEveryZone((zone) => {
      const localizer = floatingLocalizer(() => false);
      const day = wallDate("2026-03-29T00:00");
      expect(localizer.diff(day, localizer.add(day, 1, "day"), "minutes"), zone).toBe(24 * 60);
      expect(wallString(localizer.startOf(wallDate("2026-03-29T23:59"), "day")), zone).toBe("2026-03-29T00:00");
      // March 2026 begins on a Sunday: its month grid begins on Monday 23 February.
      expect(wallString(localizer.firstVisibleDay(wallDate("2026-03-29T12:00"), localizer)), zone).toBe("2026-02-23T00:00");
      expect(localizer.format(wallDate("2026-03-29T02:30"), "EEE d HH:mm", "fr"), zone).toBe("dim. 29 02:30");
    });
  });
});

