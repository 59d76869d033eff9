"use client";

// react-big-calendar, fed with floating Dates of the company's wall clock (see range.ts) so that
// what it draws is the company's clock whatever the browser's zone. Loaded in the browser only
// (next/dynamic, ssr: false): it measures the DOM, and the grid depends on the screen width.
import { useTranslations } from "next-intl";
import { memo, useCallback, useMemo } from "react";
import { Calendar, type ShowMoreProps, type SlotInfo, type View } from "react-big-calendar";
import withDragAndDrop, { type EventInteractionArgs } from "react-big-calendar/lib/addons/dragAndDrop";
import "react-big-calendar/lib/css/react-big-calendar.css";
import "react-big-calendar/lib/addons/dragAndDrop/styles.css";
import "./calendar.css";
import { type CalEvent, ColumnHeader, MonthEvent, TimeEvent } from "./calendar-events";
import { atMinute, gridHours, openingMinute } from "./hours";
import { insideWall, openAtWall, type WallRange } from "@/lib/contract/hours";
import { dayLayout } from "./layout";
import { floatingLocalizer } from "./localizer";
import { type CalendarView, floatingRange, visibleDays, wallDate, wallString } from "./range";
import { type CalendarEventView, type CalendarResource, UNASSIGNED } from "./types";

// Drag and drop (the library's addon): an appointment dropped at another time, or in the
// per-agent view in another agent's column, is moved. Drag is never the only way: the drawer's
// "Déplacer" does the same from the keyboard (Enter on a focused appointment opens it).
//
// The library's default export wraps its calendar in `uncontrollable` (default view, date and
// selection kept in state), whose wrapper was compiled with the classic JSX transform: React warns
// "outdated JSX transform" in development on its first render. Every one of those props is
// controlled here (view, date, selected, with onView, onNavigate, onSelectEvent), so the wrapper
// does nothing: the calendar it wraps is used directly.
const ControlledCalendar = (Calendar as unknown as { ControlledComponent: typeof Calendar }).ControlledComponent;
const DnDCalendar = withDragAndDrop<CalEvent, CalendarResource>(ControlledCalendar);
const ACTIVE = new Set(["PENDING", "CONFIRMED", "IN_PROGRESS"]);

const setAside = (e: CalEvent) => e.status === "CANCELLED";
const layout = dayLayout<CalEvent>(setAside);

export type BigCalendarProps = {
  view: CalendarView;
  /** The day shown (YYYY-MM-DD, company clock). */
  day: string;
  events: CalendarEventView[];
  /** Appointments running late (in progress past their end), marked on the grid. */
  lateIds: ReadonlySet<string>;
  resources: CalendarResource[];
  /** Shaded outside these hours (the company's; per agent, the column's). */
  companyHours?: WallRange[] | null;
  locale: string;
  timeZone: string;
  /** The appointment whose drawer is open. */
  selectedId: string | null;
  /** "YYYY-MM-DDTHH:mm" now on the company's clock (read again every minute by the calendar). */
  now: () => string;
  onOpen: (id: string) => void;
  onSlot: (wall: string, agentId: string | null) => void;
  onDrill: (day: string, view: CalendarView) => void;
  /** An appointment dropped: its new start on the company's clock, and agent (undefined: unchanged). */
  onDrop: (id: string, wallStart: string, agentId: string | null | undefined) => void;
};

