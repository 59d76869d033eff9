"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Scissors } from "lucide-react";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { matches } from "@/components/list/toolbar";
import { Chips } from "./bits";
import { CatalogTable, type ListWords } from "./catalog-table";

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

function columns(t: ListWords): ColumnDef<ServiceRow>[] {
  return [
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
  ];
}

const nameOf = (r: ServiceRow) => r.name;
const matchesQuery = (r: ServiceRow, q: string) => matches(r.name, q) || r.categories.some((c) => matches(c, q));

const subtitle = (r: ServiceRow, t: ListWords) => <span className="text-xs text-muted-foreground">{t("fieldCount", { count: r.fieldCount })}</span>;
const card = (r: ServiceRow, t: ListWords) => (
  <>
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="text-muted-foreground tabular-nums">
        {r.durationLabel} · {t("fieldCount", { count: r.fieldCount })}
      </span>
      <span className="font-medium tabular-nums">{r.price}</span>
    </div>
    {r.categories.length ? <Chips items={r.categories} max={4} /> : null}
  </>
);

export function ServicesTable(props: { rows: ServiceRow[]; slug: string; canWrite: boolean }) {
  return (
    <CatalogTable
      {...props}
      namespace="services"
      columns={columns}
      nameKey="name"
      nameOf={nameOf}
      subtitle={subtitle}
      card={card}
      matchesQuery={matchesQuery}
      emptyIcon={<Scissors />}
      setActive="setServiceActive"
    />
  );
}
