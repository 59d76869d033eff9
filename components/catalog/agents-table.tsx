"use client";

import { type ColumnDef, getCoreRowModel, getSortedRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import { Plus, UsersRound } from "lucide-react";
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

export type AgentRow = {
  id: string;
  fullname: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  services: string[];
  isActive: boolean;
};

type Meta = { slug: string; canWrite: boolean; busy: string | null; onToggle: (row: AgentRow) => void };
type T = ReturnType<typeof useTranslations>;

function columns(t: T, tc: T): ColumnDef<AgentRow>[] {
  const meta = (table: { options: { meta?: unknown } }) => table.options.meta as Meta;
  return [
    {
      accessorKey: "fullname",
      header: ({ column }) => <DataTableColumnHeader column={column} title={t("columns.name")} />,
      cell: ({ row, table }) => (
        <div className="flex flex-col">
          <Link
            href={`/c/${meta(table).slug}/agents/${row.original.id}`}
            className="w-fit rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
          >
            {row.original.fullname}
          </Link>
          {row.original.role ? <span className="text-xs text-muted-foreground">{row.original.role}</span> : null}
        </div>
      ),
    },
    {
      id: "contact",
      header: t("columns.contact"),
      enableSorting: false,
      cell: ({ row }) => (
        <div className="flex flex-col text-sm">
          <span className="whitespace-nowrap tabular-nums">{row.original.phone ?? "—"}</span>
          {row.original.email ? <span className="text-xs text-muted-foreground">{row.original.email}</span> : null}
        </div>
      ),
    },
    {
      id: "services",
      header: t("columns.services"),
      enableSorting: false,
      cell: ({ row }) => <Chips items={row.original.services} />,
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

function RowButtons({ row, meta }: { row: AgentRow; meta: Meta }) {
  if (!meta.canWrite) return null;
  return (
    <RowActions
      namespace="agents"
      row={{ id: row.id, name: row.fullname, isActive: row.isActive }}
      href={`/c/${meta.slug}/agents/${row.id}`}
      busy={meta.busy === row.id}
      onToggle={() => meta.onToggle(row)}
    />
  );
}

export function AgentsTable({ rows, slug, canWrite }: { rows: AgentRow[]; slug: string; canWrite: boolean }) {
  const actions = useActions();
  const t = useTranslations("agents");
  const tc = useTranslations("catalog");
  const hydrated = useHydrated();
  const [{ q, show }, setParams] = useListParams();
  const [sorting, setSorting] = useState<SortingState>([]);

  const visible = useMemo(
    () =>
      rows.filter(
        (r) =>
          (show === "all" || r.isActive === (show === "active")) &&
          (!q ||
            matches(r.fullname, q) ||
            matches(r.role ?? "", q) ||
            r.services.some((s) => matches(s, q)) ||
            (q.replace(/\D/g, "").length >= 3 && (r.phone ?? "").replace(/\D/g, "").includes(q.replace(/\D/g, "")))),
      ),
    [rows, q, show],
  );

  const { busy, onToggle, dialog } = useActivation<AgentRow>({
    namespace: "agents",
    nameOf: (row) => row.fullname,
    save: (row, isActive) => actions.setAgentActive({ company: slug, id: row.id, isActive }),
  });
  const cols = useMemo(() => columns(t, tc), [t, tc]);
  const table = useReactTable({
    data: visible,
    columns: cols,
    meta: { slug, canWrite, busy, onToggle } satisfies Meta,
    getRowId: (r) => r.id,
    state: { sorting, columnVisibility: { actions: canWrite } },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });

  const empty =
    rows.length === 0 ? (
      <EmptyState
        icon={<UsersRound />}
        title={t("empty.title")}
        body={canWrite ? t("empty.body") : undefined}
        action={
          canWrite ? (
            <Button asChild size="sm">
              <Link href={`/c/${slug}/agents/new`}>
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
          <Button variant="outline" size="sm" onClick={() => void setParams({ q: null, show: null })}>
            {tc("clearFilters")}
          </Button>
        }
      />
    );

  return (
    <div className="flex flex-col gap-4" data-hydrated={hydrated || undefined}>
      <ListToolbar searchLabel={t("search")} count={t("count", { count: visible.length })} />
      <DataTable
        table={table}
        empty={empty}
        caption={t("title")}
        className="hidden md:block"
        rowProps={(r) => ({ "data-id": r.id, className: r.isActive ? undefined : "text-muted-foreground" }) as React.ComponentProps<"tr">}
      />
      <ul className="flex flex-col gap-3 md:hidden" aria-label={t("title")}>
        {table.getRowModel().rows.length === 0 ? (
          <li className="rounded-lg border bg-card">{empty}</li>
        ) : (
          table.getRowModel().rows.map(({ original: r }) => (
            <li key={r.id} data-id={r.id} className="flex flex-col gap-2 rounded-lg border bg-card p-3">
              <div className="flex items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link
                    href={`/c/${slug}/agents/${r.id}`}
                    className="rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
                  >
                    {r.fullname}
                  </Link>
                  {r.role ? <div className="text-xs text-muted-foreground">{r.role}</div> : null}
                </div>
                <ActiveBadge active={r.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />
              </div>
              {r.phone ? <div className="text-sm tabular-nums text-muted-foreground">{r.phone}</div> : null}
              {r.services.length ? <Chips items={r.services} max={4} /> : null}
              {canWrite ? (
                <RowActions
                  namespace="agents"
                  row={{ id: r.id, name: r.fullname, isActive: r.isActive }}
                  href={`/c/${slug}/agents/${r.id}`}
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
