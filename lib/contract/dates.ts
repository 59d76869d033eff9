// Calendar arithmetic in a company's time zone. Pure: the dashboard, the form and the domain
// all cut days and weeks the same way. Instants stay UTC; only the cuts follow the zone.
import { TZDate } from "@date-fns/tz";
import { addDays } from "date-fns/addDays";
import { addWeeks } from "date-fns/addWeeks";
import { startOfDay } from "date-fns/startOfDay";
import { startOfWeek } from "date-fns/startOfWeek";

/** A new company's time zone (Côte d'Ivoire). */
export const DEFAULT_TIMEZONE = "Africa/Abidjan";

/** A calendar day written as the API and the URLs write it: YYYY-MM-DD (year, month, day captured). */
export const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type Range = { start: Date; end: Date };

const plain = (d: Date) => new Date(d.getTime());

/** The local day containing `at`, as a half-open range of instants. */
export function dayRange(at: Date, timeZone: string, offsetDays = 0): Range {
  const start = addDays(startOfDay(new TZDate(at.getTime(), timeZone)), offsetDays);
  return { start: plain(start), end: plain(addDays(start, 1)) };
}

/** The local week (Monday first) containing `at`, as a half-open range of instants. */
export function weekRange(at: Date, timeZone: string, offsetWeeks = 0): Range {
  const start = addWeeks(startOfWeek(new TZDate(at.getTime(), timeZone), { weekStartsOn: 1 }), offsetWeeks);
  return { start: plain(start), end: plain(addWeeks(start, 1)) };
}

/** "2026-11-28T14:30" read as a wall-clock time in `timeZone` → the instant. */
export function wallClockToInstant(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const date = new TZDate(y, mo - 1, d, h, mi, 0, timeZone);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return plain(date);
}

/** The instant as "YYYY-MM-DDTHH:mm" on the wall clock of `timeZone` (for datetime-local inputs). */
export function instantToWallClock(at: Date, timeZone: string): string {
  const z = new TZDate(at.getTime(), timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${z.getFullYear()}-${p(z.getMonth() + 1)}-${p(z.getDate())}T${p(z.getHours())}:${p(z.getMinutes())}`;
}

/** "YYYY-MM-DD" of the instant in `timeZone`. */
export function localDateKey(at: Date, timeZone: string): string {
  return instantToWallClock(at, timeZone).slice(0, 10);
}
