// The calendar's arithmetic on "wall-clock" days of the company (YYYY-MM-DD keys), and the
// shift between instants and the Dates react-big-calendar draws. Pure: the server page and the
// browser share it.
//
// To show the company's clock whatever the browser's zone, the calendar never gets real
// instants: each instant becomes a "floating" Date whose UTC fields (year … minute) read the
// company's wall clock, and the grid's localizer (localizer.ts) reads UTC fields only. UTC has
// no daylight-saving changes, so no wall time is skipped or repeated on the way; browser-local
// Dates (`new Date(y, m, d, h)`) were moved an hour forward in the browser's own spring-forward
// gap and drawn an hour off.
import { isYmd } from "@/lib/contract/date-presets";
import { dayRange, instantToWallClock, weekRange } from "@/lib/contract/dates";
import { TZDate } from "@date-fns/tz";

export const CALENDAR_VIEWS = ["day", "week", "month", "agents"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

const p2 = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a UTC-noon date (calendar arithmetic, no zone involved). */
function keyOfUtc(d: Date): string {
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}

function utcNoon(key: string): Date {
  const [y, m, d] = key.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

export function addDaysKey(key: string, days: number): string {
  const d = utcNoon(key);
  d.setUTCDate(d.getUTCDate() + days);
  return keyOfUtc(d);
}

/** Same day of month n months later (clamped: 31 January + 1 month → 28/29 February). */
export function addMonthsKey(key: string, months: number): string {
  const [y, m, d] = key.split("-").map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1, 12));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0, 12)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return keyOfUtc(first);
}

/** Monday of the key's week (weeks start on Monday, as the dashboard's "this week"). */
export function mondayKey(key: string): string {
  const dow = (utcNoon(key).getUTCDay() + 6) % 7; // 0 = Monday
  return addDaysKey(key, -dow);
}

/** The key shown after "previous" (-1) or "next" (+1) in a view. */
export function stepKey(view: CalendarView, key: string, direction: -1 | 1): string {
  if (view === "month") return addMonthsKey(key, direction);
  if (view === "week") return addDaysKey(key, 7 * direction);
  return addDaysKey(key, direction);
}

/** The first and last day keys a view shows (a month shows whole weeks, Monday first). */
export function visibleDays(view: CalendarView, key: string): { first: string; last: string } {
  if (view === "day" || view === "agents") return { first: key, last: key };
  if (view === "week") {
    const first = mondayKey(key);
    return { first, last: addDaysKey(first, 6) };
  }
  const [y, m] = key.split("-").map(Number);
  const firstOfMonth = `${y}-${p2(m)}-01`;
  const lastOfMonth = keyOfUtc(new Date(Date.UTC(y, m, 0, 12)));
  return { first: mondayKey(firstOfMonth), last: addDaysKey(mondayKey(lastOfMonth), 6) };
}

/** The instants `[start, end)` a view covers, cut in the company's zone. */
export function visibleRange(view: CalendarView, key: string, timeZone: string): { start: Date; end: Date } {
  const { first, last } = visibleDays(view, key);
  const at = (k: string) => {
    const [y, m, d] = k.split("-").map(Number);
    return new TZDate(y, m - 1, d, 12, 0, 0, timeZone);
  };
  if (view === "week") return weekRange(at(first), timeZone);
  return { start: dayRange(at(first), timeZone).start, end: dayRange(at(last), timeZone).end };
}

/** The calendar's day: the URL's when it is a real date, else today on the company's clock. */
export function dayKeyOr(value: string | null | undefined, today: string): string {
  return isYmd(value) ? value : today;
}

export function todayKey(timeZone: string, now = new Date()): string {
  return instantToWallClock(now, timeZone).slice(0, 10);
}

/** "YYYY-MM-DDTHH:mm" (company wall clock) → the floating Date whose UTC fields read it. */
export function wallDate(wall: string): Date {
  const [y, mo, d, h, mi] = wall.match(/\d+/g)!.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h ?? 0, mi ?? 0));
}

/** The other way: a floating Date drawn by the calendar → company wall clock. */
export function wallString(date: Date): string {
  return `${date.getUTCFullYear()}-${p2(date.getUTCMonth() + 1)}-${p2(date.getUTCDate())}T${p2(date.getUTCHours())}:${p2(date.getUTCMinutes())}`;
}

/**
 * An appointment's instants as the floating Dates the grid draws, on the company's clock.
 * The start and end are their wall clocks, except that the box is never shorter than the real
 * duration: when the clocks go back (02:30 summer time → 02:30 winter time is an hour), the
 * wall end would make it empty or upside down. When they go forward, the wall end is kept
 * (01:30 → 03:30 for an hour), so the box meets the times written in it and in the gutter.
 */
export function floatingRange(start: Date, end: Date, timeZone: string): { start: Date; end: Date } {
  const from = wallDate(instantToWallClock(start, timeZone));
  const to = wallDate(instantToWallClock(end, timeZone));
  const byDuration = from.getTime() + (end.getTime() - start.getTime());
  return { start: from, end: to.getTime() >= byDuration ? to : new Date(byDuration) };
}

/** Title of the range on screen: "samedi 28 novembre 2026", "23 – 29 novembre 2026", "Novembre 2026". */
export function rangeTitle(view: CalendarView, key: string, locale: string): string {
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  const upper = (s: string) => s.charAt(0).toLocaleUpperCase(tag) + s.slice(1);
  if (view === "month") {
    return upper(new Intl.DateTimeFormat(tag, { month: "long", year: "numeric", timeZone: "UTC" }).format(utcNoon(key)));
  }
  if (view === "week") {
    const { first, last } = visibleDays("week", key);
    const f = new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    return f.formatRange(utcNoon(first), utcNoon(last));
  }
  return upper(
    new Intl.DateTimeFormat(tag, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
      utcNoon(key),
    ),
  );
}
