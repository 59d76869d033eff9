"use client";

import { AlarmClock, Plus, UserX } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { AbsentBadge, StatusBadge } from "@/components/appointments/status-badge";
import { cn } from "@/lib/utils";
import type { CalendarEventView, DayAbsence } from "./types";

/**
 * Phones: the visible range as a list of days and their appointments (a time grid is
 * unreadable at 390 px). Each appointment opens the same drawer; each day can take a new one.
 * Agents on time off are named under their day, and a card whose agent is off then says so.
 */
export function AgendaList({
  days,
  events,
  pendingIds,
  lateIds,
  absences = {},
  onOpen,
  newHref,
  emptyText,
}: {
  days: { key: string; label: string; isToday: boolean }[];
  events: CalendarEventView[];
  pendingIds: Set<string>;
  /** Appointments running late (in progress past their end). */
  lateIds: ReadonlySet<string>;
  /** Agents on time off, by day key. */
  absences?: Record<string, DayAbsence[]>;
  onOpen: (id: string) => void;
  newHref: (day: string) => string;
  emptyText: string;
}) {
  const t = useTranslations("calendar");
  const byDay = new Map<string, CalendarEventView[]>();
  for (const e of events) {
    const key = e.start.slice(0, 10);
    const list = byDay.get(key);
    if (list) list.push(e);
    else byDay.set(key, [e]);
  }
  // A single day always shows (with its empty state); longer ranges skip empty days.
  const shown = days.length === 1 ? days : days.filter((d) => byDay.has(d.key) || absences[d.key]);

  // A week or a month opens on today, like a paper diary: the days before are above.
  const todayRef = useRef<HTMLElement>(null);
  const todayShown = shown.length > 1 && shown[0] && !shown[0].isToday && shown.some((d) => d.isToday);
  useEffect(() => {
    if (todayShown) todayRef.current?.scrollIntoView({ block: "start" });
  }, [todayShown]);

  if (shown.length === 0) {
    return (
      <p role="status" data-testid="agenda-empty" className="rounded-lg border bg-card p-6 text-center text-sm text-muted-foreground">
        {emptyText}
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-4" data-testid="agenda">
      {shown.map((d) => {
        const list = byDay.get(d.key) ?? [];
        return (
          <section
            key={d.key}
            ref={d.isToday ? todayRef : undefined}
            aria-labelledby={`agenda-${d.key}`}
            className="flex scroll-mt-20 flex-col gap-2"
          >
            <div className="flex items-center justify-between gap-2">
              <h3 id={`agenda-${d.key}`} className={cn("text-sm font-semibold", d.isToday && "text-primary")}>
                {d.label}
                <span className="ml-2 font-normal text-muted-foreground">{t("count", { count: list.length })}</span>
              </h3>
              <Link
                href={newHref(d.key)}
                aria-label={t("addOnDay", { day: d.label })}
                className="flex size-8 items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60"
              >
                <Plus aria-hidden className="size-4" />
              </Link>
            </div>
            {absences[d.key] ? (
              <p data-testid="day-absences" className="flex items-center gap-2 text-sm text-muted-foreground">
                <UserX aria-hidden className="size-4 shrink-0" />
                {t("absences", { list: absences[d.key].map((a) => `${a.name} (${a.hours ?? t("absentAllDay")})`).join(", ") })}
              </p>
            ) : null}
            {list.length === 0 ? (
              <p className="rounded-lg border bg-card p-4 text-sm text-muted-foreground">{emptyText}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {list.map((e) => {
                  const status = e.status;
                  const late = lateIds.has(e.id);
                  return (
                    <li key={e.id} data-id={e.id} data-late={late || undefined}>
                      <button
                        type="button"
                        onClick={() => onOpen(e.id)}
                        className="flex w-full items-start gap-3 rounded-lg border bg-card p-3 text-left shadow-xs outline-none hover:bg-accent/50 focus-visible:ring-[3px] focus-visible:ring-ring/60"
                      >
                        <span className="w-12 shrink-0 pt-0.5 text-sm font-semibold tabular-nums">{e.start.slice(11)}</span>
                        <span className="min-w-0 flex-1">
                          <span className="flex items-center justify-between gap-2">
                            <span className={cn("truncate font-medium", status === "CANCELLED" && "line-through")}>{e.customerName}</span>
                            <span className="flex shrink-0 items-center gap-1">
                              {late ? <LateBadge /> : null}
                              {e.agentOff && status !== "CANCELLED" && status !== "COMPLETED" ? <AbsentBadge /> : null}
                              <StatusBadge status={status} pending={pendingIds.has(e.id)} />
                            </span>
                          </span>
                          <span className="block truncate text-sm text-muted-foreground">
                            {e.serviceName} · {e.agentName ?? t("unassigned")}
                          </span>
                          <span className="block text-xs text-muted-foreground tabular-nums">{e.time}</span>
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

function LateBadge() {
  const t = useTranslations("calendar");
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-red-300 bg-red-50 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-red-800">
      <AlarmClock aria-hidden className="size-3.5" />
      {t("late")}
    </span>
  );
}
