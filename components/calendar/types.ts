// What the browser gets of the calendar: display strings made on the server in the company's
// zone and the member's language, and start/end as company wall-clock strings (see range.ts).
import type { AppointmentStatus } from "@/lib/appointments/status";

export type CalendarEventView = {
  id: string;
  /** "YYYY-MM-DDTHH:mm" on the company's clock. */
  start: string;
  end: string;
  status: AppointmentStatus;
  agentId: string | null;
  agentName: string | null;
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

/** A column of the per-agent view: an agent's id, or UNASSIGNED. */
export type CalendarResource = { id: string; title: string };
