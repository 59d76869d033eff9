// The grid's UTC localizer keeps the library's semantics: with the process in UTC, the
// library's own localizer (date-arithmetic, which reads the process's zone) must agree with it
// on every operation the calendar uses.
import { format } from "date-fns/format";
import { getDay } from "date-fns/getDay";
import { enGB } from "date-fns/locale/en-GB";
import { parse } from "date-fns/parse";
import { startOfWeek } from "date-fns/startOfWeek";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateFnsLocalizer, type DateLocalizer } from "react-big-calendar";
import { floatingLocalizer } from "@/components/calendar/localizer";

const initialTz = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "UTC";
});
afterAll(() => {
  if (initialTz === undefined) delete process.env.TZ;
  else process.env.TZ = initialTz;
});

const ours = floatingLocalizer(() => false);
const theirs = dateFnsLocalizer({ format, parse, startOfWeek, getDay, locales: { en: enGB } }) as DateLocalizer;
// The library's month grid asks its localizer for the week's first day by culture.
const theirsWithCulture = { ...theirs, startOfWeek: () => 1 } as unknown as DateLocalizer;

// Minutes from 2020 to 2030, some on a day's edge.
const date = fc.oneof(
  fc.integer({ min: Date.UTC(2020, 0, 1) / 60_000, max: Date.UTC(2030, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000)),
  fc.integer({ min: Date.UTC(2020, 0, 1) / 86_400_000, max: Date.UTC(2030, 0, 1) / 86_400_000 }).map((d) => new Date(d * 86_400_000)),
);
const unit = fc.constantFrom("minutes", "hours", "day", "month", "year");
const ms = (d: Date | null) => d?.getTime();

type Loose = Record<string, (...args: unknown[]) => unknown>;
const call = (l: DateLocalizer, name: string, ...args: unknown[]) => (l as unknown as Loose)[name](...args);

describe("the calendar's UTC localizer", () => {
  it("cuts, adds and compares as the library does", () => {
    fc.assert(
      fc.property(date, date, unit, fc.integer({ min: -40, max: 40 }), (a, b, u, n) => {
        for (const name of ["startOf", "endOf", "ceil"]) expect(ms(call(ours, name, a, u) as Date), `${name} ${u}`).toBe(ms(call(theirs, name, a, u) as Date));
        expect(ms(call(ours, "startOf", a, "week", 1) as Date), "startOf week").toBe(ms(call(theirs, "startOf", a, "week", 1) as Date));
        for (const name of ["eq", "neq", "lt", "lte", "gt", "gte"]) expect(call(ours, name, a, b, u), `${name} ${u}`).toBe(call(theirs, name, a, b, u));
        // (The library divides by an undefined length for months and years: not a unit it diffs in.)
        if (u !== "month" && u !== "year") expect(call(ours, "diff", a, b, u), `diff ${u}`).toBe(call(theirs, "diff", a, b, u));
        expect(ms(call(ours, "add", a, n, u) as Date), `add ${n} ${u}`).toBe(ms(call(theirs, "add", a, n, u) as Date));
        expect(ms(ours.merge(a, b)), "merge").toBe(ms(theirs.merge(a, b)));
        const later = ours.add(b, 3, "day");
        expect(call(ours, "inRange", a, b, later, u), "inRange").toBe(call(theirs, "inRange", a, b, later, u));
      }),
      { numRuns: 400 },
    );
  });

  it("lays out days and events as the library does", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 36 * 60 }), date, (start, minutes, rangeStart) => {
        const end = new Date(start.getTime() + minutes * 60_000);
        const rangeEnd = ours.add(rangeStart, 6, "day");
        for (const name of ["firstVisibleDay", "lastVisibleDay"]) {
          expect(ms(call(ours, name, start, ours) as Date), name).toBe(ms(call(theirsWithCulture, name, start, theirsWithCulture) as Date));
        }
        expect(ours.range(rangeStart, rangeEnd).map(ms)).toEqual(theirs.range(rangeStart, rangeEnd).map(ms));
        expect(ours.getMinutesFromMidnight(start)).toBe(theirs.getMinutesFromMidnight(start));
        expect(ours.getTotalMin(start, end)).toBe(theirs.getTotalMin(start, end));
        expect(ms(ours.getSlotDate(start, 90, minutes))).toBe(ms(theirs.getSlotDate(start, 90, minutes)));
        expect(ours.isSameDate(start, end)).toBe(theirs.isSameDate(start, end));
        expect(ours.continuesPrior(start, rangeStart)).toBe(theirs.continuesPrior(start, rangeStart));
        expect(ours.continuesAfter(start, end, rangeEnd)).toBe(theirs.continuesAfter(start, end, rangeEnd));
        const args = { event: { start, end }, range: { start: rangeStart, end: rangeEnd } };
        expect(call(ours, "inEventRange", args)).toBe(call(theirs, "inEventRange", args));
      }),
      { numRuns: 400 },
    );
  });

  it("formats in the member's language on a 24-hour clock", () => {
    const d = new Date(Date.UTC(2026, 2, 29, 14, 5));
    expect(ours.format(d, "EEEE d MMMM HH:mm", "fr")).toBe("dimanche 29 mars 14:05");
    expect(ours.format(d, "EEE d", "en")).toBe("Sun 29");
  });
});
