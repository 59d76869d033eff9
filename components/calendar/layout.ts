// How appointments share a day column in the time views.
import type { DayLayoutFunction } from "react-big-calendar";
import noOverlap from "react-big-calendar/lib/utils/layout-algorithms/no-overlap";

/** Share of the column's width a set-aside (cancelled) appointment gets beside active ones. */
const LANE = 30;

type Styled<E> = { event: E; style: Record<string, unknown>; size?: unknown };
type Timed = { start: Date; end: Date };

/**
 * The library's "no-overlap" layout (events side by side, none on top of another), fed with
 * ends one minute early: it compares positions in floating-point percent, and back-to-back
 * appointments (09:45 → 10:15, 10:15 → 11:00) were taken for overlapping and drawn at half
 * width. A minute is about a pixel; the times shown come from the appointment, not the box.
 */
function sideBySide<E extends Timed>(args: Parameters<DayLayoutFunction<E>>[0], events: E[]): Styled<E>[] {
  if (events.length === 0) return [];
  const layout = noOverlap as unknown as DayLayoutFunction<E>;
  return layout({
    ...args,
    events,
    accessors: { ...args.accessors, end: (e: E) => new Date(e.end.getTime() - 60_000) },
  }) as Styled<E>[];
}

const overlaps = (a: Timed, b: Timed) => a.start < b.end && b.start < a.end;

/** Moves an event laid out on the whole width into the band [from, from + share) percent. */
function squeeze<E>(s: Styled<E>, from: number, share: number) {
  // "no-overlap" leaves each event's column as numbers (`style.left`, `size`, in percent)
  // beside the CSS it writes; without them, leave the event where the library put it.
  if (typeof s.style.left !== "number" || typeof s.size !== "number") return;
  const left = from + (s.style.left * share) / 100;
  const gap = left > 0 ? 3 : 0;
  s.style.width = `calc(${(s.size * share) / 100}% - ${gap}px)`;
  s.style.xOffset = `calc(${left}% + ${gap}px)`;
}

/**
 * Active appointments side by side on the whole width; set-aside ones (cancelled, when shown)
 * laid out apart, in a lane at the right edge wherever they meet an active one, which then
 * keeps the rest. A cancelled booking no longer halves the appointment that took its place.
 */
export function dayLayout<E extends Timed>(setAside: (e: E) => boolean): DayLayoutFunction<E> {
  return (args) => {
    const active = sideBySide(args, args.events.filter((e) => !setAside(e)));
    const aside = sideBySide(args, args.events.filter(setAside));
    const inLane = aside.filter((c) => active.some((a) => overlaps(a.event, c.event)));
    for (const c of inLane) squeeze(c, 100 - LANE, LANE);
    for (const a of active) if (inLane.some((c) => overlaps(a.event, c.event))) squeeze(a, 0, 100 - LANE);
    return [...aside, ...active] as ReturnType<DayLayoutFunction<E>>;
  };
}
