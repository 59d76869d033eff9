"use client";

import {
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { Button } from "@/components/ui/button";
import { isRunningLate } from "@/lib/contract/late";
import { canTransition, type AppointmentStatus } from "@/lib/contract/status";
import { cn } from "@/lib/utils";
import { NextDayNotice } from "./agenda-rows";
import { AppointmentCardList } from "./appointment-cards";
import { AppointmentsEmpty } from "./appointments-empty";
import { AppointmentDrawer } from "./appointment-drawer";
import { AppointmentsToolbar, pickToolbarValues, type ToolbarValues } from "./appointments-toolbar";
import { BulkBar } from "./bulk-bar";
import { CancelDialog } from "./cancel-dialog";
import { drawerStatus, useCancelTarget } from "./use-cancel-target";
import { appointmentColumns, type ColumnHandlers } from "./columns";
import { appointmentsParsers, PAGE_SIZES, withFilters } from "./search-params";
import type { AppointmentDetailView, AppointmentRow, ListLayout } from "./types";
import { useAgenda } from "./use-agenda";
import { useAppointmentDetail } from "./use-appointment-detail";
import { useLiveRows } from "./use-live-rows";
import { useStatusChange } from "./use-status-change";
import type { MoveAgent } from "./move-dialog";
import { useReschedule } from "./use-reschedule";
import { useHydrated } from "@/components/use-hydrated";

type Move = Exclude<AppointmentStatus, "PENDING" | "CANCELLED">;


export function AppointmentsView({
  rows,
  detail: detailFromServer,
  facets,
  total,
  services,
  agents,
  prevCursor,
  nextCursor,
  exportPath,
  companySlug,
  timeZone,
  layout,
}: {
  rows: AppointmentRow[];
  detail: AppointmentDetailView | null;
  facets: Record<AppointmentStatus, number>;
  total: number;
  services: { id: string; name: string }[];
  agents: MoveAgent[];
  prevCursor: string | null;
  nextCursor: string | null;
  exportPath: string;
  companySlug: string;
  timeZone: string;
  layout: ListLayout;
}) {
  const t = useTranslations();
  const hydrated = useHydrated();
  const [loading, startLoading] = useTransition();
  const [params, setParams] = useQueryStates(appointmentsParsers, {
    shallow: false,
    // Each filter or page is a history entry: the back button undoes it.
    history: "push",
    startTransition: startLoading,
  });
  const detail = useAppointmentDetail(params.appointment, detailFromServer);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});
  const asks = useCancelTarget();
  const { cancelTarget, setCancelTarget, askCancel, askNoShow } = asks;
  const { now, shown, before, after, allDone } = useAgenda(rows, layout);

  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const describe = useCallback(
    (id: string) => {
      const r = byId.get(id) ?? (detail?.id === id ? detail : undefined);
      return r ? `${r.customerName} · ${r.serviceName} · ${r.when}` : id;
    },
    [byId, detail],
  );
  const { pending, overrides, change, bulk, undoNoShow } = useStatusChange(describe);
  const reschedule = useReschedule(describe);
  const statusOf = useCallback((r: { id: string; status: AppointmentStatus }) => overrides[r.id] ?? r.status, [overrides]);

  const openRow = useCallback((r: { id: string }) => void setParams({ appointment: r.id }, { shallow: true }), [setParams]);
  const move = useCallback((r: { id: string }, to: Move) => change(r.id, to), [change]);
  const isLate = (r: AppointmentRow) => isRunningLate({ status: statusOf(r), end: new Date(r.endsAt) }, now);
  const changedBy = useLiveRows(rows);

  const columns = useMemo(() => appointmentColumns(t), [t]);
  const meta: ColumnHandlers = {
    statusOf,
    isPending: (r) => overrides[r.id] !== undefined,
    onOpen: openRow,
    onMove: move,
    onCancel: askCancel,
    // A confirmed appointment whose start has passed may be marked a no-show (the server checks again).
    onNoShow: (r) => (statusOf(r) === "CONFIRMED" && new Date(r.startsAt).getTime() <= now.getTime() ? () => askNoShow(r) : undefined),
    isLate,
    changedBy,
    oneDay: layout.oneDay,
  };

  const sorting: SortingState = [{ id: "date", desc: params.sort === "desc" }];
  const table = useReactTable({
    data: shown,
    columns,
    getRowId: (r) => r.id,
    meta,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableRowSelection: true,
    state: { rowSelection, columnVisibility, sorting },
    onRowSelectionChange: setRowSelection,
    onColumnVisibilityChange: setColumnVisibility,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const desc = next[0]?.desc ?? false;
      void setParams({ sort: desc ? "desc" : "asc", cursor: null, dir: null });
    },
  });

  const onFilters = useCallback(
    (patch: Partial<ToolbarValues>) => {
      setRowSelection({});
      void setParams({ ...patch, cursor: null, dir: null, appointment: null });
    },
    [setParams],
  );

  // Rows still in the list and selected (the selection survives a refresh, not a page change).
  const selected = rows.filter((r) => rowSelection[r.id]);
  const bulkMove = (status: "CONFIRMED" | "CANCELLED", reason?: string, ids?: string[]) => {
    const chosen = ids ? rows.filter((r) => ids.includes(r.id)) : selected;
    const allowed = chosen.filter((r) => canTransition(statusOf(r), status)).map((r) => r.id);
    const skipped = chosen.length - allowed.length;
    setRowSelection({});
    if (allowed.length === 0) {
      toast.info(t("appointments.bulk.result", { ok: 0 }), { description: t("appointments.bulk.skipped", { count: skipped }) });
      return;
    }
    bulk(allowed, status, skipped, reason);
  };

  const values: ToolbarValues = pickToolbarValues(params);

  const filtered = values.status.length > 0 || !!values.service || !!values.agent || !!values.q || values.noshow;
  const empty = allDone ?? (
    <AppointmentsEmpty filtered={filtered} onClear={() => onFilters({ status: [], service: null, agent: null, q: "", noshow: false })} />
  );

  const exportHref = useMemo(() => withFilters(exportPath, params), [params, exportPath]);


  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <AppointmentsToolbar
        values={values}
        onChange={onFilters}
        facets={facets}
        services={services}
        agents={agents}
        nextWorkDay={layout.nextWorkDayShort}
      />

      {layout.nextWorkDay ? <NextDayNotice day={layout.nextWorkDay} onSeeToday={() => onFilters({ range: "today" })} /> : null}

      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium" aria-live="polite">
          {t("appointments.count", { count: total })}
        </p>
        <div className="flex items-center gap-2">
          <DataTableViewOptions table={table} label={t("appointments.view")} />
          <Button variant="outline" size="sm" asChild>
            <a href={exportHref} download>
              <Download aria-hidden />
              {t("appointments.export")}
            </a>
          </Button>
        </div>
      </div>

      {selected.length > 0 ? (
        <BulkBar
          count={selected.length}
          disabled={pending}
          onConfirm={() => bulkMove("CONFIRMED")}
          onCancel={() =>
            setCancelTarget({
              ids: selected.map((r) => r.id),
              title: t("appointments.cancelDialog.titleMany", { count: selected.length }),
              description: t("appointments.cancelDialog.bodyMany"),
            })
          }
          onClear={() => setRowSelection({})}
        />
      ) : null}

      <div className={cn("relative transition-opacity", loading && "opacity-60")} aria-busy={loading}>
        {loading ? (
          <div className="absolute inset-x-0 -top-2 h-0.5 overflow-hidden rounded bg-primary/20" aria-hidden>
            <div className="h-full w-1/3 animate-pulse bg-primary" />
          </div>
        ) : null}
        <DataTable
          table={table}
          empty={empty}
          caption={t("appointments.title")}
          className="hidden md:block"
          before={(_, i) => before(i)}
          after={after}
          rowProps={(r) => ({
            className: cn("cursor-pointer transition-colors duration-700", changedBy(r) !== undefined && "bg-amber-50"),
            ...({ "data-id": r.id, "data-changed": changedBy(r) !== undefined || undefined } as React.ComponentProps<"tr">),
            onClick: (e) => {
              if ((e.target as HTMLElement).closest("button,a,input,[role=checkbox],[role=menuitem]")) return;
              openRow(r);
            },
          })}
        />
        <AppointmentCardList
          label={t("appointments.title")}
          rows={shown}
          empty={empty}
          before={before}
          after={after}
          card={(r) => ({
            status: statusOf(r),
            pending: overrides[r.id] !== undefined,
            late: isLate(r),
            changedBy: changedBy(r),
            oneDay: layout.oneDay,
            selected: !!rowSelection[r.id],
            onSelect: (v) => setRowSelection((sel) => ({ ...sel, [r.id]: v })),
            onOpen: () => openRow(r),
            onMove: (to) => move(r, to),
            onCancel: () => askCancel(r),
          })}
        />
      </div>

      {prevCursor !== null || nextCursor !== null ? (
        <DataTablePagination
          summary={t("appointments.count", { count: total })}
          pageSize={params.size}
          pageSizes={PAGE_SIZES}
          onPageSize={(size) => void setParams({ size: size as (typeof PAGE_SIZES)[number], cursor: null, dir: null })}
          canPrevious={prevCursor !== null}
          canNext={nextCursor !== null}
          onFirst={() => void setParams({ cursor: null, dir: null })}
          onPrevious={() => void setParams({ cursor: prevCursor, dir: "prev" })}
          onNext={() => void setParams({ cursor: nextCursor, dir: "next" })}
          labels={t.raw("appointments.pagination")}
        />
      ) : null}

      <AppointmentDrawer
        openId={params.appointment}
        detail={detail}
        {...drawerStatus(detail, { overrides, change, undoNoShow }, asks)}
        onClose={() => void setParams({ appointment: null }, { shallow: true })}
        move={{ agents, company: companySlug, timeZone, pending: reschedule.pending, onMove: (id, request, _place, onDone) => reschedule.move(id, request, null, onDone) }}
      />

      <CancelDialog
        target={cancelTarget}
        onClose={() => setCancelTarget(null)}
        onConfirm={(target, reason) => {
          setCancelTarget(null);
          if (target.noShow) change(target.ids[0], "CANCELLED", reason || undefined, undefined, "no-show");
          else if (target.ids.length === 1) change(target.ids[0], "CANCELLED", reason || undefined);
          else bulkMove("CANCELLED", reason || undefined, target.ids);
        }}
      />
    </div>
  );
}
