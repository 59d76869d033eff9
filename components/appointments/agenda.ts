// A one-day list laid out around now: what is still to do on top (in time order, with the
// place of "now" among it), what is over (completed, cancelled) apart, folded by default.
// Pure, so the table and the phone's cards place rows the same way.
import { isActive, type AppointmentStatus } from "@/lib/contract/status";

export type Agenda<T> = {
  active: T[];
  finished: T[];
  /** Index in `active` before which "now" falls (active.length: after them all); null when the day is not today. */
  nowAt: number | null;
};

export function agendaOf<T extends { status: AppointmentStatus; startsAt: string }>(rows: readonly T[], now: Date | null): Agenda<T> {
  const active = rows.filter((r) => isActive(r.status));
  const finished = rows.filter((r) => !isActive(r.status));
  if (!now) return { active, finished, nowAt: null };
  const after = active.findIndex((r) => new Date(r.startsAt).getTime() > now.getTime());
  return { active, finished, nowAt: after < 0 ? active.length : after };
}
