// Which hours the time grid (day, week, per agent) shows and which it opens on, on the
// company's clock. Works on the floating Dates of range.ts (UTC fields = wall clock), so a UTC
// day is a wall-clock day here. Pure: tested without a browser.
import { wallDate, wallString } from "./range";

const DAY_MS = 86_400_000;

/**
 * The company has no opening hours yet: the grid shows 08:00–19:00, widened for the
 * appointments shown. (Not the whole day: twice the rows made the 500-appointment week take
 * twice as long to draw.)
 */
export const DEFAULT_HOURS = { from: 8 * 60, to: 19 * 60 } as const;

type Span = { start: Date; end: Date };

/** The minutes of the day [from, to) each event covers in each visible day (from 00:00 on the day after midnight). */
function pieces(events: Span[], first: string, last: string): { from: number; to: number }[] {
  const lo = wallDate(`${first}T00:00`).getTime();
  const hi = wallDate(`${last}T00:00`).getTime() + DAY_MS;
  const out: { from: number; to: number }[] = [];
  for (const e of events) {
    const end = Math.min(e.end.getTime(), hi);
    // An appointment lasts 24 hours at most, so this loop turns twice at most.
    for (let at = Math.max(e.start.getTime(), lo); at < end; ) {
      const midnight = Math.floor(at / DAY_MS) * DAY_MS;
      const upTo = Math.min(end, midnight + DAY_MS);
      out.push({ from: (at - midnight) / 60_000, to: (upTo - midnight) / 60_000 });
      at = upTo;
    }
  }
  return out;
}

/** The grid's first and last minute of the day: the default hours, widened to whole hours for the appointments shown. */
export function gridHours(events: Span[], first: string, last: string): { from: number; to: number } {
  let from: number = DEFAULT_HOURS.from;
  let to: number = DEFAULT_HOURS.to;
  for (const p of pieces(events, first, last)) {
    from = Math.min(from, p.from);
    to = Math.max(to, p.to);
  }
  // The library wants the last minute inside the same day.
  return { from: Math.floor(from / 60) * 60, to: Math.min(24 * 60 - 1, Math.ceil(to / 60) * 60) };
}

/**
 * The minute of the day the grid opens on (react-big-calendar's `scrollToTime`): the hour of
 * the earliest appointment shown (08:00 when there is none), or, when today is among the days
 * shown and now is later, the hour that starts at least half an hour before now, so what is
 * running and what comes next are on screen.
 */
export function openingMinute(events: Span[], first: string, last: string, now: Date): number {
  let earliest = Infinity;
  for (const p of pieces(events, first, last)) earliest = Math.min(earliest, p.from);
  let open = earliest === Infinity ? DEFAULT_HOURS.from : Math.floor(earliest / 60) * 60;
  const today = wallString(now).slice(0, 10);
  if (today >= first && today <= last) {
    const nowMinute = (now.getTime() - wallDate(`${today}T00:00`).getTime()) / 60_000;
    open = Math.max(open, Math.floor(Math.max(0, nowMinute - 30) / 60) * 60);
  }
  return open;
}

/** A minute of the day `day` as a floating Date (the library's min, max and scrollToTime). */
export function atMinute(day: string, minute: number): Date {
  return new Date(wallDate(`${day}T00:00`).getTime() + minute * 60_000);
}
