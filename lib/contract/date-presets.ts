// The dashboard's date filter: presets cut in the company's time zone. Pure (page, CSV
// export and the filter's labels share it).
import { addDays } from "date-fns/addDays";
import { format } from "date-fns/format";
import { TZDate } from "@date-fns/tz";
import { dayRange, weekRange } from "./dates";
import { DAY_KEY } from "./dates";

/** "day" is the work day: today, or the next day with work once today has none left (workDay). */
export const RANGE_PRESETS = ["day", "today", "tomorrow", "week", "custom", "all"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];


export function isYmd(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = DAY_KEY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The instant a calendar day (YYYY-MM-DD) starts in the zone. */
export function startOfLocalDay(ymd: string, timeZone: string): Date {
  const [y, m, d] = ymd.split("-").map(Number);
  return dayRange(new TZDate(y, m - 1, d, 12, 0, 0, timeZone), timeZone).start;
}

/** YYYY-MM-DD plus n days (calendar arithmetic, no zone involved). */
export function addYmd(ymd: string, days: number): string {
  const [y, m, d] = ymd.split("-").map(Number);
  return format(addDays(new Date(y, m - 1, d), days), "yyyy-MM-dd");
}

/** Presets that show one day: the table lists them as an agenda, now first. */
export function isOneDayPreset(preset: RangePreset): boolean {
  return preset === "day" || preset === "today" || preset === "tomorrow";
}

/**
 * The half-open [from, to) of a preset in the company's zone. "day" takes the work day the
 * caller looked up (today without it). "custom" takes a first and a
 * last day, both included; a missing side stays open; reversed days are swapped.
 */
export function presetRange(
  preset: RangePreset,
  timeZone: string,
  now: Date,
  custom: { from?: string | null; to?: string | null } = {},
  workDay?: { start: Date; end: Date },
): { from?: Date; to?: Date } {
  switch (preset) {
    case "day":
      if (workDay) return { from: workDay.start, to: workDay.end };
      return presetRange("today", timeZone, now);
    case "today": {
      const r = dayRange(now, timeZone);
      return { from: r.start, to: r.end };
    }
    case "tomorrow": {
      const r = dayRange(now, timeZone, 1);
      return { from: r.start, to: r.end };
    }
    case "week": {
      const r = weekRange(now, timeZone);
      return { from: r.start, to: r.end };
    }
    case "custom": {
      let a = isYmd(custom.from) ? custom.from : undefined;
      let b = isYmd(custom.to) ? custom.to : undefined;
      if (a && b && a > b) [a, b] = [b, a];
      return {
        from: a ? startOfLocalDay(a, timeZone) : undefined,
        to: b ? startOfLocalDay(addYmd(b, 1), timeZone) : undefined,
      };
    }
    case "all":
      return {};
  }
}
