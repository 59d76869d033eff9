"use client";

import {
  getCoreRowModel,
  useReactTable,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { Ban, CalendarX2, Download, ThumbsUp, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useCallback, useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { DataTableViewOptions } from "@/components/data-table/data-table-view-options";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { canTransition, isFinal, type AppointmentStatus } from "@/lib/appointments/status";
import { cn } from "@/lib/utils";
import { AppointmentDrawer } from "./appointment-drawer";
import { AppointmentsToolbar, type ToolbarValues } from "./appointments-toolbar";
import { CancelDialog, type CancelTarget } from "./cancel-dialog";
import { appointmentColumns, type ColumnHandlers } from "./columns";
import { RowActions } from "./row-actions";
import { appointmentsParsers, PAGE_SIZES } from "./search-params";
import { StatusBadge } from "./status-badge";
import type { AppointmentDetailView, AppointmentRow } from "./types";
import { useAppointmentDetail } from "./use-appointment-detail";
import { useStatusChange } from "./use-status-change";
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
}: {
  rows: AppointmentRow[];
  detail: AppointmentDetailView | null;
  facets: Record<AppointmentStatus, number>;
  total: number;
  services: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  prevCursor: string | null;
  nextCursor: string | null;
  exportPath: string;
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
  const [cancelTarget, setCancelTarget] = useState<CancelTarget | null>(null);

  const byId = useMemo(() => new Map(rows.map((r) => [r.id, r])), [rows]);
  const describe = useCallback(
    (id: string) => {
      const r = byId.get(id) ?? (detail?.id === id ? detail : undefined);
      return r ? `${r.customerName} · ${r.serviceName} · ${r.when}` : id;
    },
    [byId, detail],
  );
  const { pending, overrides, change, bulk } = useStatusChange(describe);
  const statusOf = useCallback((r: { id: string; status: AppointmentStatus }) => overrides[r.id] ?? r.status, [overrides]);

  const openRow = useCallback((r: { id: string }) => void setParams({ appointment: r.id }, { shallow: true }), [setParams]);
  const askCancel = useCallback(
    (r: AppointmentRow) =>
      setCancelTarget({
        ids: [r.id],
        title: t("appointments.cancelDialog.title"),
        description: t("appointments.cancelDialog.body", { customer: r.customerName, service: r.serviceName, when: r.when }),
      }),
    [t],
  );
  const move = useCallback((r: { id: string }, to: Move) => change(r.id, to), [change]);

  const columns = useMemo(() => appointmentColumns(t), [t]);
  const meta: ColumnHandlers = {
    statusOf,
    isPending: (r) => overrides[r.id] !== undefined,
    onOpen: openRow,
    onMove: move,
    onCancel: askCancel,
  };

  const sorting: SortingState = [{ id: "date", desc: params.sort === "desc" }];
  const table = useReactTable({
    data: rows,
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

  const values: ToolbarValues = {
    status: params.status,
    service: params.service,
    agent: params.agent,
    range: params.range,
    from: params.from,
    to: params.to,
    q: params.q,
    sort: params.sort,
  };

  const filtered = values.status.length > 0 || !!values.service || !!values.agent || !!values.q;
  const empty = (
    <div className="flex flex-col items-center gap-2 py-6 text-center" role="status">
      <CalendarX2 aria-hidden className="size-8 text-muted-foreground" />
      <p className="font-medium">{t("appointments.empty.title")}</p>
      <p className="text-sm text-muted-foreground">
        {filtered ? t("appointments.empty.filtered") : t("appointments.empty.period")}
      </p>
      {filtered ? (
        <Button
          variant="outline"
          size="sm"
          onClick={() => onFilters({ status: [], service: null, agent: null, q: "" })}
        >
          {t("appointments.empty.clear")}
        </Button>
      ) : null}
    </div>
  );

  const exportHref = useMemo(() => {
    const sp = new URLSearchParams();
    if (params.status.length) sp.set("status", params.status.join(","));
    for (const key of ["service", "agent", "from", "to"] as const) if (params[key]) sp.set(key, params[key]!);
    if (params.range !== "today") sp.set("range", params.range);
    if (params.q) sp.set("q", params.q);
    if (params.sort !== "asc") sp.set("sort", params.sort);
    const qs = sp.toString();
    return qs ? `${exportPath}?${qs}` : exportPath;
  }, [params, exportPath]);

  const detailStatus = detail ? statusOf(detail) : null;

  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <AppointmentsToolbar values={values} onChange={onFilters} facets={facets} services={services} agents={agents} />

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
        <div
          role="region"
          aria-label={t("appointments.bulk.selected", { count: selected.length })}
          className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-accent px-3 py-2"
        >
          <span className="text-sm font-medium" aria-live="polite">
            {t("appointments.bulk.selected", { count: selected.length })}
          </span>
          <Button size="sm" onClick={() => bulkMove("CONFIRMED")} disabled={pending}>
            <ThumbsUp aria-hidden />
            {t("appointments.bulk.confirm")}
          </Button>
          <Button
            size="sm"
            variant="outline"
            className="text-destructive"
            disabled={pending}
            onClick={() =>
              setCancelTarget({
                ids: selected.map((r) => r.id),
                title: t("appointments.cancelDialog.titleMany", { count: selected.length }),
                description: t("appointments.cancelDialog.bodyMany"),
              })
            }
          >
            <Ban aria-hidden />
            {t("appointments.bulk.cancel")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setRowSelection({})} className="ml-auto">
            <X aria-hidden />
            {t("appointments.bulk.clear")}
          </Button>
        </div>
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
          rowProps={(r) => ({
            className: "cursor-pointer",
            ...({ "data-id": r.id } as React.ComponentProps<"tr">),
            onClick: (e) => {
              if ((e.target as HTMLElement).closest("button,a,input,[role=checkbox],[role=menuitem]")) return;
              openRow(r);
            },
          })}
        />
        <ul className="flex flex-col gap-3 md:hidden" aria-label={t("appointments.title")}>
          {rows.length === 0 ? (
            <li className="rounded-lg border bg-card p-4">{empty}</li>
          ) : (
            rows.map((r) => {
              const status = statusOf(r);
              return (
                <li key={r.id} data-id={r.id} className="rounded-lg border bg-card p-3 shadow-xs" data-state={rowSelection[r.id] ? "selected" : undefined}>
                  <div className="flex items-start gap-3">
                    <Checkbox
                      className="mt-1"
                      checked={!!rowSelection[r.id]}
                      onCheckedChange={(v) => setRowSelection((s) => ({ ...s, [r.id]: !!v }))}
                      aria-label={`${t("appointments.columns.select")} : ${r.customerName}, ${r.when}`}
                    />
                    <div className="min-w-0 flex-1">
                      <div className="flex items-center justify-between gap-2">
                        <span className="font-semibold tabular-nums">
                          {r.time} – {r.endTime}
                          <span className="ml-2 text-xs font-normal text-muted-foreground">{r.day}</span>
                        </span>
                        <StatusBadge status={status} pending={overrides[r.id] !== undefined} />
                      </div>
                      <button
                        type="button"
                        onClick={() => openRow(r)}
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
                      <RowActions
                        compact
                        status={status}
                        name={r.customerName}
                        disabled={overrides[r.id] !== undefined}
                        onOpen={() => openRow(r)}
                        onMove={(to) => move(r, to)}
                        onCancel={() => askCancel(r)}
                      />
                    </div>
                  )}
                </li>
              );
            })
          )}
        </ul>
      </div>

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
        labels={{
          rowsPerPage: t("appointments.pagination.rowsPerPage"),
          first: t("appointments.pagination.first"),
          previous: t("appointments.pagination.previous"),
          next: t("appointments.pagination.next"),
        }}
      />

      <AppointmentDrawer
        openId={params.appointment}
        detail={detail}
        status={detailStatus}
        pending={detail ? overrides[detail.id] !== undefined : false}
        onClose={() => void setParams({ appointment: null }, { shallow: true })}
        onMove={(to) => detail && change(detail.id, to)}
        onCancel={() =>
          detail &&
          setCancelTarget({
            ids: [detail.id],
            title: t("appointments.cancelDialog.title"),
            description: t("appointments.cancelDialog.body", {
              customer: detail.customerName,
              service: detail.serviceName,
              when: detail.when,
            }),
          })
        }
      />

      <CancelDialog
        target={cancelTarget}
        onClose={() => setCancelTarget(null)}
        onConfirm={(target, reason) => {
          setCancelTarget(null);
          if (target.ids.length === 1) change(target.ids[0], "CANCELLED", reason || undefined);
          else bulkMove("CANCELLED", reason || undefined, target.ids);
        }}
      />
    </div>
  );
}
