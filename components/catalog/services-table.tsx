"use client";

import {
  type ColumnDef,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { Pencil, Plus, Power, PowerOff, Scissors } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { setServiceActiveAction } from "@/app/(dashboard)/c/[company]/services/actions";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { ActiveBadge, Chips, EmptyState } from "./bits";
import { ConfirmDialog, useErrorMessage } from "./form";
import { ListToolbar, matches, useListParams } from "./list-toolbar";

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
  const t = useTranslations("services");
  const tc = useTranslations("catalog");
  if (!meta.canWrite) return null;
  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="sm" asChild>
        <Link href={`/c/${meta.slug}/services/${row.id}`} aria-label={t("editNamed", { name: row.name })}>
          <Pencil aria-hidden />
          <span className="hidden xl:inline">{tc("edit")}</span>
        </Link>
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={meta.busy === row.id}
        onClick={() => meta.onToggle(row)}
        aria-label={row.isActive ? t("deactivateNamed", { name: row.name }) : t("activateNamed", { name: row.name })}
      >
        {row.isActive ? <PowerOff aria-hidden /> : <Power aria-hidden />}
        <span className="hidden xl:inline">{row.isActive ? tc("deactivate") : tc("activate")}</span>
      </Button>
    </div>
  );
}

export function ServicesTable({ rows, slug, canWrite }: { rows: ServiceRow[]; slug: string; canWrite: boolean }) {
  const t = useTranslations("services");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const hydrated = useHydrated();
  const [{ q, show }, setParams] = useListParams();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<ServiceRow | null>(null);
  const [, start] = useTransition();

  const visible = useMemo(
    () =>
      rows.filter(
        (r) =>
          (show === "all" || r.isActive === (show === "active")) &&
          (!q || matches(r.name, q) || r.categories.some((c) => matches(c, q))),
      ),
    [rows, q, show],
  );

  function setActive(row: ServiceRow, isActive: boolean) {
    return new Promise<void>((resolve) => {
      setBusy(row.id);
      start(async () => {
        const r = await setServiceActiveAction({ company: slug, id: row.id, isActive });
        setBusy(null);
        if (r.ok) toast.success(isActive ? t("activated") : t("deactivated"), { description: row.name });
        else toast.error(words(r));
        resolve();
      });
    });
  }

  const onToggle = (row: ServiceRow) => (row.isActive ? setAsking(row) : void setActive(row, true));
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
                <div className="flex gap-2 border-t pt-2">
                  <Button variant="outline" size="sm" asChild className="flex-1">
                    <Link href={`/c/${slug}/services/${r.id}`} aria-label={t("editNamed", { name: r.name })}>
                      <Pencil aria-hidden />
                      {tc("edit")}
                    </Link>
                  </Button>
                  <Button
                    variant="outline"
                    size="sm"
                    className="flex-1"
                    disabled={busy === r.id}
                    onClick={() => onToggle(r)}
                    aria-label={r.isActive ? t("deactivateNamed", { name: r.name }) : t("activateNamed", { name: r.name })}
                  >
                    {r.isActive ? <PowerOff aria-hidden /> : <Power aria-hidden />}
                    {r.isActive ? tc("deactivate") : tc("activate")}
                  </Button>
                </div>
              ) : null}
            </li>
          ))
        )}
      </ul>

      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(o) => !o && setAsking(null)}
        title={t("deactivateTitle", { name: asking?.name ?? "" })}
        description={t("deactivateBody")}
        confirmLabel={tc("deactivate")}
        destructive
        onConfirm={() => (asking ? setActive(asking, false) : undefined)}
      />
    </div>
  );
}
