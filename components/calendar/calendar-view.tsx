"use client";
import type { Absence, WallRange } from "@/lib/contract/hours";

import { AlertTriangle, CalendarX2 } from "lucide-react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useTransition } from "react";
import { AppointmentDrawer } from "@/components/appointments/appointment-drawer";
import { CancelDialog } from "@/components/appointments/cancel-dialog";
import { drawerStatus, useCancelTarget } from "@/components/appointments/use-cancel-target";
import type { AppointmentDetailView } from "@/components/appointments/types";
import { useStatusChange } from "@/components/appointments/use-status-change";
import type { MoveAgent } from "@/components/appointments/move-dialog";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { instantToWallClock } from "@/lib/contract/dates";
import { cn } from "@/lib/utils";
import { AgendaList } from "./agenda-list";
import { CalendarToolbar, type CalendarFilters } from "./calendar-toolbar";
import { CalendarGridSkeleton } from "./calendar-skeleton";
import { type CalendarView as View, dayKeyOr, stepKey } from "./range";
import { calendarParsers, shownStatuses } from "./search-params";
import type { CalendarEventView, CalendarResource, DayAbsence } from "./types";
import { useMediaQuery } from "./use-media-query";
import { useDropMove } from "./use-drop-move";
import { useShownEvents } from "./use-shown-events";

const BigCalendar = dynamic(() => import("./big-calendar").then((m) => m.BigCalendar), {
  ssr: false,
  loading: () => <CalendarGridSkeleton />,
});


/**
 * The calendar page's client side: URL state (view, day, filters, drawer), the grid on wide
 * screens or a day-by-day list on phones, and the same drawer and status buttons as the table.
 * `view` and `day` are what the server fetched; the URL may already be one step ahead while
 * the next range loads.
 */
