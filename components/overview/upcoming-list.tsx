"use client";

import { CalendarCheck2, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import { CancelDialog, type CancelTarget } from "@/components/appointments/cancel-dialog";
import { RowActions } from "@/components/appointments/row-actions";
import { ChangedBadge, StatusBadge } from "@/components/appointments/status-badge";
import { useLive } from "@/components/live/live-events";
import type { AppointmentRow } from "@/components/appointments/types";
import { useStatusChange } from "@/components/appointments/use-status-change";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { cn } from "@/lib/utils";

/**
 * What comes next today, with the table's row actions (same buttons, same optimistic change,
 * same cancel dialog). The detail opens in the table's drawer. One still running from an
 * earlier day (begun before midnight) says that day under its time: it is not among the day's
 * counts, which go by start.
 */
export function UpcomingList({ rows, slug, dayStart }: { rows: AppointmentRow[]; slug: string; /** ISO instant the day shown starts. */ dayStart: string }) {
  const t = useTranslations();
  const router = useRouter();
  const hydrated = useHydrated();
  const [cancelTarget, setCancelTarget] = useState<CancelTarget | null>(null);
  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const describe = useCallback(
    (id: string) => {
      const r = byId.get(id);
      return r ? `${r.customerName} · ${r.serviceName} · ${r.when}` : id;
    },
    [byId],
  );
  const { overrides, change } = useStatusChange(describe);
  const { changes } = useLive();

  return (
    <section aria-labelledby="overview-upcoming" className="flex flex-col gap-3 rounded-lg border bg-card p-4 sm:p-6" data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
        <h2 id="overview-upcoming" className="font-semibold">
          {t("overview.upcoming.title")}
        </h2>
        <Link
          href={`/c/${slug}/appointments`}
          className="text-sm font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
        >
          {t("overview.upcoming.all")}
        </Link>
      </div>
      {rows.length === 0 ? (
        <div className="flex flex-col items-center gap-2 py-6 text-center" role="status">
          <CalendarCheck2 aria-hidden className="size-8 text-muted-foreground" />
          <p className="text-sm text-muted-foreground">{t("overview.upcoming.empty")}</p>
          <Button asChild variant="outline" size="sm">
            <Link href={`/c/${slug}/appointments/new`}>
              <Plus aria-hidden />
              {t("appointments.new")}
            </Link>
          </Button>
        </div>
      ) : (
        <ul className="flex flex-col divide-y" data-testid="upcoming">
          {rows.map((r) => {
            const status = overrides[r.id] ?? r.status;
            const pending = overrides[r.id] !== undefined;
            const changedBy = changes.get(r.id)?.by;
            // Both ISO strings from toISOString: they compare as the instants do.
            const earlier = r.startsAt < dayStart;
            return (
              <li
                key={r.id}
                data-id={r.id}
                data-changed={changedBy !== undefined || undefined}
                className={cn(
                  "flex flex-col gap-2 py-3 transition-colors duration-700 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:gap-4",
                  changedBy !== undefined && "bg-amber-50",
                )}
              >
                <div className="flex min-w-0 flex-1 items-start gap-3">
                  <span className="flex w-12 shrink-0 flex-col pt-0.5">
                    <time dateTime={r.startsAt} className="font-semibold tabular-nums">
                      {r.time}
                    </time>
                    {earlier ? (
                      <span data-earlier className="text-xs leading-tight text-muted-foreground">
                        {r.day}
                      </span>
                    ) : null}
                  </span>
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <button
                        type="button"
                        onClick={() => router.push(`/c/${slug}/appointments?appointment=${r.id}`)}
                        className={cn(
                          "truncate rounded text-left font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60",
                          status === "CANCELLED" && "line-through",
                        )}
                      >
                        {r.customerName}
                      </button>
                      <StatusBadge status={status} pending={pending} />
                      {changedBy !== undefined ? <ChangedBadge by={changedBy} /> : null}
                    </div>
                    <p className="truncate text-sm text-muted-foreground">
                      {r.serviceName} · {r.agentName ?? t("appointments.unassigned")} · {r.time} – {r.endTime}
                    </p>
                  </div>
                </div>
                <RowActions
                  status={status}
                  name={r.customerName}
                  disabled={pending}
                  onOpen={() => router.push(`/c/${slug}/appointments?appointment=${r.id}`)}
                  onMove={(to) => change(r.id, to)}
                  onCancel={() =>
                    setCancelTarget({
                      ids: [r.id],
                      title: t("appointments.cancelDialog.title"),
                      description: t("appointments.cancelDialog.body", { customer: r.customerName, service: r.serviceName, when: r.when }),
                    })
                  }
                />
              </li>
            );
          })}
        </ul>
      )}
      <CancelDialog
        target={cancelTarget}
        onClose={() => setCancelTarget(null)}
        onConfirm={(target, reason) => {
          setCancelTarget(null);
          change(target.ids[0], "CANCELLED", reason || undefined);
        }}
      />
    </section>
  );
}
