"use client";

// The one table of the catalog lists (services, agents): search and active filter in the URL,
// sortable columns on desktop, cards on phones, activation from the row, empty states.
import { type ColumnDef, getCoreRowModel, getSortedRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import { Plus } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { EmptyState } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { ListToolbar, useListParams } from "@/components/list/toolbar";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/contract/action-result";
import { RowActions, useActivation } from "./activation";

type CatalogRow = { id: string; isActive: boolean };

export function CatalogTable<R extends CatalogRow>({
  namespace,
  rows,
  slug,
  canWrite,
  columns,
  nameOf,
  matchesQuery,
  card,
  emptyIcon,
  emptyBody,
  setActive,
}: {
  /** The messages namespace and the URL segment (`/c/<slug>/<namespace>/<id>`). */
  namespace: "services" | "agents";
  rows: R[];
  slug: string;
  canWrite: boolean;
  /** The columns before the row actions (which this table adds). */
  columns: ColumnDef<R>[];
  nameOf: (row: R) => string;
  matchesQuery: (row: R, q: string) => boolean;
  /** A phone card's content above its row actions. */
  card: (row: R) => React.ReactNode;
  emptyIcon: React.ReactNode;
  emptyBody?: string;
  setActive: (row: R, isActive: boolean) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations(namespace);
  const tc = useTranslations("catalog");
  const [{ q, show }, setParams] = useListParams();
  const [sorting, setSorting] = useState<SortingState>([]);
  const visible = useMemo(
    () => rows.filter((r) => (show === "all" || r.isActive === (show === "active")) && (!q || matchesQuery(r, q))),
    [rows, q, show, matchesQuery],
  );
  const { busy, onToggle, dialog } = useActivation<R>({ namespace, nameOf, save: setActive });
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
      ...columns,
      {
        id: "actions",
        header: () => <span className="sr-only">{tc("actions")}</span>,
        enableSorting: false,
        // Read through the table's meta so the memoised columns see the busy row.
        cell: ({ row, table }) => (table.options.meta as { actions: typeof actions }).actions(row.original),
      },
    ],
    [columns, tc],
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
        body={emptyBody}
        action={
          canWrite ? (
            <Button asChild size="sm">
              <Link href={`/c/${slug}/${namespace}/new`}>
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
            {card(r)}
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