export function CalendarView({
  view,
  day,
  title,
  today,
  days,
  events,
  resources,
  services,
  agents,
  detail,
  truncated,
  limit,
  companySlug,
  timeZone,
  locale,
  companyHours = null,
  absences = {},
  timeOff = [],
}: {
  view: View;
  day: string;
  /** The range's title, made on the server (Node's and the browser's Intl differ in their spaces). */
  title: string;
  today: string;
  days: { key: string; label: string; isToday: boolean }[];
  events: CalendarEventView[];
  resources: CalendarResource[];
  /**
   * When the company is open (the agent filtered on works), on its clock, from the same rule
   * that refuses a booking (null: open at all times): closed hours are shaded.
   */
  companyHours?: WallRange[] | null;
  /** Agents on time off, by day key ("YYYY-MM-DD"). */
  absences?: Record<string, DayAbsence[]>;
  /**
   * The time off itself (local dates and hours): each appointment shown, moved ones at their new
   * place at once, says "Agent absent" when its agent is off then (lib/contract/hours absentDuring).
   */
  timeOff?: Absence[];
  services: { id: string; name: string }[];
  agents: MoveAgent[];
  detail: AppointmentDetailView | null;
  truncated: boolean;
  limit: number;
  companySlug: string;
  timeZone: string;
  locale: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const hydrated = useHydrated();
  const wide = useMediaQuery("(min-width: 768px)");
  const [loading, startLoading] = useTransition();
  const [params, setParams] = useQueryStates(calendarParsers, {
    shallow: false,
    history: "push",
    startTransition: startLoading,
  });
  const asks = useCancelTarget();
  const { cancelTarget, setCancelTarget } = asks;

  // Every server answer (opening the drawer re-renders the page) brings new arrays; the grid
  // keeps the old ones while their content is the same, so it does not lay out again.
  const stableEvents = useSameContent(events);
  const stableResources = useSameContent(resources);
  const stableHours = useSameContent(companyHours);
  const stableTimeOff = useSameContent(timeOff);
  const byId = useMemo(() => new Map(stableEvents.map((e) => [e.id, e])), [stableEvents]);
  const describe = useCallback(
    (id: string) => {
      const e = byId.get(id);
      if (e) return `${e.customerName} · ${e.serviceName} · ${e.day} ${e.time}`;
      return detail?.id === id ? `${detail.customerName} · ${detail.serviceName} · ${detail.when}` : id;
    },
    [byId, detail],
  );
  const { overrides, change, undoNoShow } = useStatusChange(describe);
  const { reschedule, placedEvents, onDrop } = useDropMove(stableEvents, byId, timeZone, describe, stableTimeOff, stableResources);

  // The optimistic status shows on the grid at once (one the filters leave out leaves it); the
  // server's answer replaces it.
  const { shown: shownEvents, lateIds } = useShownEvents(placedEvents, overrides, shownStatuses(params));
  const pendingIds = useMemo(() => new Set(Object.keys(overrides)), [overrides]);

  // Steps start from the URL's day (a second click while loading goes one further).
  const urlDay = dayKeyOr(params.date, today);
  const go = useCallback(
    (patch: { date?: string; view?: View }) =>
      void setParams({
        ...(patch.view ? { view: patch.view } : {}),
        // Today is the default: kept out of the URL, so a bookmark always opens on today.
        ...(patch.date !== undefined ? { date: patch.date === today ? null : patch.date } : {}),
        appointment: null,
      }),
    [setParams, today],
  );

  const filters: CalendarFilters = { status: params.status, service: params.service, agent: params.agent, cancelled: params.cancelled };
  const filtered = filters.status.length > 0 || !!filters.service || !!filters.agent;

  const back = useMemo(() => {
    const sp = new URLSearchParams({ view: params.view });
    if (params.status.length) sp.set("status", params.status.join(","));
    if (params.service) sp.set("service", params.service);
    if (params.agent) sp.set("agent", params.agent);
    if (params.cancelled) sp.set("cancelled", "true");
    return `/c/${companySlug}/calendar?${sp}`;
  }, [params.view, params.status, params.service, params.agent, params.cancelled, companySlug]);
  const newHref = useCallback(
    (wall?: string, agentId?: string | null) => {
      const sp = new URLSearchParams();
      if (wall) sp.set("date", wall);
      if (agentId) sp.set("agentId", agentId);
      sp.set("returnTo", back);
      return `/c/${companySlug}/appointments/new?${sp}`;
    },
    [back, companySlug],
  );

  const openEvent = useCallback((id: string) => void setParams({ appointment: id }), [setParams]);
  const onSlot = useCallback((wall: string, agentId: string | null) => router.push(newHref(wall, agentId)), [router, newHref]);
  const onDrill = useCallback((key: string, v: View) => go({ date: key, view: v }), [go]);
  const now = useCallback(() => instantToWallClock(new Date(), timeZone), [timeZone]);

  const emptyText = filtered ? t("calendar.emptyFiltered") : t("calendar.empty");
  // A week with days of dozens of appointments draws them as thin blocks: say where the room is.
  const dense = useMemo(() => {
    if (view !== "week") return false;
    const perDay = new Map<string, number>();
    for (const e of shownEvents) perDay.set(e.start.slice(0, 10), (perDay.get(e.start.slice(0, 10)) ?? 0) + 1);
    return Math.max(0, ...perDay.values()) > 40;
  }, [view, shownEvents]);

  return (
    <div className="flex flex-col gap-3" data-hydrated={hydrated || undefined}>
      <CalendarToolbar
        view={params.view}
        title={title}
        isToday={urlDay === today}
        filters={filters}
        services={services}
        agents={agents}
        // Another day shown: that day, 09:00; today: the form's own default (the next quarter hour).
        newHref={newHref((view === "day" || view === "agents") && day !== today ? `${day}T09:00` : undefined)}
        onToday={() => go({ date: today })}
        onStep={(direction) => go({ date: stepKey(params.view, urlDay, direction) })}
        onView={(v) => go({ view: v, date: urlDay })}
        onFilters={(patch) => void setParams({ ...patch, appointment: null })}
      />

      {truncated ? (
        <p role="status" className="flex items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <AlertTriangle aria-hidden className="size-4 shrink-0" />
          {t("calendar.truncated", { limit })}
        </p>
      ) : null}
      {dense && wide ? (
        <p role="status" className="rounded-lg border bg-card px-3 py-2 text-sm text-muted-foreground">
          {t("calendar.dense")}
        </p>
      ) : null}
      {shownEvents.length === 0 && wide ? (
        <div role="status" className="flex flex-wrap items-center gap-2 rounded-lg border bg-card px-3 py-2 text-sm text-muted-foreground">
          <CalendarX2 aria-hidden className="size-4 shrink-0" />
          <span>{emptyText}</span>
          {filtered ? (
            <Button variant="link" size="sm" className="h-auto p-0" onClick={() => void setParams({ status: [], service: null, agent: null })}>
              {t("appointments.empty.clear")}
            </Button>
          ) : (
            <span>{t("calendar.slotHint")}</span>
          )}
        </div>
      ) : null}

      <div className={cn("relative transition-opacity", loading && "opacity-60")} aria-busy={loading}>
        {loading ? (
          <div className="absolute inset-x-0 -top-2 z-10 h-0.5 overflow-hidden rounded bg-primary/20" aria-hidden>
            <div className="h-full w-1/3 animate-pulse bg-primary" />
          </div>
        ) : null}
        {wide === null ? (
          <CalendarGridSkeleton />
        ) : wide ? (
          <div
            className={cn("h-[calc(100dvh-14rem)] min-h-[36rem]", view === "month" && "min-h-[42rem]")}
            data-testid="calendar"
            data-view={view}
            data-day={day}
          >
            <BigCalendar
              view={view}
              day={day}
              events={shownEvents}
              lateIds={lateIds}
              resources={stableResources}
              companyHours={stableHours}
              locale={locale}
              timeZone={timeZone}
              selectedId={params.appointment}
              now={now}
              onOpen={openEvent}
              onSlot={onSlot}
              onDrill={onDrill}
              onDrop={onDrop}
            />
          </div>
        ) : (
          <AgendaList
            days={days}
            events={shownEvents}
            pendingIds={pendingIds}
            lateIds={lateIds}
            absences={absences}
            onOpen={openEvent}
            newHref={(key) => newHref(key === today ? undefined : `${key}T09:00`)}
            emptyText={emptyText}
          />
        )}
      </div>

      <AppointmentDrawer
        openId={params.appointment}
        detail={detail}
        {...drawerStatus(detail, { overrides, change, undoNoShow }, asks)}
        onClose={() => void setParams({ appointment: null })}
        move={{ agents, company: companySlug, timeZone, pending: reschedule.pending, onMove: reschedule.move }}
      />
      <CancelDialog
        target={cancelTarget}
        onClose={() => setCancelTarget(null)}
        onConfirm={(target, reason) => {
          setCancelTarget(null);
          change(target.ids[0], "CANCELLED", reason || undefined, undefined, target.noShow ? "no-show" : undefined);
        }}
      />
    </div>
  );
}

/** The previous value while the new one has the same JSON: keeps memoised children still. */
function useSameContent<T>(value: T): T {
  const json = JSON.stringify(value);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the content is the dependency
  return useMemo(() => value, [json]);
}
