// Working hours as instants: a weekly schedule on the company's clock, plus dated exceptions,
// turned into merged [start, end) ranges of real time for a window. DST is resolved here, when
// the hours are read: a day's "08:00–19:00" is built from that day's own offset. Pure (no
// database), shared by the booking check, the free-slot search and their tests.
import { TZDate } from "@date-fns/tz";
import { minutesOf, type TimeOff, WEEKDAYS, type Weekday, type WeeklyHours } from "../contract/hours";

export type Range = { start: number; end: number };

/** The hours of one agent (or of the company, with no exceptions). `weekly: null`: open at all times. */
export type HoursSpec = {
  timezone: string;
  weekly: WeeklyHours | null;
  exceptions: Pick<TimeOff, "kind" | "startDate" | "endDate" | "startTime" | "endTime">[];
};

const DAY_MS = 86_400_000;

/** The calendar date ("YYYY-MM-DD") of an instant on the zone's clock. */
export function localDateOf(at: Date | number, timezone: string): string {
  const d = new TZDate(typeof at === "number" ? at : at.getTime(), timezone);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function addDays(date: string, days: number): string {
  return remembered(`+${date} ${days}`, () => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10));
}

export function weekdayOf(date: string): Weekday {
  return remembered(`w${date}`, () => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]);
}

/** The instant of a local date's minute (1440 = the next midnight) on the zone's clock. */
export function instantAt(date: string, minutes: number, timezone: string): number {
  return remembered(`@${timezone} ${date} ${minutes}`, () => {
    const [y, m, d] = date.split("-").map(Number);
    return new TZDate(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timezone).getTime();
  });
}

// Answers of the pure calendar functions above, kept (a bounded number): a search asks the same
// few days for every agent and every call, and a zone's offset costs microseconds (Intl).
const known = new Map<string, string | number>();
function remembered<T extends string | number>(key: string, compute: () => T): T {
  const hit = known.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  if (known.size >= 50_000) known.clear();
  known.set(key, value);
  return value;
}

function mergeRanges(list: Range[]): Range[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    if (r.end <= r.start) continue;
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** `from` minus every range of `cut` (both sorted, `from` merged). */
export function subtractRanges(from: Range[], cut: Range[]): Range[] {
  const sortedCut = mergeRanges(cut);
  const out: Range[] = [];
  for (const r of from) {
    let start = r.start;
    for (const c of sortedCut) {
      if (c.end <= start) continue;
      if (c.start >= r.end) break;
      if (c.start > start) out.push({ start, end: c.start });
      start = Math.max(start, c.end);
      if (start >= r.end) break;
    }
    if (start < r.end) out.push({ start, end: r.end });
  }
  return out;
}

/** The local minutes open on one date: (week's day, or all day when none is set) + extra − off. */
export function minutesOpenOn(spec: HoursSpec, date: string): Range[] {
  const base: Range[] = spec.weekly
    ? (spec.weekly[weekdayOf(date)] ?? []).map((i) => ({ start: minutesOf(i.start), end: minutesOf(i.end) }))
    : [{ start: 0, end: 1440 }];
  const extra: Range[] = [];
  const off: Range[] = [];
  for (const e of spec.exceptions) {
    if (date < e.startDate || date > e.endDate) continue;
    const range = e.startTime && e.endTime ? { start: minutesOf(e.startTime), end: minutesOf(e.endTime) } : { start: 0, end: 1440 };
    (e.kind === "extra" ? extra : off).push(range);
  }
  return subtractRanges(mergeRanges([...base, ...extra]), off);
}

/** Whether the spec is open at every instant (no week set, no exception): nothing to compute. */
export function alwaysOpen(spec: HoursSpec): boolean {
  return spec.weekly === null && spec.exceptions.length === 0;
}

/**
 * The open ranges, as instants (ms), of every local day that touches [from, to), merged so
 * that hours running through midnight (…–24:00 then 00:00–…) make one range.
 */
export function openRanges(spec: HoursSpec, from: number, to: number): Range[] {
  if (alwaysOpen(spec)) return [{ start: -Infinity, end: Infinity }];
  const last = addDays(localDateOf(to, spec.timezone), 1);
  const ranges: Range[] = [];
  for (let date = addDays(localDateOf(from, spec.timezone), -1); date <= last; date = addDays(date, 1)) {
    for (const m of minutesOpenOn(spec, date)) {
      ranges.push({ start: instantAt(date, m.start, spec.timezone), end: instantAt(date, m.end, spec.timezone) });
    }
  }
  return mergeRanges(ranges);
}

/** Whether [start, end) lies inside one of the sorted, disjoint ranges. */
export function insideRanges(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((r) => r.start <= start && end <= r.end);
}

export type SlotSearch = {
  /** Earliest start offered (already max(from, now)). */
  from: number;
  to: number;
  step: number;
  duration: number;
  bufferBefore: number;
  bufferAfter: number;
  timezone: string;
  /** Sorted by id: the order of slots that share a start. */
  agents: { id: string; hours: HoursSpec; busy: Range[] }[];
  limit: number;
};

/**
 * The free starts on the grid of `step` minutes counted from each local midnight, per agent,
 * sorted by start then agent. A start is free when [start − before, end + after) lies inside
 * the agent's open ranges minus their busy (blocked) ranges. At most `limit` slots; `nextFrom`
 * is the first start not examined when the limit cut the answer (never a start half served).
 */
export function findFreeSlots(q: SlotSearch): { slots: { agentId: string; start: number; end: number }[]; nextFrom: number | null } {
  const before = q.bufferBefore * 60_000;
  const length = q.duration * 60_000;
  const after = q.bufferAfter * 60_000;
  const free = q.agents.map((a) => ({
    id: a.id,
    ranges: subtractRanges(openRanges(a.hours, q.from - before - DAY_MS, q.to + length + after + DAY_MS), a.busy),
    at: 0,
  }));
  const slots: { agentId: string; start: number; end: number }[] = [];
  const lastDate = localDateOf(q.to, q.timezone);
  for (let date = localDateOf(q.from, q.timezone); date <= lastDate; date = addDays(date, 1)) {
    const midnight = instantAt(date, 0, q.timezone);
    const nextMidnight = instantAt(addDays(date, 1), 0, q.timezone);
    for (let t = midnight; t < nextMidnight && t < q.to; t += q.step * 60_000) {
      if (t < q.from) continue;
      const found: { agentId: string; start: number; end: number }[] = [];
      for (const a of free) {
        const blockStart = t - before;
        while (a.at < a.ranges.length && a.ranges[a.at].end <= blockStart) a.at++;
        const r = a.ranges[a.at];
        if (r && r.start <= blockStart && t + length + after <= r.end) found.push({ agentId: a.id, start: t, end: t + length });
      }
      if (slots.length + found.length > q.limit) return { slots, nextFrom: t };
      slots.push(...found);
    }
  }
  return { slots, nextFrom: null };
}
