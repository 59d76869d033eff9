// Cancelled appointments on the calendar: left out unless asked, beside the active ones when shown.
import { describe, expect, it } from "vitest";
import { getSlotMetrics } from "react-big-calendar/lib/utils/TimeSlots";
import { atMinute } from "@/components/calendar/hours";
import { dayLayout } from "@/components/calendar/layout";
import { floatingLocalizer } from "@/components/calendar/localizer";
import { wallDate } from "@/components/calendar/range";
import { shownStatuses } from "@/components/calendar/search-params";

type Ev = { id: string; start: Date; end: Date; cancelled: boolean };
const ev = (id: string, start: string, end: string, cancelled = false): Ev => ({
  id,
  start: wallDate(`2026-03-24T${start}`),
  end: wallDate(`2026-03-24T${end}`),
  cancelled,
});

function lay(events: Ev[]) {
  const localizer = floatingLocalizer(() => false);
  const slotMetrics = getSlotMetrics({ min: atMinute("2026-03-24", 8 * 60), max: atMinute("2026-03-24", 19 * 60), step: 15, timeslots: 4, localizer });
  const accessors = { start: (e: Ev) => e.start, end: (e: Ev) => e.end };
  const styled = dayLayout<Ev>((e) => e.cancelled)({ events, minimumStartDifference: 30, slotMetrics, accessors });
  return Object.fromEntries(
    styled.map(({ event, style }) => [event.id, { xOffset: String((style as Record<string, unknown>).xOffset), width: String(style.width) }]),
  );
}

describe("which statuses the calendar shows", () => {
  it("leaves cancelled ones out unless the toggle asks; a status filter decides alone", () => {
    expect(shownStatuses({ status: [], cancelled: false })).toEqual(["PENDING", "CONFIRMED", "IN_PROGRESS", "COMPLETED"]);
    expect(shownStatuses({ status: [], cancelled: true })).toBeUndefined();
    expect(shownStatuses({ status: ["CANCELLED"], cancelled: false })).toEqual(["CANCELLED"]);
    expect(shownStatuses({ status: ["PENDING"], cancelled: true })).toEqual(["PENDING"]);
  });
});

describe("day column layout", () => {
  it("active appointments side by side; back to back ones keep the whole width", () => {
    const l = lay([ev("a", "10:00", "11:00"), ev("b", "10:30", "11:30"), ev("c", "11:30", "12:00")]);
    expect(l.a).toEqual({ xOffset: "calc(0% + 0px)", width: "calc(50% - 0px)" });
    expect(l.b).toEqual({ xOffset: "calc(50% + 3px)", width: "calc(50% - 3px)" });
    expect(l.c).toEqual({ xOffset: "calc(0% + 0px)", width: "calc(100% - 0px)" });
  });

  it("a cancelled one steps aside into a lane at the right; the active one keeps the rest", () => {
    const l = lay([ev("gone", "10:00", "10:30", true), ev("new", "10:00", "10:30"), ev("alone", "14:00", "14:30", true)]);
    expect(l.new).toEqual({ xOffset: "calc(0% + 0px)", width: "calc(70% - 0px)" });
    expect(l.gone).toEqual({ xOffset: "calc(70% + 3px)", width: "calc(30% - 3px)" });
    // Meeting no active appointment, a cancelled one has the width to itself.
    expect(l.alone).toEqual({ xOffset: "calc(0% + 0px)", width: "calc(100% - 0px)" });
  });
});

describe("month cells", () => {
  it("list a day's cancelled appointments after its active ones", () => {
    const early = ev("early", "08:00", "08:30", true);
    const late = ev("late", "17:00", "17:30");
    const other = ev("other", "09:00", "09:30");
    const localizer = floatingLocalizer((start) => start === early.start);
    const sort = localizer.sortEvents as unknown as (p: { evtA: Ev; evtB: Ev }) => number;
    const order = [early, late, other].sort((a, b) => sort({ evtA: a, evtB: b })).map((e) => e.id);
    expect(order).toEqual(["other", "late", "early"]);
  });
});
