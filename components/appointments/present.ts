// Server side: domain appointments → the display rows the browser gets.
import type { AppointmentDetail, AppointmentEventView, AppointmentView } from "@/lib/appointments";
import type { MessageView } from "@/lib/messages";
import { clientReplyChannel } from "@/lib/contract/messages";
import { toMessageRow } from "@/components/messages/present";
import type { ServiceField } from "@/lib/contract/fields";
import { DAY_KEY, instantToWallClock } from "@/lib/contract/dates";
import { type Absence, absentDuring } from "@/lib/contract/hours";
import { NO_SHOW_UNDO_MS } from "@/lib/contract/status";
import { formatDay, formatLongDateTime, formatLongDay, formatMoney, formatPhone, formatTime } from "@/lib/contract/format";
import type { AppointmentDetailView, AppointmentRow } from "./types";

/** `absences`: the company's time off around the rows (the phone's cards say when an agent is off). */
export function toRow(a: AppointmentView, timeZone: string, locale: string, absences: readonly Absence[] = []): AppointmentRow {
  const day = upperFirst(formatDay(a.date, timeZone, locale));
  const time = formatTime(a.date, timeZone, locale);
  return {
    id: a.id,
    status: a.status,
    startsAt: a.date.toISOString(),
    endsAt: a.end.toISOString(),
    day,
    time,
    endTime: formatTime(a.end, timeZone, locale),
    when: `${day} ${time}`,
    customerName: a.customer.fullname,
    customerPhone: formatPhone(a.customer.telephone),
    serviceName: a.service.name,
    agentName: a.agent?.fullname ?? null,
    agentOff: absentDuring(absences, a.agentId, instantToWallClock(a.date, timeZone), instantToWallClock(a.end, timeZone)),
    commune: a.commune,
    price: formatMoney(a.totalPrice, a.company.currency, locale),
  };
}

export function toDetail(
  a: AppointmentDetail,
  events: AppointmentEventView[],
  messages: MessageView[],
  timeZone: string,
  locale: string,
  words: { yes: string; no: string },
  /** The member is an owner or admin (may take a no-show back). */
  manager = false,
  now = new Date(),
): AppointmentDetailView {
  const kind = a.cancellation?.kind ?? null;
  return {
    ...toRow(a, timeZone, locale),
    serviceId: a.serviceId,
    agentId: a.agentId,
    startWall: instantToWallClock(a.date, timeZone),
    cancellationKind: kind,
    canUndoNoShow: manager && kind === "no-show" && now.getTime() - a.updatedAt.getTime() < NO_SHOW_UNDO_MS,
    longDay: upperFirst(formatLongDay(a.date, timeZone, locale)),
    durationMinutes: a.service.duration,
    customerEmail: a.customer.email,
    fields: fieldsOf(a.service.fields ?? [], a.filledFields ?? {}, a.company.currency, locale, words),
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorType: e.actorType,
      actorName: e.actorName,
      reason: e.reason,
      ...(clientReplyChannel(e) ? { byClient: clientReplyChannel(e)! } : {}),
      outsideHours: (e.details as { outsideHours?: boolean } | null)?.outsideHours === true,
      at: formatLongDateTime(e.at, timeZone, locale),
      ...(e.details?.kind === "no-show" ? { note: "no-show" as const } : e.details?.undo === "no-show" ? { note: "no-show-undone" as const } : {}),
      ...(e.kind === "moved" && e.details ? { move: moveOf(e.details, timeZone, locale) } : {}),
    })),
    messages: messages.map((m) => toMessageRow(m, timeZone, locale)),
  };
}

/** Filled fields in the service's order, with their labels and option labels (and prices). */
function fieldsOf(
  defs: readonly ServiceField[],
  filled: Record<string, unknown>,
  currency: string,
  locale: string,
  words: { yes: string; no: string },
) {
  const out: { name: string; label: string; value: string }[] = [];
  for (const def of defs) {
    const raw = filled[def.name];
    if (raw === undefined || raw === null || raw === "" || (Array.isArray(raw) && raw.length === 0)) continue;
    const option = (v: unknown) => {
      const o = def.options.find((x) => x.value === v);
      if (!o) return String(v);
      return o.price ? `${o.label} (+${formatMoney(o.price, currency, locale)})` : o.label;
    };
    let value: string;
    if (def.type === "select") value = option(raw);
    else if (def.type === "multipleSelect") value = (Array.isArray(raw) ? raw : [raw]).map(option).join(", ");
    else if (def.type === "phone") value = formatPhone(String(raw));
    else if (def.type === "date" && typeof raw === "string" && DAY_KEY.test(raw)) {
      value = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${raw}T00:00:00Z`),
      );
    } else if (typeof raw === "boolean") value = raw ? words.yes : words.no;
    else value = String(raw);
    out.push({ name: def.name, label: def.label, value });
  }
  return out;
}

/** A move's details (lib/appointments/reschedule.ts) as the history says them. */
function moveOf(details: Record<string, unknown>, timeZone: string, locale: string) {
  const when = (iso: unknown) => {
    const d = new Date(String(iso));
    return `${upperFirst(formatDay(d, timeZone, locale))} ${formatTime(d, timeZone, locale)}`;
  };
  const name = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    from: when(details.fromDate),
    to: when(details.toDate),
    dateChanged: details.fromDate !== details.toDate,
    agentChanged: details.fromAgentId !== details.toAgentId,
    fromAgent: name(details.fromAgentName),
    toAgent: name(details.toAgentName),
  };
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
