"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { isFinal, type AppointmentStatus } from "@/lib/contract/status";
import { cn } from "@/lib/utils";
import { RowActions } from "./row-actions";
import { AbsentBadge, ChangedBadge, LateBadge, StatusBadge } from "./status-badge";
import type { AppointmentRow } from "./types";

type Move = Exclude<AppointmentStatus, "PENDING" | "CANCELLED">;
type CardState = Omit<React.ComponentProps<typeof AppointmentCard>, "row">;

/** The phone's list: cards in the table's order, with the same section rows between them. */
export function AppointmentCardList({
  label,
  rows,
  empty,
  before,
  after,
  card,
}: {
  label: string;
  rows: AppointmentRow[];
  empty: React.ReactNode;
  before: (index: number) => React.ReactNode;
  after: React.ReactNode;
  card: (row: AppointmentRow) => CardState;
}) {
  return (
    <ul className="flex flex-col gap-3 md:hidden" aria-label={label}>
      {rows.length === 0 ? (
        <li className="rounded-lg border bg-card p-4">{empty}</li>
      ) : (
        rows.map((r, i) => (
          <Fragment key={r.id}>
            {before(i) ? <li className="overflow-hidden rounded-lg">{before(i)}</li> : null}
            <AppointmentCard row={r} {...card(r)} />
          </Fragment>
        ))
      )}
      {rows.length > 0 && after ? <li className="overflow-hidden rounded-lg">{after}</li> : null}
    </ul>
  );
}

/** The list on a phone: one card per appointment, the same actions as the table's rows. */
export function AppointmentCard({
  row: r,
  status,
  pending,
  late,
  changedBy,
  oneDay,
  selected,
  onSelect,
  onOpen,
  onMove,
  onCancel,
}: {
  row: AppointmentRow;
  status: AppointmentStatus;
  pending: boolean;
  late: boolean;
  /** Who changed it a moment ago, when someone else did (live events). */
  changedBy?: string;
  oneDay: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onOpen: () => void;
  onMove: (to: Move) => void;
  onCancel: () => void;
}) {
  const t = useTranslations();
  return (
    <li
      data-id={r.id}
      data-changed={changedBy !== undefined || undefined}
      className={cn("rounded-lg border bg-card p-3 shadow-xs transition-colors duration-700", changedBy !== undefined && "border-amber-300 bg-amber-50")}
      data-state={selected ? "selected" : undefined}
    >
      <div className="flex items-start gap-3">
        <Checkbox
          className="mt-1"
          checked={selected}
          onCheckedChange={(v) => onSelect(!!v)}
          aria-label={`${t("appointments.columns.select")} : ${r.customerName}, ${r.when}`}
        />
        <div className="min-w-0 flex-1">
          <div className="flex items-center justify-between gap-2">
            <span className="font-semibold tabular-nums">
              {r.time} – {r.endTime}
              {oneDay ? null : <span className="ml-2 text-xs font-normal text-muted-foreground">{r.day}</span>}
            </span>
            <span className="flex items-center gap-1">
              {late ? <LateBadge /> : null}
              {r.agentOff && !isFinal(status) ? <AbsentBadge /> : null}
              {changedBy !== undefined ? <ChangedBadge by={changedBy} /> : null}
              <StatusBadge status={status} pending={pending} />
            </span>
          </div>
          <button
            type="button"
            onClick={onOpen}
            className="mt-1 block max-w-full truncate rounded text-left font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
          >
            {r.customerName}
          </button>
          <div className="text-sm text-muted-foreground tabular-nums">{r.customerPhone}</div>
          <div className="mt-1 text-sm">
            {r.serviceName} · {r.agentName ?? <span className="italic text-muted-foreground">{t("appointments.unassigned")}</span>}
          </div>
          <div className="mt-0.5 flex justify-between text-sm text-muted-foreground">
            <span>{r.commune ?? ""}</span>
            <span className="font-medium text-foreground tabular-nums">{r.price}</span>
          </div>
        </div>
      </div>
      {isFinal(status) ? null : (
        <div className="mt-3">
          <RowActions compact status={status} name={r.customerName} disabled={pending} onOpen={onOpen} onMove={onMove} onCancel={onCancel} />
        </div>
      )}
    </li>
  );
}
