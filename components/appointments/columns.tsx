"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/checkbox";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import type { AppointmentStatus } from "@/lib/contract/status";
import { RowActions } from "./row-actions";
import { ChangedBadge, LateBadge, StatusBadge } from "./status-badge";
import type { AppointmentRow } from "./types";

type T = ReturnType<typeof useTranslations>;

export type ColumnHandlers = {
  statusOf: (row: AppointmentRow) => AppointmentStatus;
  isPending: (row: AppointmentRow) => boolean;
  onOpen: (row: AppointmentRow) => void;
  onMove: (row: AppointmentRow, to: Exclude<AppointmentStatus, "PENDING" | "CANCELLED">) => void;
  onCancel: (row: AppointmentRow) => void;
  /** "Absent" for a row that may be a no-show; undefined when it may not. */
  onNoShow: (row: AppointmentRow) => (() => void) | undefined;
  isLate: (row: AppointmentRow) => boolean;
  /** Who changed it a moment ago, when someone else did (live events). */
  changedBy: (row: AppointmentRow) => string | undefined;
  /** The list shows one day: the date would repeat on every row. */
  oneDay: boolean;
};

/** The handlers of the current render, read by the cells through the table's meta. */
function handlers(table: { options: { meta?: unknown } }): ColumnHandlers {
  return table.options.meta as ColumnHandlers;
}

/**
 * The appointment table's columns (shadcn's columns.tsx). Sorting by date happens on the
 * server. The cells read their handlers from the table's `meta`, so the column definitions
 * stay the same object across renders: React keeps the cells' DOM (and keyboard focus).
 */
export function appointmentColumns(t: T): ColumnDef<AppointmentRow>[] {
  return [
    {
      id: "select",
      header: ({ table }) => (
        <Checkbox
          checked={table.getIsAllPageRowsSelected() || (table.getIsSomePageRowsSelected() && "indeterminate")}
          onCheckedChange={(v) => table.toggleAllPageRowsSelected(!!v)}
          aria-label={t("appointments.columns.selectAll")}
        />
      ),
      cell: ({ row }) => (
        <Checkbox
          checked={row.getIsSelected()}
          onCheckedChange={(v) => row.toggleSelected(!!v)}
          onClick={(e) => e.stopPropagation()}
          aria-label={`${t("appointments.columns.select")} : ${row.original.customerName}, ${row.original.when}`}
        />
      ),
      enableSorting: false,
      enableHiding: false,
      size: 32,
    },
    {
      id: "date",
      accessorKey: "when",
      meta: { label: t("appointments.columns.date") },
      header: ({ column }) => <DataTableColumnHeader column={column} title={t("appointments.columns.date")} sortLabel={t("appointments.sort.label")} />,
      cell: ({ row, table }) => (
        <div className="whitespace-nowrap">
          <div className="font-medium tabular-nums">
            {row.original.time}
            <span className="text-muted-foreground"> – {row.original.endTime}</span>
          </div>
          {handlers(table).oneDay ? null : <div className="text-xs text-muted-foreground">{row.original.day}</div>}
        </div>
      ),
      enableHiding: false,
    },
    {
      id: "customer",
      accessorKey: "customerName",
      meta: { label: t("appointments.columns.customer") },
      header: t("appointments.columns.customer"),
      enableSorting: false,
      cell: ({ row, table }) => (
        <div className="min-w-0">
          <button
            type="button"
            className="max-w-[14rem] truncate rounded text-left font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
            onClick={(e) => {
              e.stopPropagation();
              handlers(table).onOpen(row.original);
            }}
          >
            {row.original.customerName}
          </button>
          <div className="text-xs whitespace-nowrap text-muted-foreground tabular-nums">{row.original.customerPhone}</div>
        </div>
      ),
      enableHiding: false,
    },
    {
      id: "service",
      accessorKey: "serviceName",
      meta: { label: t("appointments.columns.service") },
      header: t("appointments.columns.service"),
      enableSorting: false,
    },
    {
      id: "agent",
      accessorKey: "agentName",
      meta: { label: t("appointments.columns.agent") },
      header: t("appointments.columns.agent"),
      enableSorting: false,
      cell: ({ row }) =>
        row.original.agentName ?? <span className="text-muted-foreground italic">{t("appointments.unassigned")}</span>,
    },
    {
      id: "commune",
      accessorKey: "commune",
      meta: { label: t("appointments.columns.commune") },
      header: t("appointments.columns.commune"),
      enableSorting: false,
      cell: ({ row }) => row.original.commune ?? <span className="text-muted-foreground">—</span>,
    },
    {
      id: "price",
      accessorKey: "price",
      meta: { label: t("appointments.columns.price") },
      header: () => <div className="text-right">{t("appointments.columns.price")}</div>,
      enableSorting: false,
      cell: ({ row }) => <div className="text-right whitespace-nowrap tabular-nums">{row.original.price}</div>,
    },
    {
      id: "status",
      accessorKey: "status",
      meta: { label: t("appointments.columns.status") },
      header: t("appointments.columns.status"),
      enableSorting: false,
      cell: ({ row, table }) => {
        const h = handlers(table);
        return (
          <div className="flex flex-wrap items-center gap-1">
            <StatusBadge status={h.statusOf(row.original)} pending={h.isPending(row.original)} />
            {h.isLate(row.original) ? <LateBadge /> : null}
            {h.changedBy(row.original) !== undefined ? <ChangedBadge by={h.changedBy(row.original)!} /> : null}
          </div>
        );
      },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{t("appointments.columns.actions")}</span>,
      enableSorting: false,
      enableHiding: false,
      cell: ({ row, table }) => {
        const h = handlers(table);
        return (
          <RowActions
            status={h.statusOf(row.original)}
            name={row.original.customerName}
            disabled={h.isPending(row.original)}
            onOpen={() => h.onOpen(row.original)}
            onMove={(to) => h.onMove(row.original, to)}
            onCancel={() => h.onCancel(row.original)}
            onNoShow={h.onNoShow(row.original)}
          />
        );
      },
    },
  ];
}
