"use client";

// react-big-calendar, fed with "wall-clock" Dates of the company (see range.ts) so that what
// it draws is the company's clock whatever the browser's zone. Loaded in the browser only
// (next/dynamic, ssr: false): it measures the DOM, and the grid depends on the screen width.
import { format, getDay, parse, startOfWeek } from "date-fns";
import { enGB, fr } from "date-fns/locale";
import { useTranslations } from "next-intl";
import { memo, useCallback, useEffect, useMemo } from "react";
import {
  Calendar,
  dateFnsLocalizer,
  type DayLayoutFunction,
  type EventProps,
  type Formats,
  type ShowMoreProps,
  type SlotInfo,
  type View,
} from "react-big-calendar";
import noOverlap from "react-big-calendar/lib/utils/layout-algorithms/no-overlap";
import "react-big-calendar/lib/css/react-big-calendar.css";
import "./calendar.css";
import { STATUS_STYLES, StatusIcon } from "@/components/appointments/status-badge";
import type { AppointmentStatus } from "@/lib/appointments/status";
import { cn } from "@/lib/utils";
import { type CalendarView, wallDate, wallString } from "./range";
import { type CalendarEventView, type CalendarResource, UNASSIGNED } from "./types";

const localizer = dateFnsLocalizer({ format, parse, startOfWeek, getDay, locales: { fr, en: enGB } });

/**
 * The library's "no-overlap" layout (events side by side, none on top of another), fed with
 * ends one minute early: it compares positions in floating-point percent, and back-to-back
 * appointments (09:45 → 10:15, 10:15 → 11:00) were taken for overlapping and drawn at half
 * width. A minute is about a pixel; the times shown come from the appointment, not the box.
 */
const dayLayout: DayLayoutFunction<CalEvent> = (args) =>
  (noOverlap as unknown as DayLayoutFunction<CalEvent>)({
    ...args,
    accessors: { ...args.accessors, end: (e: CalEvent) => new Date(e.end.getTime() - 60_000) },
  } as Parameters<DayLayoutFunction<CalEvent>>[0]);

type CalEvent = {
  id: string;
  start: Date;
  end: Date;
  resourceId: string;
  status: AppointmentStatus;
  data: CalendarEventView;
};

const hm = (d: Date, culture: string | undefined, loc: { format: (d: Date, f: string, c?: string) => string }) =>
  loc.format(d, "HH:mm", culture);

// 24-hour clock in both languages; weekday names from date-fns' locale.
const FORMATS: Formats = {
  timeGutterFormat: "HH:mm",
  eventTimeRangeFormat: ({ start, end }, culture, loc) => `${hm(start, culture, loc!)} – ${hm(end, culture, loc!)}`,
  selectRangeFormat: ({ start, end }, culture, loc) => `${hm(start, culture, loc!)} – ${hm(end, culture, loc!)}`,
  dayFormat: "EEE d",
  weekdayFormat: "EEE",
  dateFormat: "d",
  dayHeaderFormat: "EEEE d MMMM",
};

export type BigCalendarProps = {
  view: CalendarView;
  /** The day shown (YYYY-MM-DD, company clock). */
  day: string;
  events: CalendarEventView[];
  resources: CalendarResource[];
  locale: string;
  timeZone: string;
  /** The appointment whose drawer is open. */
  selectedId: string | null;
  /** "YYYY-MM-DDTHH:mm" now on the company's clock (read again every minute by the calendar). */
  now: () => string;
  onOpen: (id: string) => void;
  onSlot: (wall: string, agentId: string | null) => void;
  onDrill: (day: string, view: CalendarView) => void;
};

