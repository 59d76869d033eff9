// The grid's date arithmetic, on the floating Dates of range.ts: their UTC fields are the
// company's wall clock, and everything here reads and writes UTC fields only.
//
// Why not a localizer the library ships: its default one (date-arithmetic) reads the browser's
// own zone, whose daylight-saving days have 23 or 25 hours, so a floating 02:30 on such a day
// was drawn at 03:30; its Luxon one can be bound to UTC but made the 500-appointment week
// take 17 s to draw instead of about 3 (a Luxon DateTime for every comparison). UTC days all
// have 24 hours, so the arithmetic is plain milliseconds except for months. The library's
// semantics are kept (see react-big-calendar/lib/localizer.js and lib/utils/dates.js).
import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import { enGB } from "date-fns/locale/en-GB";
import { fr } from "date-fns/locale/fr";
import { DateLocalizer, type Formats } from "react-big-calendar";
import { wallString } from "./range";

type Unit = "milliseconds" | "seconds" | "minutes" | "hours" | "day" | "week" | "month" | "year";

const MS: Record<string, number> = { milliseconds: 1, seconds: 1_000, minutes: 60_000, hours: 3_600_000, day: 86_400_000, week: 604_800_000 };
const DAY = MS.day;
/** Weeks start on Monday, as the dashboard's "this week". */
const MONDAY = 1;
const UTC = tz("UTC");
const LOCALES = { fr, en: enGB };

const floorTo = (t: number, step: number) => Math.floor(t / step) * step;

function startOf(value: Date, unit?: Unit, firstOfWeek = MONDAY): Date {
  // A copy first, as the library's own does: it passes an undefined date here at times (an
  // invalid Date then, not a crash).
  const date = new Date(value);
  const t = date.getTime();
  switch (unit) {
    case "year":
      return new Date(Date.UTC(date.getUTCFullYear(), 0, 1));
    case "month":
      return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
    case "week": {
      const day = floorTo(t, DAY);
      return new Date(day - ((new Date(day).getUTCDay() - firstOfWeek + 7) % 7) * DAY);
    }
    case "day":
    case "hours":
    case "minutes":
    case "seconds":
      return new Date(floorTo(t, MS[unit]));
    default:
      return date;
  }
}

