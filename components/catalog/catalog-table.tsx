"use client";

// The one table of the catalog lists (services, agents): search and active filter in the URL,
// sortable columns on desktop, cards on phones, activation from the row, empty states.
import { type ColumnDef, getCoreRowModel, getSortedRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { EmptyState, NewLink } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { ListToolbar, useListParams } from "@/components/list/toolbar";
import { Button } from "@/components/ui/button";
import { useActions } from "@/components/actions-context";
import { RowActions, useActivation } from "./activation";
import { ActiveBadge } from "./bits";

type CatalogRow = { id: string; isActive: boolean };
/** The list's own messages (its namespace), given to the pieces each list describes. */
export type ListWords = ReturnType<typeof useTranslations>;

export function CatalogTable<R extends CatalogRow>({
  namespace,
  rows,
  slug,
  canWrite,
  nameKey,
  subtitle,
  columns,
  nameOf,
  matchesQuery,
  card,
  cardSubtitle,
  emptyIcon,
  setActive,
}: {
  /** The messages namespace and the URL segment (`/c/<slug>/<namespace>/<id>`). */
  namespace: "services" | "agents";
  rows: R[];
  slug: string;
  canWrite: boolean;
  /** The sortable name column's field, and the line under the name (table; the card's too with `cardSubtitle`). */
  nameKey: keyof R & string;
  subtitle: (row: R, t: ListWords) => React.ReactNode;
  /** The columns between the name and the status (this table adds name, status and row actions). */
  columns: (t: ListWords) => ColumnDef<R>[];
  nameOf: (row: R) => string;
  matchesQuery: (row: R, q: string) => boolean;
  /** A phone card's content between its title (name, status) and its row actions. */
  card: (row: R, t: ListWords) => React.ReactNode;
  cardSubtitle?: (row: R) => React.ReactNode;
  emptyIcon: React.ReactNode;
  /** The server action that activates or deactivates a row. */
  setActive: "setAgentActive" | "setServiceActive";
}) {
  const t = useTranslations(namespace);
  const tc = useTranslations("catalog");
  const serverActions = useActions();
  const save = (row: R, isActive: boolean) => serverActions[setActive]({ company: slug, id: row.id, isActive });
  const [{ q, show }, setParams] = useListParams();
  const [sorting, setSorting] = useState<SortingState>([]);
  const visible = useMemo(
    () => rows.filter((r) => (show === "all" || r.isActive === (show === "active")) && (!q || matchesQuery(r, q))),
    [rows, q, show, matchesQuery],
  );
  const { busy, onToggle, dialog } = useActivation<R>({ namespace, nameOf, save });
  const href = (r: R) => `/c/${slug}/${namespace}/${r.id}`;
  const actions = (r: R, card?: boolean) => (
    <RowActions
      namespace={namespace}
      row={{ id: r.id, name: nameOf(r), isActive: r.isActive }}
      href={href(r)}
      busy={busy === r.id}
      onToggle={() => onToggle(r)}
      card={card}
    />
  );
  const cols = useMemo<ColumnDef<R>[]>(
    () => [
      {
        accessorKey: nameKey,
        header: ({ column }) => <DataTableColumnHeader column={column} title={t("columns.name")} />,
        cell: ({ row }) => (
          <div className="flex flex-col">
            <RowLink href={`/c/${slug}/${namespace}/${row.original.id}`}>{nameOf(row.original)}</RowLink>
            {subtitle(row.original, t)}
          </div>
        ),
      },
      ...columns(t),
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
        // Read through the table's meta so the memoised columns see the busy row.
        cell: ({ row, table }) => (table.options.meta as { actions: typeof actions }).actions(row.original),
      },
    ],
    [columns, nameKey, subtitle, nameOf, namespace, slug, t, tc],
  );
  const table = useReactTable({
    data: visible,
    columns: cols,
    meta: { actions },
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
        icon={emptyIcon}
        title={t("empty.title")}
        // A member who may only read is told why nothing is here where the list has the words.
        body={canWrite ? t("empty.body") : t.has("empty.bodyReadOnly") ? t("empty.bodyReadOnly") : undefined}
        action={
          canWrite ? <NewLink href={`/c/${slug}/${namespace}/new`} label={t("new")} size="sm" /> : null
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
    <ListLayout toolbar={<ListToolbar searchLabel={t("search")} count={t("count", { count: visible.length })} />}>
      <ResponsiveRows
        label={t("title")}
        rows={table.getRowModel().rows.map((r) => r.original)}
        rowKey={(r) => r.id}
        cardProps={(r) => ({ "data-id": r.id }) as React.ComponentProps<"li">}
        empty={empty}
        table={
          <DataTable
            table={table}
            empty={empty}
            caption={t("title")}
            className="hidden md:block"
            rowProps={(r) => ({ "data-id": r.id, className: r.isActive ? undefined : "text-muted-foreground" }) as React.ComponentProps<"tr">}
          />
        }
        card={(r) => (
          <>
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <RowLink href={href(r)} className="rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60">
                  {nameOf(r)}
                </RowLink>
                {cardSubtitle?.(r)}
              </div>
              <ActiveBadge active={r.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />
            </div>
            {card(r, t)}
            {canWrite ? actions(r, true) : null}
          </>
        )}
      />
      {dialog}
    </ListLayout>
  );
}

/** The name column's link to the row's page. */
export function RowLink({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) {
  return (
    <Link
      href={href}
      className={
        className ?? "w-fit rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
      }
    >
      {children}
    </Link>
  );
}
