// What the browser gets of an appointment: display strings made on the server in the
// company's zone and the member's language (no hydration drift, no zone guessing).
import type { AppointmentStatus } from "@/lib/contract/status";
import type { MessageRow } from "@/components/messages/types";

export type AppointmentRow = {
  id: string;
  status: AppointmentStatus;
  /** ISO instants: the client places rows around "now" and marks the late ones. */
  startsAt: string;
  endsAt: string;
  day: string;
  time: string;
  endTime: string;
  /** For aria labels and the cancel dialog: "lun. 28 nov. 09:30". */
  when: string;
  customerName: string;
  customerPhone: string;
  serviceName: string;
  agentName: string | null;
  /** The agent is on time off during it (said on the phone's cards). */
  agentOff?: boolean;
  commune: string | null;
  price: string;
};

export type AppointmentHistoryItem = {
  id: string;
  kind: string;
  fromStatus: AppointmentStatus | null;
  toStatus: AppointmentStatus;
  /** A member, an API key (a program) or the system (the seed, a script). */
  actorType: "user" | "api_key" | "system" | "client";
  actorName: string | null;
  reason: string | null;
  /** Booked by a manager outside the agent's hours ("hors horaires"). */
  outsideHours?: boolean;
  /** "Samedi 28 novembre 2026, 09:14", as the header reads. */
  at: string;
  /** A move: where from and where to ("Lun. 23 nov. 09:30"), the agents before and after. */
  /** Made by the customer's reply ("OUI" by WhatsApp): the channel's name. */
  byClient?: string;
  /** A no-show recorded, or one taken back. */
  note?: "no-show" | "no-show-undone";
  move?: { from: string; to: string; dateChanged: boolean; agentChanged: boolean; fromAgent: string | null; toAgent: string | null };
};

export type AppointmentDetailView = AppointmentRow & {
  serviceId: string;
  agentId: string | null;
  /** "YYYY-MM-DDTHH:mm" on the company's clock: the move dialog starts from it. */
  startWall: string;
  /** How it was cancelled; null while not cancelled. */
  cancellationKind: "cancelled" | "no-show" | null;
  /** The member may take this no-show back now (an owner or admin, within 24 hours). */
  canUndoNoShow: boolean;
  longDay: string;
  durationMinutes: number;
  customerEmail: string | null;
  fields: { name: string; label: string; value: string }[];
  history: AppointmentHistoryItem[];
  /** The messages sent (or to send) to the customer about it, in the order they are due. */
  messages: MessageRow[];
};

/** How the appointments list is laid out (made on the server with its clock). */
export type ListLayout = {
  /** The list shows one day (no date on each row). */
  oneDay: boolean;
  /** The whole day is here, earliest first, unfiltered by status: laid out around now. */
  agenda: boolean;
  /** The server's now (ISO) and its time on the company's clock. */
  now: string;
  nowLabel: string;
  /** The day shown is today (the "now" line belongs in it). */
  isToday: boolean;
  /** The work day when today has nothing left ("Lundi 7 décembre 2026"). */
  nextWorkDay: string | null;
  /** The same, short ("ven. 4 déc."), for the period's select. */
  nextWorkDayShort: string | null;
};
