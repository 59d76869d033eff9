"use client";

import { ChevronLeft, ChevronRight, Plus, X } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ServiceAgentSelects, StatusFacet } from "@/components/appointments/appointment-filters";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { NativeSelect } from "@/components/ui/native-select";
import type { AppointmentStatus } from "@/lib/contract/status";
import { cn } from "@/lib/utils";
import { CALENDAR_VIEWS, type CalendarView } from "./range";

export type CalendarFilters = {
  status: AppointmentStatus[];
  service: string | null;
  agent: string | null;
  /** Show cancelled appointments (when no status filter says otherwise). */
  cancelled: boolean;
};

/** Today / previous / next, the range's title, the view, the table's filters, "show cancelled" and "new". */
export function CalendarToolbar({
  view,
  title,
  isToday,
  filters,
  services,
  agents,
  newHref,
  onToday,
  onStep,
  onView,
  onFilters,
}: {
  view: CalendarView;
  title: string;
  isToday: boolean;
  filters: CalendarFilters;
  services: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  newHref: string;
  onToday: () => void;
  onStep: (direction: -1 | 1) => void;
  onView: (view: CalendarView) => void;
  onFilters: (patch: Partial<CalendarFilters>) => void;
}) {
  const t = useTranslations("calendar");
  const ta = useTranslations("appointments");
  const id = useId();
  const filtered = filters.status.length > 0 || !!filters.service || !!filters.agent;
  // A status filter says which statuses show, cancelled included (search-params.ts).
  const statusDecides = filters.status.length > 0;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex items-center gap-1">
          <Button variant="outline" className="px-3" onClick={onToday} aria-pressed={isToday}>
            {t("today")}
          </Button>
          <Button variant="ghost" size="icon" onClick={() => onStep(-1)} aria-label={t(`previous.${view}`)}>
            <ChevronLeft aria-hidden />
          </Button>
          <Button variant="ghost" size="icon" onClick={() => onStep(1)} aria-label={t(`next.${view}`)}>
            <ChevronRight aria-hidden />
          </Button>
        </div>
        <h2
          className="order-last w-full min-w-0 truncate text-base font-semibold sm:order-none sm:w-auto sm:flex-1 sm:text-lg"
          aria-live="polite"
          data-testid="calendar-title"
        >
          {title}
        </h2>
        <div role="group" aria-label={t("viewLabel")} className="hidden rounded-md border bg-card p-0.5 shadow-xs md:flex">
          {CALENDAR_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={v === view}
              onClick={() => onView(v)}
              className={cn(
                "rounded px-3 py-1.5 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60",
                v === view && "bg-primary text-primary-foreground hover:text-primary-foreground",
              )}
            >
              {t(`views.${v}`)}
            </button>
          ))}
        </div>
        <Button asChild className="ml-auto px-3 sm:ml-0">
          <Link href={newHref}>
            <Plus aria-hidden />
            <span className="sr-only sm:not-sr-only">{t("new")}</span>
          </Link>
        </Button>
      </div>

      <div className="flex flex-wrap items-end gap-2">
        <label htmlFor={`${id}-view`} className="sr-only">
          {t("viewLabel")}
        </label>
        <NativeSelect
          id={`${id}-view`}
          className="min-w-32 flex-1 md:hidden"
          value={view}
          onChange={(e) => onView(e.target.value as CalendarView)}
        >
          {CALENDAR_VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(`views.${v}`)}
            </option>
          ))}
        </NativeSelect>
        <StatusFacet selected={filters.status} onChange={(status) => onFilters({ status })} />
        <ServiceAgentSelects id={id} services={services} agents={agents} service={filters.service} agent={filters.agent} onChange={onFilters} />
        <div className="flex h-9 items-center gap-2 px-1" title={statusDecides ? t("cancelledByStatus") : undefined}>
          <Checkbox
            id={`${id}-cancelled`}
            checked={statusDecides ? filters.status.includes("CANCELLED") : filters.cancelled}
            disabled={statusDecides}
            onCheckedChange={(v) => onFilters({ cancelled: v === true })}
            aria-describedby={statusDecides ? `${id}-cancelled-hint` : undefined}
          />
          <label htmlFor={`${id}-cancelled`} className={cn("text-sm whitespace-nowrap", statusDecides && "text-muted-foreground")}>
            {t("showCancelled")}
          </label>
          {statusDecides ? (
            <span id={`${id}-cancelled-hint`} className="sr-only">
              {t("cancelledByStatus")}
            </span>
          ) : null}
        </div>
        {filtered ? (
          <Button variant="ghost" size="sm" className="h-9" onClick={() => onFilters({ status: [], service: null, agent: null })}>
            <X aria-hidden />
            {ta("filters.reset")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
