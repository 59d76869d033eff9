"use client";

// What the grid draws inside an appointment's box, in the time views and in month cells.
import { AlarmClock } from "lucide-react";
import { useTranslations } from "next-intl";
import type { EventProps } from "react-big-calendar";
import { STATUS_STYLES, StatusIcon } from "@/components/appointments/status-badge";
import { useLive } from "@/components/live/live-events";
import { type AppointmentStatus, isActive } from "@/lib/contract/status";
import { cn } from "@/lib/utils";
import type { CalendarEventView } from "./types";

/** An appointment as react-big-calendar holds it: floating start and end (range.ts). */
export type CalEvent = {
  id: string;
  start: Date;
  end: Date;
  resourceId: string;
  status: AppointmentStatus;
  /** In progress past its planned end (lib/appointments/late.ts). */
  late: boolean;
  /** Active and not inside its agent's (or the company's) hours where it is drawn: hatched amber. */
  outside: boolean;
  data: CalendarEventView;
};

function Marker({ event, className }: { event: CalEvent; className?: string }) {
  return event.late ? (
    <AlarmClock aria-hidden className={cn("size-3 shrink-0 text-red-700", className)} />
  ) : (
    <StatusIcon status={event.status} className={cn("size-3 shrink-0", className)} />
  );
}

/** Changed a moment ago by someone else (live events): ringed until the mark fades. */
function useChangedBy(id: string): string | undefined {
  return useLive().changes.get(id)?.by;
}

function bodyClass(event: CalEvent, changed = false) {
  return cn(
    changed && "ring-2 ring-amber-400 ring-offset-1",
    "rdv-event-body overflow-hidden rounded-[inherit] border",
    STATUS_STYLES[event.status],
    // Running late: a thick red edge beside the status colours (and the alarm clock icon).
    event.late && "border-l-[3px] border-l-red-600",
    event.status === "CANCELLED" && "rdv-cancelled",
    event.outside && "rdv-outside",
  );
}

/**
 * An appointment in the day, week and per-agent views. A container: what it says depends on
 * its width. From 5rem: start and customer on one line, "late" when it is, service, time
 * range. Narrower (side by side with others): the start, then the customer's first name and
 * the rest of the name on lines of their own. Below 2.25rem: the status icon alone. Lines
 * that do not fit whole move to a hidden second column (column wrap) instead of showing cut in
 * half; the tooltip and the drawer tell the rest. (Few elements: a busy week draws 500.)
 */
export function TimeEvent({ event }: EventProps<CalEvent>) {
  const t = useTranslations("calendar");
  const e = event.data;
  const struck = event.status === "CANCELLED" && "line-through";
  const space = e.customerName.indexOf(" ");
  const wide = "hidden truncate @min-[5rem]:block";
  const narrow = "hidden truncate text-[11px] @min-[2.25rem]:block @min-[5rem]:hidden";
  return (
    <EventBox event={event} className="@container flex h-full flex-col flex-wrap content-start gap-x-4 px-1 text-left text-xs leading-4 *:w-full">
      <span className="flex min-w-0 items-center justify-center gap-1 @min-[2.25rem]:justify-start">
        <Marker event={event} className="@min-[2.25rem]:@max-[3.5rem]:hidden" />
        <span className="hidden shrink-0 font-semibold tabular-nums @max-[5rem]:text-[11px] @min-[2.25rem]:inline">{e.start.slice(11)}</span>
        <span className={cn("hidden truncate font-medium @min-[5rem]:inline", struck)}>{e.customerName}</span>
      </span>
      {event.late ? <span className={cn(wide, "font-semibold text-red-700")}>{t("late")}</span> : null}
      {e.agentOff && isActive(event.status) ? <span className={cn(wide, "font-semibold text-amber-900")}>{t("agentOff")}</span> : null}
      <span className={cn(wide, "opacity-80")}>{e.serviceName}</span>
      <span className={cn(wide, "tabular-nums opacity-80")}>{e.time}</span>
      <span className={cn(narrow, "font-medium", struck)}>{space > 0 ? e.customerName.slice(0, space) : e.customerName}</span>
      {space > 0 ? <span className={cn(narrow, struck)}>{e.customerName.slice(space + 1)}</span> : null}
    </EventBox>
  );
}

/** One line in a month cell: start time and customer. */
export function MonthEvent({ event }: EventProps<CalEvent>) {
  const e = event.data;
  return (
    <EventBox event={event} className="flex h-full items-center gap-1 px-1 text-[11px] leading-4">
      <Marker event={event} />
      <span className="font-semibold tabular-nums">{e.start.slice(11)}</span>
      <span className={cn("truncate", event.status === "CANCELLED" && "line-through")}>{e.customerName}</span>
    </EventBox>
  );
}

/** An event's box: the data attributes tests and styles read, and the status colours (marked while another member's change shows). */
function EventBox({ event, className, children }: { event: CalEvent; className: string; children: React.ReactNode }) {
  const changedBy = useChangedBy(event.data.id);
  return (
    <div
      data-id={event.data.id}
      data-status={event.status}
      data-late={event.late || undefined}
      data-agent-off={(event.data.agentOff && isActive(event.status)) || undefined}
      data-outside={event.outside || undefined}
      data-changed={changedBy !== undefined || undefined}
      className={cn(bodyClass(event, changedBy !== undefined), className)}
    >
      {children}
    </div>
  );
}

/**
 * Day and week column headers as plain text: the library's are a span with role="columnheader"
 * inside a button, outside any grid or row (axe: aria-required-parent).
 */
export function ColumnHeader({ label }: { label: string }) {
  return <span>{label}</span>;
}
