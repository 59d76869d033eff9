// "Running late": an appointment still in progress after its planned end. Pure (no server
// code): the calendar and the appointments table mark such appointments with the same rule.
import type { AppointmentStatus } from "./status";

export type LateCandidate = {
  status: AppointmentStatus;
  /** The planned end: a Date, or an ISO instant as it crosses to the browser. */
  end: Date | string;
};

/** IN_PROGRESS and its end is past. `now` is passed in so that callers (and tests) own the clock. */
export function isRunningLate(appointment: LateCandidate, now: Date): boolean {
  if (appointment.status !== "IN_PROGRESS") return false;
  const end = typeof appointment.end === "string" ? Date.parse(appointment.end) : appointment.end.getTime();
  return end < now.getTime();
}
