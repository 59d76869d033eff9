"use client";

import { type ColumnDef, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { ChevronRight, ChevronsLeft, UserRound } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useQueryStates } from "nuqs";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { EmptyState } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { SearchInput } from "@/components/list/search-input";
import { customersParsers } from "./customers-params";

export type CustomerRow = { id: string; fullname: string; phone: string; email: string | null; since: string };

type T = ReturnType<typeof useTranslations>;

function columns(t: T, slug: string): ColumnDef<CustomerRow>[] {
  return [
    {
      accessorKey: "fullname",
      header: t("columns.name"),
      cell: ({ row }) => (
        <Link
          href={`/c/${slug}/customers/${row.original.id}`}
          className="rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
        >
          {row.original.fullname}
        </Link>
      ),
    },
    { accessorKey: "phone", header: t("columns.phone"), cell: ({ row }) => <span className="whitespace-nowrap tabular-nums">{row.original.phone}</span> },
    { accessorKey: "email", header: t("columns.email"), cell: ({ row }) => row.original.email ?? <span className="text-muted-foreground">—</span> },
    { accessorKey: "since", header: t("columns.since"), cell: ({ row }) => <span className="whitespace-nowrap text-muted-foreground">{row.original.since}</span> },
  ];
}

/** The client book: searched on the server (name or phone digits), keyset pages in the URL. */
export function CustomersView({ rows, slug, nextCursor }: { rows: CustomerRow[]; slug: string; nextCursor: string | null }) {
  const t = useTranslations("customers");
  const tc = useTranslations("catalog");
  const id = useId();
  const [loading, startLoading] = useTransition();
  const [params, setParams] = useQueryStates(customersParsers, { shallow: false, history: "push", startTransition: startLoading });
  const [search, setSearch] = useState(params.q);
  const lastSent = useRef(params.q);

  // The URL changed elsewhere (back button): show its search.
  useEffect(() => {
    if (params.q !== lastSent.current) {
      lastSent.current = params.q;
      setSearch(params.q);
    }
  }, [params.q]);

  useEffect(() => {
    if (search.trim() === lastSent.current.trim()) return;
    const timer = setTimeout(() => {
      lastSent.current = search.trim();
      void setParams({ q: search.trim() || null, cursor: null }, { history: "replace" });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, setParams]);

  const cols = useMemo(() => columns(t, slug), [t, slug]);
  const table = useReactTable({ data: rows, columns: cols, getRowId: (r) => r.id, getCoreRowModel: getCoreRowModel(), manualPagination: true });

  const empty = params.q ? (
    <EmptyState
      title={t("empty.filtered", { q: params.q })}
      body={t("empty.filteredHint")}
      action={
        <Button variant="outline" size="sm" onClick={() => setSearch("")}>
          {tc("clearFilters")}
        </Button>
      }
    />
  ) : (
    <EmptyState icon={<UserRound />} title={t("empty.title")} body={t("empty.body")} />
  );

  return (
    <ListLayout
      toolbar={
        <SearchInput
          id={`${id}-q`}
          label={t("search")}
          inputMode="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              lastSent.current = search.trim();
              void setParams({ q: search.trim() || null, cursor: null });
            }
          }}
          className="sm:w-96"
        />
      }
    >
      <div className={cn("relative transition-opacity", loading && "opacity-60")} aria-busy={loading}>
        <ResponsiveRows
          label={t("title")}
          rows={rows}
          rowKey={(r) => r.id}
          cardProps={(r) => ({ "data-id": r.id, className: "" }) as React.ComponentProps<"li">}
          listClassName="gap-2"
          empty={empty}
          table={
            <DataTable
              table={table}
              empty={empty}
              caption={t("title")}
              className="hidden md:block"
              rowProps={(r) => ({ "data-id": r.id }) as React.ComponentProps<"tr">}
            />
          }
          card={(r) => (
            <Link
              href={`/c/${slug}/customers/${r.id}`}
              className="flex items-center gap-3 rounded-lg border bg-card p-3 outline-none hover:bg-muted/50 focus-visible:ring-[3px] focus-visible:ring-ring/60"
            >
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{r.fullname}</span>
                <span className="block text-sm text-muted-foreground tabular-nums">{r.phone}</span>
              </span>
              <ChevronRight aria-hidden className="size-4 text-muted-foreground" />
            </Link>
          )}
        />
      </div>

      {params.cursor || nextCursor ? (
        <nav aria-label={t("pages")} className="flex items-center justify-end gap-2">
          <Button variant="outline" size="sm" disabled={!params.cursor} onClick={() => void setParams({ cursor: null })}>
            <ChevronsLeft aria-hidden />
            {t("firstPage")}
          </Button>
          <Button variant="outline" size="sm" disabled={!nextCursor} onClick={() => void setParams({ cursor: nextCursor })}>
            {t("nextPage")}
            <ChevronRight aria-hidden />
          </Button>
        </nav>
      ) : null}
    </ListLayout>
  );
}
