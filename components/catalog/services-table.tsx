"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Scissors } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useActions } from "@/components/actions-context";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { matches } from "@/components/list/toolbar";
import { ActiveBadge, Chips } from "./bits";
import { CatalogTable, RowLink } from "./catalog-table";
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

type T = ReturnType<typeof useTranslations>;

function columns(t: T, tc: T, slug: string): ColumnDef<ServiceRow>[] {
  return [
    {
      accessorKey: "name",
      header: ({ column }) => <DataTableColumnHeader column={column} title={t("columns.name")} />,
      cell: ({ row }) => (
        <div className="flex flex-col">
          <RowLink href={`/c/${slug}/services/${row.original.id}`}>{row.original.name}</RowLink>
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
  ];
}

const matchesQuery = (r: ServiceRow, q: string) => matches(r.name, q) || r.categories.some((c) => matches(c, q));

export function ServicesTable({ rows, slug, canWrite }: { rows: ServiceRow[]; slug: string; canWrite: boolean }) {
  const actions = useActions();
  const t = useTranslations("services");
  const tc = useTranslations("catalog");
  const cols = useMemo(() => columns(t, tc, slug), [t, tc, slug]);
  return (
    <CatalogTable
      namespace="services"
      rows={rows}
      slug={slug}
      canWrite={canWrite}
      columns={cols}
      nameOf={(r) => r.name}
      matchesQuery={matchesQuery}
      emptyIcon={<Scissors />}
      emptyBody={canWrite ? t("empty.body") : t("empty.bodyReadOnly")}
      setActive={(row, isActive) => actions.setServiceActive({ company: slug, id: row.id, isActive })}
      card={(r) => (
        <>
          <div className="flex items-start justify-between gap-2">
            <RowLink
              href={`/c/${slug}/services/${r.id}`}
              className="min-w-0 rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
            >
              {r.name}
            </RowLink>
            <ActiveBadge active={r.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="text-muted-foreground tabular-nums">
              {r.durationLabel} · {t("fieldCount", { count: r.fieldCount })}
            </span>
            <span className="font-medium tabular-nums">{r.price}</span>
          </div>
          {r.categories.length ? <Chips items={r.categories} max={4} /> : null}
        </>
      )}
    />
  );
}
