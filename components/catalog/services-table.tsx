"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Scissors } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useActions } from "@/components/actions-context";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { matches } from "@/components/list/toolbar";
import { Chips } from "./bits";
import { CatalogTable } from "./catalog-table";
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

function columns(t: T): ColumnDef<ServiceRow>[] {
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

export function ServicesTable({ rows, slug, canWrite }: { rows: ServiceRow[]; slug: string; canWrite: boolean }) {
  const actions = useActions();
  const t = useTranslations("services");
  const tc = useTranslations("catalog");
  const cols = useMemo(() => columns(t), [t]);
  const subtitle = useMemo(() => (r: ServiceRow) => <span className="text-xs text-muted-foreground">{t("fieldCount", { count: r.fieldCount })}</span>, [t]);
  return (
    <CatalogTable
      namespace="services"
      rows={rows}
      slug={slug}
      canWrite={canWrite}
      columns={cols}
      nameKey="name"
      nameOf={nameOf}
      subtitle={subtitle}
      matchesQuery={matchesQuery}
      emptyIcon={<Scissors />}
      emptyBody={canWrite ? t("empty.body") : t("empty.bodyReadOnly")}
      setActive={(row, isActive) => actions.setServiceActive({ company: slug, id: row.id, isActive })}
      card={(r) => (
        <>
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