/** The grid. Memoised: the drawer opening or a toast does not lay 500 events out again. */
export const BigCalendar = memo(function BigCalendar({
  view,
  day,
  events,
  lateIds,
  resources,
  companyHours = null,
  locale,
  timeZone,
  selectedId,
  now,
  onOpen,
  onSlot,
  onDrill,
  onDrop,
}: BigCalendarProps) {
  const t = useTranslations("calendar");

  // Outside hours: not inside its agent's hours (or, unassigned, the company's), the rule a
  // booking is checked with; worked out from where the event is drawn, so a drop shows it at once.
  const calEvents = useMemo<CalEvent[]>(() => {
    const agentHours = new Map(resources.map((r) => [r.id, r.hours ?? null]));
    return events.map((e) => ({
      id: e.id,
      ...floatingRange(new Date(e.startsAt), new Date(e.endsAt), timeZone),
      resourceId: e.agentId ?? UNASSIGNED,
      status: e.status,
      late: lateIds.has(e.id),
      outside: ACTIVE.has(e.status) && !insideWall(e.agentId ? (agentHours.get(e.agentId) ?? null) : companyHours, e.start, e.end),
      data: e,
    }));
  }, [events, lateIds, timeZone, resources, companyHours]);
  const selected = useMemo(() => calEvents.find((e) => e.id === selectedId), [calEvents, selectedId]);
  const localizer = useMemo(() => {
    const last = new WeakSet(calEvents.filter(setAside).map((e) => e.start));
    return floatingLocalizer((start) => last.has(start));
  }, [calEvents]);

  // The hours shown and the one the grid opens on (hours.ts). The library reads
  // `scrollToTime` when the grid mounts only: the grid is keyed by view and day below, so each
  // range opens on its own hour instead of keeping the last one's scroll.
  const { min, max, scrollToTime } = useMemo(() => {
    const { first, last } = visibleDays(view, day);
    const hours = gridHours(calEvents, first, last);
    return {
      min: atMinute(day, hours.from),
      max: atMinute(day, hours.to),
      scrollToTime: atMinute(day, openingMinute(calEvents, first, last, wallDate(now()))),
    };
  }, [calEvents, view, day, now]);
  const getNow = useCallback(() => wallDate(now()), [now]);

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
      // Plain-text day and week headers (calendar-events.tsx); the month keeps its own (they sit in a row there).
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

  // Slots are floating Dates (UTC fields = the company's wall clock): closed ones get a class.
  const slotPropGetter = useCallback(
    (date: Date, resourceId?: string | number) => {
      if (view === "month") return {};
      const column = view === "agents" && resourceId !== UNASSIGNED ? resources.find((r) => r.id === resourceId) : undefined;
      const hours = column ? (column.hours ?? null) : companyHours;
      return openAtWall(hours, wallString(date)) ? {} : { className: "rdv-closed" };
    },
    [view, resources, companyHours],
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

  const onEventDrop = useCallback(
    ({ event, start, resourceId }: EventInteractionArgs<CalEvent>) => {
      const wall = wallString(new Date(start));
      // Another column only in the per-agent view; elsewhere the agent stays.
      const agent = view === "agents" && resourceId !== undefined ? (resourceId === UNASSIGNED ? null : String(resourceId)) : undefined;
      onDrop(event.id, wall, agent);
    },
    [view, onDrop],
  );
  const draggable = useCallback((e: CalEvent) => view !== "month" && ACTIVE.has(e.status), [view]);

  return (
    <DnDCalendar
      key={`${view}-${day}`}
      className="rdv-calendar"
      localizer={localizer}
      culture={locale === "en" ? "en" : "fr"}
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
        [
          e.data.time,
          e.data.customerName,
          e.data.serviceName,
          e.data.agentName,
          e.late ? t("late") : null,
          e.data.agentOff && ACTIVE.has(e.status) ? t("agentOff") : null,
          e.outside ? t("outsideHours") : null,
        ]
          .filter(Boolean)
          .join(" · ")
      }
      titleAccessor={(e) => e.data.customerName}
      getNow={getNow}
      // An appointment across midnight is drawn in both days' columns with its times: without
      // this the library puts it in the all-day row, which is hidden (calendar.css), so it vanished.
      showMultiDayTimes
      min={min}
      max={max}
      scrollToTime={scrollToTime}
      step={15}
      timeslots={4}
      selectable
      longPressThreshold={250}
      onSelectSlot={onSelectSlot}
      slotPropGetter={slotPropGetter}
      onSelectEvent={(e) => onOpen(e.id)}
      onKeyPressEvent={(e, ev) => {
        const key = (ev as unknown as KeyboardEvent).key;
        if (key === "Enter" || key === " ") {
          ev.preventDefault();
          onOpen(e.id);
        }
      }}
      draggableAccessor={draggable}
      resizable={false}
      onEventDrop={onEventDrop}
      dayLayoutAlgorithm={layout}
      components={components}
      style={{ height: "100%" }}
    />
  );
});
