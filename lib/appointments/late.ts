// Pure: the table, the calendar and the home page mark the same appointments as late.
import type { AppointmentStatus } from "./status";

/** Still in progress after its booked end: the next customer may be waiting. */
export function isRunningLate(a: { status: AppointmentStatus; end: Date }, now: Date): boolean {
  return a.status === "IN_PROGRESS" && a.end.getTime() < now.getTime();
}
