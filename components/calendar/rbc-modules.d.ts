// The library's own day layout, imported to be wrapped (see big-calendar.tsx); it ships no types.
declare module "react-big-calendar/lib/utils/layout-algorithms/no-overlap" {
  import type { DayLayoutFunction } from "react-big-calendar";
  const noOverlap: DayLayoutFunction<object>;
  export default noOverlap;
}

// The library's slot metrics (where a time sits in a day column), used by the unit tests to
// check what the grid draws without a browser; it ships no types.
declare module "react-big-calendar/lib/utils/TimeSlots" {
  import type { DateLocalizer } from "react-big-calendar";
  export function getSlotMetrics(args: { min: Date; max: Date; step: number; timeslots: number; localizer: DateLocalizer }): {
    groups: Date[][];
    getRange(start: Date, end: Date): { top: number; height: number; start: number; end: number };
  };
}
