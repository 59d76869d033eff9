import type { WallRange } from "@/lib/contract/hours";
// What the browser gets of the calendar: display strings made on the server in the company's
// zone and the member's language, start/end as company wall-clock strings and as instants.
import type { AppointmentStatus } from "@/lib/contract/status";

export type CalendarEventView = {
  id: string;
  /** "YYYY-MM-DDTHH:mm" on the company's clock (shown, and the day an appointment is listed under). */
  start: string;
  end: string;
  /** The instants, ISO 8601: what the grid draws from (range.ts) and "running late" compares. */
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  agentId: string | null;
  agentName: string | null;
  /** The agent is on time off during it (said on the phone's agenda). */
  agentOff?: boolean;
  serviceName: string;
  customerName: string;
  customerPhone: string;
  price: string;
  /** "09:30 – 10:30" */
  time: string;
  /** "Lun. 23 nov." */
  day: string;
};

/** The per-agent view's column of appointments without an agent. */
export const UNASSIGNED = "unassigned";

/**
 * A column of the per-agent view: an agent's id, or UNASSIGNED. `hours`: when the agent works
 * on the company's clock, time off and extra hours included (null: open at all times).
 */
export type CalendarResource = { id: string; title: string; hours?: WallRange[] | null };

/** An agent on time off on a day: the whole day (hours null) or "10:00–11:15". */
export type DayAbsence = { agentId: string; name: string; hours: string | null };
