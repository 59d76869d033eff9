// The library's own day layout, imported to be wrapped (see big-calendar.tsx); it ships no types.
declare module "react-big-calendar/lib/utils/layout-algorithms/no-overlap" {
  import type { DayLayoutFunction } from "react-big-calendar";
  const noOverlap: DayLayoutFunction<object>;
  export default noOverlap;
}