/** The grid. Memoised: the drawer opening or a toast does not lay 500 events out again. */
export const BigCalendar = memo(function BigCalendar({
  view,
  day,
  events,
  resources,
  locale,
  selectedId,
  now,
  onOpen,
  onSlot,
  onDrill,
}: BigCalendarProps) {
  const t = useTranslations("calendar");

  const calEvents = useMemo<CalEvent[]>(
    () =>
      events.map((e) => ({
        id: e.id,
        start: wallDate(e.start),
        end: wallDate(e.end),
        resourceId: e.agentId ?? UNASSIGNED,
        status: e.status,
        data: e,
      })),
    [events],
  );
  const selected = useMemo(() => calEvents.find((e) => e.id === selectedId), [calEvents, selectedId]);

  // Opening hours by default, widened to whatever the visible appointments need.
  const { min, max } = useMemo(() => {
    let from = 8 * 60;
    let to = 19 * 60;
    for (const e of calEvents) {
      const sameDay = e.start.toDateString() === e.end.toDateString();
      from = Math.min(from, e.start.getHours() * 60 + e.start.getMinutes());
      to = Math.max(to, sameDay ? e.end.getHours() * 60 + e.end.getMinutes() : 24 * 60);
    }
    const base = wallDate(`${day}T00:00`);
    const startHour = Math.floor(from / 60);
    const endMinutes = Math.min(24 * 60 - 1, Math.ceil(to / 60) * 60);
    return {
      min: new Date(base.getFullYear(), base.getMonth(), base.getDate(), startHour, 0),
      max: new Date(base.getFullYear(), base.getMonth(), base.getDate(), Math.floor(endMinutes / 60), endMinutes % 60),
    };
  }, [calEvents, day]);

  const getNow = useCallback(() => wallDate(now()), [now]);
  // Today opens an hour before now; other days at the first hour shown. (Set explicitly: the
  // library's default, midnight, scrolls half-way down when the first hour is not midnight.)
  const scrollToTime = useMemo(() => {
    const current = wallDate(now());
    const earlier = new Date(current.getTime() - 3_600_000);
    return now().startsWith(day) && earlier > min ? earlier : min;
  }, [now, day, min]);

  const messages = useMemo(
    () => ({
      showMore: (count: number) => t("more", { count }),
      noEventsInRange: t("empty"),
      today: t("today"),
      day: t("views.day"),
      week: t("views.week"),
      month: t("views.month"),
    }),
    [t],
  );

  const components = useMemo(
    () => ({
      event: TimeEvent,
      // The library's day and week headers are a span with role="columnheader" inside a
      // button, outside any grid or row (axe: aria-required-parent): plain text reads the same.
      // The month keeps its own (they sit in a row there).
      day: { header: ColumnHeader },
      week: { header: ColumnHeader },
      month: { event: MonthEvent },
      // "+N": a button in a cell (the library puts a bare button in a role="row", which may
      // only hold cells), opening that day agent by agent.
      showMore: function ShowMore({ count, slotDate }: ShowMoreProps<CalEvent>) {
        return (
          <span role="cell" className="block">
            <button type="button" className="rbc-button-link rbc-show-more" onClick={() => onDrill(wallString(slotDate).slice(0, 10), "agents")}>
              {t("more", { count })}
            </button>
          </span>
        );
      },
    }),
    [onDrill, t],
  );

  const onSelectSlot = useCallback(
    (slot: SlotInfo) => {
      if (view === "month") {
        onDrill(wallString(slot.start).slice(0, 10), "agents");
        return;
      }
      const agent = slot.resourceId && slot.resourceId !== UNASSIGNED ? String(slot.resourceId) : null;
      onSlot(wallString(slot.start), agent);
    },
    [view, onSlot, onDrill],
  );

  // Page-level measure of how long the grid takes to draw (read by the e2e tests).
  const mark = `calendar-${view}-${day}-${events.length}`;
  if (typeof performance !== "undefined") performance.mark(`${mark}:start`);
  useEffect(() => {
    try {
      performance.measure("calendar-render", { start: `${mark}:start`, detail: { view, events: events.length } });
    } catch {
      // the mark may be gone (a render that did not commit)
    }
  }, [mark, view, events.length]);

  return (
    <Calendar<CalEvent, CalendarResource>
      className="rdv-calendar"
      localizer={localizer}
      culture={locale === "en" ? "en" : "fr"}
      formats={FORMATS}
      messages={messages}
      toolbar={false}
      date={wallDate(`${day}T12:00`)}
      view={(view === "agents" ? "day" : view) as View}
      views={["day", "week", "month"]}
      onView={() => {}}
      onNavigate={(d) => onDrill(wallString(d).slice(0, 10), view)}
      // A day's header (week) or number and "+N" (month) open that day, one column per agent.
      onDrillDown={(d) => onDrill(wallString(d).slice(0, 10), "agents")}
      events={calEvents}
      selected={selected}
      resources={view === "agents" ? resources : undefined}
      resourceIdAccessor="id"
      resourceTitleAccessor="title"
      resourceAccessor="resourceId"
      tooltipAccessor={(e) =>
        `${e.data.time} · ${e.data.customerName} · ${e.data.serviceName}${e.data.agentName ? ` · ${e.data.agentName}` : ""}`
      }
      titleAccessor={(e) => e.data.customerName}
      getNow={getNow}
      min={min}
      max={max}
      scrollToTime={scrollToTime}
      step={15}
      timeslots={4}
      selectable
      longPressThreshold={250}
      onSelectSlot={onSelectSlot}
      onSelectEvent={(e) => onOpen(e.id)}
      onKeyPressEvent={(e, ev) => {
        const key = (ev as unknown as KeyboardEvent).key;
        if (key === "Enter" || key === " ") {
          ev.preventDefault();
          onOpen(e.id);
        }
      }}
      dayLayoutAlgorithm={dayLayout}
      components={components}
      style={{ height: "100%" }}
    />
  );
});