function add(date: Date, amount: number, unit: Unit = "milliseconds"): Date {
  if (unit === "month" || unit === "year") {
    const months = date.getUTCFullYear() * 12 + date.getUTCMonth() + (unit === "year" ? 12 * amount : amount);
    const [y, m] = [Math.floor(months / 12), ((months % 12) + 12) % 12];
    // The same day of the month, clamped (31 January + 1 month → 28/29 February).
    const day = Math.min(date.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
    return new Date(Date.UTC(y, m, day) + (date.getTime() - floorTo(date.getTime(), DAY)));
  }
  return new Date(date.getTime() + amount * MS[unit]);
}

const endOf = (date: Date, unit?: Unit, firstOfWeek?: number) => new Date(add(startOf(date, unit, firstOfWeek), 1, unit).getTime() - 1);
const cmp = (a: Date, b: Date, unit?: Unit) => startOf(a, unit).getTime() - startOf(b, unit).getTime();
const eq = (a: Date, b: Date, unit?: Unit) => cmp(a, b, unit) === 0;
const gt = (a: Date, b: Date, unit?: Unit) => cmp(a, b, unit) > 0;
const gte = (a: Date, b: Date, unit?: Unit) => cmp(a, b, unit) >= 0;
const lt = (a: Date, b: Date, unit?: Unit) => cmp(a, b, unit) < 0;
const lte = (a: Date, b: Date, unit?: Unit) => cmp(a, b, unit) <= 0;

/** As the library's: the absolute difference, in whole units after cutting both dates to the unit. */
function diff(a: Date, b: Date, unit?: Unit): number {
  if (!unit || unit === "milliseconds") return Math.abs(a.getTime() - b.getTime());
  if (unit === "month" || unit === "year") {
    const months = Math.abs(a.getUTCFullYear() * 12 + a.getUTCMonth() - (b.getUTCFullYear() * 12 + b.getUTCMonth()));
    return unit === "year" ? Math.floor(months / 12) : months;
  }
  return Math.round(Math.abs(startOf(a, unit).getTime() - startOf(b, unit).getTime()) / MS[unit]);
}

function range(start: Date, end: Date, unit: Unit = "day"): Date[] {
  const days: Date[] = [];
  for (let current = start; lte(current, end, unit); current = add(current, 1, unit)) days.push(current);
  return days;
}

const firstVisibleDay = (date: Date) => startOf(startOf(date, "month"), "week");
const lastVisibleDay = (date: Date) => endOf(endOf(date, "month"), "week");
const timeOfDay = (date: Date) => date.getTime() - floorTo(date.getTime(), DAY);

type Sortable = { start: Date; end: Date };
const daySpan = (start: Date, end: Date) => Math.round((floorTo(end.getTime(), DAY) - floorTo(start.getTime(), DAY)) / DAY);

/**
 * `comesLast(start)` picks the events drawn after the others of their day in a month cell
 * (cancelled ones), so they are the ones "+N" hides. The library hands the comparator only the
 * events' start, end and all-day flag: an event is known by its start Date object.
 */
export function floatingLocalizer(comesLast: (start: Date) => boolean): DateLocalizer {
  return new DateLocalizer({
    formats: FORMATS,
    firstOfWeek: () => MONDAY,
    format: (value: Date, pattern: string, culture?: string) =>
      format(new Date(value), pattern, { locale: LOCALES[culture === "en" ? "en" : "fr"], in: UTC }),
    merge: (date: Date | null, time: Date | null) =>
      date == null && time == null ? null : new Date(floorTo((date ?? new Date()).getTime(), DAY) + timeOfDay(time ?? new Date())),
    inRange: (day: Date, min?: Date, max?: Date, unit: Unit = "day") => (!min || gte(day, min, unit)) && (!max || lte(day, max, unit)),
    lt,
    lte,
    gt,
    gte,
    eq,
    neq: (a: Date, b: Date, unit?: Unit) => !eq(a, b, unit),
    startOf,
    endOf,
    add,
    range,
    diff,
    ceil: (date: Date, unit: Unit) => {
      const floor = startOf(date, unit);
      return eq(floor, date) ? floor : add(floor, 1, unit);
    },
    min: (...dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime()))),
    max: (...dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime()))),
    minutes: (date: Date) => date.getUTCMinutes(),
    firstVisibleDay,
    lastVisibleDay,
    visibleDays: (date: Date) => range(firstVisibleDay(date), lastVisibleDay(date)),
    getSlotDate: (date: Date, minutesFromMidnight: number, offset: number) =>
      new Date(floorTo(date.getTime(), DAY) + (minutesFromMidnight + offset) * MS.minutes),
    getTimezoneOffset: () => 0,
    getDstOffset: () => 0,
    getTotalMin: (start: Date, end: Date) => diff(start, end, "minutes"),
    getMinutesFromMidnight: (date: Date) => Math.round(timeOfDay(date) / MS.minutes),
    continuesPrior: (start: Date, first: Date) => lt(start, first, "day"),
    continuesAfter: (start: Date, end: Date, last: Date) => (eq(start, end, "minutes") ? gte(end, last, "minutes") : gt(end, last, "minutes")),
    daySpan,
    sortEvents: ({ evtA: a, evtB: b }: { evtA: Sortable; evtB: Sortable }) =>
      floorTo(a.start.getTime(), DAY) - floorTo(b.start.getTime(), DAY) ||
      daySpan(b.start, b.end) - daySpan(a.start, a.end) || // over several days first, as the library does
      Number(comesLast(a.start)) - Number(comesLast(b.start)) ||
      a.start.getTime() - b.start.getTime() ||
      a.end.getTime() - b.end.getTime(),
    inEventRange: ({ event: { start, end }, range: r }: { event: Sortable; range: Sortable }) => {
      const day = startOf(start, "day");
      const endsAfterStart = eq(day, end, "minutes") ? gte(end, r.start, "minutes") : gt(end, r.start, "minutes");
      return lte(day, r.end, "day") && endsAfterStart;
    },
    isSameDate: (a: Date, b: Date) => eq(a, b, "day"),
    startAndEndAreDateOnly: (start: Date, end: Date) => timeOfDay(start) === 0 && timeOfDay(end) === 0,
  } as unknown as ConstructorParameters<typeof DateLocalizer>[0]);
}

const hm = (d: Date) => wallString(d).slice(11);
const hmRange = ({ start, end }: { start: Date; end: Date }) => `${hm(start)} – ${hm(end)}`;

/** Every format the library may ask for (date-fns patterns): a 24-hour clock in both languages, names from date-fns' locales. */
const FORMATS: Formats = {
  dateFormat: "d",
  dayFormat: "EEE d",
  weekdayFormat: "EEE",
  timeGutterFormat: "HH:mm",
  monthHeaderFormat: "MMMM yyyy",
  dayHeaderFormat: "EEEE d MMMM",
  dayRangeHeaderFormat: ({ start, end }, culture, loc) => `${loc!.format(start, "d MMM", culture)} – ${loc!.format(end, "d MMM", culture)}`,
  agendaHeaderFormat: ({ start, end }, culture, loc) => `${loc!.format(start, "P", culture)} – ${loc!.format(end, "P", culture)}`,
  agendaDateFormat: "EEE d MMM",
  agendaTimeFormat: "HH:mm",
  agendaTimeRangeFormat: hmRange,
  selectRangeFormat: hmRange,
  eventTimeRangeFormat: hmRange,
  eventTimeRangeStartFormat: ({ start }) => `${hm(start)} – `,
  eventTimeRangeEndFormat: ({ end }) => ` – ${hm(end)}`,
};
