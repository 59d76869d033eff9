"use client";

import {
  type ColumnDef,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { Plus, Scissors } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { ActiveBadge, Chips, EmptyState } from "./bits";
import { RowActions, useActivation } from "./activation";
import { ListToolbar, matches, useListParams } from "./list-toolbar";
import { useActions } from "@/components/actions-context";

export type ServiceRow = {
  id: string;
  name: string;
  duration: number;
  durationLabel: string;
  basePrice: number;
  price: string;
  categories: string[];
  isActive: boolean;
  fieldCount: number;
  agentCount: number;
};

type Meta = { slug: string; canWrite: boolean; busy: string | null; onToggle: (row: ServiceRow) => void };
type T = ReturnType<typeof useTranslations>;

function columns(t: T, tc: T): ColumnDef<ServiceRow>[] {
  const meta = (table: { options: { meta?: unknown } }) => table.options.meta as Meta;
  return [
    {
      accessorKey: "name",
      header: ({ column }) => <DataTableColumnHeader column={column} title={t("columns.name")} />,
      cell: ({ row, table }) => (
        <div className="flex flex-col">
          <Link
            href={`/c/${meta(table).slug}/services/${row.original.id}`}
            className="w-fit rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
          >
            {row.original.name}
          </Link>
          <span className="text-xs text-muted-foreground">{t("fieldCount", { count: row.original.fieldCount })}</span>
        </div>
      ),
    },
    {
      id: "categories",
      accessorFn: (r) => r.categories.join(", "),
      header: t("columns.categories"),
      enableSorting: false,
      cell: ({ row }) => <Chips items={row.original.categories} />,
    },
    {
      accessorKey: "duration",
      header: ({ column }) => <DataTableColumnHeader column={column} title={t("columns.duration")} />,
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{row.original.durationLabel}</span>,
    },
    {
      accessorKey: "basePrice",
      header: ({ column }) => <DataTableColumnHeader column={column} title={t("columns.price")} />,
      cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{row.original.price}</span>,
    },
    {
      accessorKey: "agentCount",
      header: t("columns.agents"),
      enableSorting: false,
      cell: ({ row }) => <span className="tabular-nums">{row.original.agentCount}</span>,
    },
    {
      accessorKey: "isActive",
      header: tc("status"),
      enableSorting: false,
      cell: ({ row }) => <ActiveBadge active={row.original.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />,
    },
    {
      id: "actions",
      header: () => <span className="sr-only">{tc("actions")}</span>,
      enableSorting: false,
      cell: ({ row, table }) => <RowButtons row={row.original} meta={meta(table)} />,
    },
  ];
}

function RowButtons({ row, meta }: { row: ServiceRow; meta: Meta }) {
  if (!meta.canWrite) return null;
  return (
    <RowActions
      namespace="services"
      row={{ id: row.id, name: row.name, isActive: row.isActive }}
      href={`/c/${meta.slug}/services/${row.id}`}
      busy={meta.busy === row.id}
      onToggle={() => meta.onToggle(row)}
    />
  );
}

export function ServicesTable({ rows, slug, canWrite }: { rows: ServiceRow[]; slug: string; canWrite: boolean }) {
  const actions = useActions();
  const t = useTranslations("services");
  const tc = useTranslations("catalog");
  const hydrated = useHydrated();
  const [{ q, show }, setParams] = useListParams();
  const [sorting, setSorting] = useState<SortingState>([]);

  const visible = useMemo(
    () =>
      rows.filter(
        (r) =>
          (show === "all" || r.isActive === (show === "active")) &&
          (!q || matches(r.name, q) || r.categories.some((c) => matches(c, q))),
      ),
    [rows, q, show],
  );

  const { busy, onToggle, dialog } = useActivation<ServiceRow>({
    namespace: "services",
    nameOf: (row) => row.name,
    save: (row, isActive) => actions.setServiceActive({ company: slug, id: row.id, isActive }),
  });
  const cols = useMemo(() => columns(t, tc), [t, tc]);
  const meta: Meta = { slug, canWrite, busy, onToggle };
  const table = useReactTable({
    data: visible,
    columns: cols,
    meta,
    getRowId: (r) => r.id,
    state: { sorting, columnVisibility: { actions: canWrite } },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const filtered = q !== "" || show !== "all";
  const empty =
    rows.length === 0 ? (
      <EmptyState
        icon={<Scissors />}
        title={t("empty.title")}
        body={canWrite ? t("empty.body") : t("empty.bodyReadOnly")}
        action={
          canWrite ? (
            <Button asChild size="sm">
              <Link href={`/c/${slug}/services/new`}>
                <Plus aria-hidden />
                {t("new")}
              </Link>
            </Button>
          ) : null
        }
      />
    ) : (
      <EmptyState
        title={t("empty.filtered")}
        action={
          filtered ? (
            <Button variant="outline" size="sm" onClick={() => void setParams({ q: null, show: null })}>
              {tc("clearFilters")}
            </Button>
          ) : null
        }
      />
    );

  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <ListToolbar searchLabel={t("search")} count={t("count", { count: visible.length })} />
      <DataTable table={table} empty={empty} caption={t("title")} className="hidden md:block" rowProps={(r) => ({ "data-id": r.id, className: r.isActive ? undefined : "text-muted-foreground" } as React.ComponentProps<"tr">)} />
      <ul className="flex flex-col gap-3 md:hidden" aria-label={t("title")}>
        {table.getRowModel().rows.length === 0 ? (
          <li className="rounded-lg border bg-card">{empty}</li>
        ) : (
          table.getRowModel().rows.map(({ original: r }) => (
            <li key={r.id} data-id={r.id} className="flex flex-col gap-2 rounded-lg border bg-card p-3">
              <div className="flex items-start justify-between gap-2">
                <Link
                  href={`/c/${slug}/services/${r.id}`}
                  className="min-w-0 rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
                >
                  {r.name}
                </Link>
                <ActiveBadge active={r.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />
              </div>
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="text-muted-foreground tabular-nums">
                  {r.durationLabel} · {t("fieldCount", { count: r.fieldCount })}
                </span>
                <span className="font-medium tabular-nums">{r.price}</span>
              </div>
              {r.categories.length ? <Chips items={r.categories} max={4} /> : null}
              {canWrite ? (
                <RowActions
                  namespace="services"
                  row={{ id: r.id, name: r.name, isActive: r.isActive }}
                  href={`/c/${slug}/services/${r.id}`}
                  busy={busy === r.id}
                  onToggle={() => onToggle(r)}
                  card
                />
              ) : null}
            </li>
          ))
        )}
      </ul>

      {dialog}
    </div>
  );
}
