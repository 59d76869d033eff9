// What the browser gets of a message and of a customer's reply: display strings made on the
// server in the company's zone and the member's language.
import type { MessageChannel, MessageKind, MessageState } from "@/lib/contract/messages";

export type MessageRow = {
  id: string;
  /** Null: an answer to a customer's reply tied to no appointment. */
  appointmentId: string | null;
  /** Null: an answer to a number no customer has. */
  customerId: string | null;
  /** The customer, or the number written to when none. */
  customerName: string;
  trigger: MessageKind;
  /** Null: no channel could reach the customer (the message failed for it). */
  channel: MessageChannel | null;
  recipient: string | null;
  state: MessageState;
  /** "04/12 18:00": when it went (sent) or is due, on the company's clock. */
  when: string;
  /** ISO of that instant (for <time>). */
  at: string;
  /** The provider's reason for a failed or unknown one; why a cancelled one was dropped. */
  reason: string | null;
  /** The appointment it is about: "Coupe homme · sam. 5 déc. 10:00"; null: none. */
  appointment: string | null;
  body: string;
};

export type ReplyRow = {
  id: string;
  channel: MessageChannel;
  customerName: string | null;
  sender: string;
  text: string;
  when: string;
  at: string;
  appointmentId: string | null;
  appointment: string | null;
};

/** Staff may send these again ("Renvoyer"). */
export const RESENDABLE: readonly MessageState[] = ["failed", "unknown"];
