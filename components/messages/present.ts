// Server side: the journal's messages and the customers' replies → the display rows the browser gets.
import type { MessageView, UnreadReply } from "@/lib/messages";
import { formatDateTime, formatDay, formatPhone, formatTime } from "@/lib/contract/format";
import type { MessageRow, ReplyRow } from "./types";

/** "Coupe homme · Sam. 5 déc. 10:00": the appointment a message or reply is about. */
function appointmentLabel(serviceName: string, date: Date, timeZone: string, locale: string): string {
  const day = formatDay(date, timeZone, locale);
  return `${serviceName} · ${day.charAt(0).toLocaleUpperCase()}${day.slice(1)} ${formatTime(date, timeZone, locale)}`;
}

export function toMessageRow(m: MessageView, timeZone: string, locale: string): MessageRow {
  // When it went, once it went; before that (or when it never did), when it is or was due.
  const at = m.sentAt ?? m.dueAt;
  const recipient = m.recipient && m.recipient.startsWith("+") ? formatPhone(m.recipient) : m.recipient;
  return {
    id: m.id,
    appointmentId: m.appointmentId,
    customerId: m.customerId,
    customerName: m.customerName ?? recipient ?? "—",
    trigger: m.trigger,
    channel: m.channel,
    recipient,
    state: m.state,
    when: formatDateTime(at, timeZone, locale),
    at: at.toISOString(),
    reason: m.failureReason,
    appointment: m.serviceName && m.appointmentDate ? appointmentLabel(m.serviceName, m.appointmentDate, timeZone, locale) : null,
    body: m.body,
  };
}

export function toReplyRow(r: UnreadReply, timeZone: string, locale: string): ReplyRow {
  return {
    id: r.id,
    channel: r.channel,
    customerName: r.customerName,
    sender: formatPhone(r.sender),
    text: r.text,
    when: formatDateTime(r.receivedAt, timeZone, locale),
    at: r.receivedAt.toISOString(),
    appointmentId: r.appointmentId,
    appointment: r.appointmentId && r.serviceName && r.appointmentDate ? appointmentLabel(r.serviceName, r.appointmentDate, timeZone, locale) : null,
  };
}