function ColumnHeader({ label }: { label: string }) {
  return <span>{label}</span>;
}

/**
 * An appointment in the day, week and per-agent views, most useful first so that a short or
 * narrow one still says who: start and customer, then service, then the full time range.
 */
function TimeEvent({ event }: EventProps<CalEvent>) {
  const e = event.data;
  return (
    <div
      data-id={e.id}
      data-status={event.status}
      className={cn(
        // A container: in a crowded week column an event is a few pixels wide, and then it
        // shows as a plain block of its status colour (text would be noise; the tooltip and
        // the drawer tell the rest, and a day's per-agent view has room).
        // Column wrap: a line that does not fit whole moves to a hidden second column instead
        // of showing cut in half.
        "rdv-event-body @container flex h-full flex-col flex-wrap content-start overflow-hidden rounded-[inherit] border gap-x-4 px-1 text-left text-xs leading-4 *:w-full",
        STATUS_STYLES[event.status],
      )}
    >
      {/* Narrower and narrower: below 64 px only the start time, below 44 px only the status
          icon, below 20 px nothing. */}
      <span className="flex min-w-0 items-center gap-1 @max-[2.75rem]:justify-center">
        <StatusIcon status={event.status} className="size-3 shrink-0 @max-[1.25rem]:hidden @min-[2.75rem]:@max-[4rem]:hidden" />
        <span className="shrink-0 font-semibold tabular-nums @max-[2.75rem]:hidden">{e.start.slice(11)}</span>
        <span className={cn("truncate font-medium @max-[4rem]:hidden", event.status === "CANCELLED" && "line-through")}>
          {e.customerName}
        </span>
      </span>
      <span className="truncate opacity-80 @max-[4rem]:hidden">{e.serviceName}</span>
      <span className="truncate tabular-nums opacity-80 @max-[4rem]:hidden">{e.time}</span>
    </div>
  );
}

/** One line in a month cell: start time and customer. */
function MonthEvent({ event }: EventProps<CalEvent>) {
  const e = event.data;
  return (
    <div
      data-id={e.id}
      data-status={event.status}
      className={cn(
        "rdv-event-body flex h-full items-center gap-1 overflow-hidden rounded-[inherit] border px-1 text-[11px] leading-4",
        STATUS_STYLES[event.status],
      )}
    >
      <StatusIcon status={event.status} className="size-3 shrink-0" />
      <span className="font-semibold tabular-nums">{e.start.slice(11)}</span>
      <span className={cn("truncate", event.status === "CANCELLED" && "line-through")}>{e.customerName}</span>
    </div>
  );
}
