"use client";

import { type ColumnDef, getCoreRowModel, getSortedRowModel, type SortingState, useReactTable } from "@tanstack/react-table";
import { Pencil, Plus, Power, PowerOff, UsersRound } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { toast } from "sonner";
import { setAgentActiveAction } from "@/app/(dashboard)/c/[company]/agents/actions";
import { DataTable } from "@/components/data-table/data-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/use-hydrated";
import { ActiveBadge, Chips, EmptyState } from "./bits";
import { ConfirmDialog, useErrorMessage } from "./form";
import { ListToolbar, matches, useListParams } from "./list-toolbar";

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
  const t = useTranslations("agents");
  const tc = useTranslations("catalog");
  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="sm" asChild>
        <Link href={`/c/${meta.slug}/agents/${row.id}`} aria-label={t("editNamed", { name: row.fullname })}>
          <Pencil aria-hidden />
          <span className="hidden xl:inline">{tc("edit")}</span>
        </Link>
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={meta.busy === row.id}
        onClick={() => meta.onToggle(row)}
        aria-label={row.isActive ? t("deactivateNamed", { name: row.fullname }) : t("activateNamed", { name: row.fullname })}
      >
        {row.isActive ? <PowerOff aria-hidden /> : <Power aria-hidden />}
        <span className="hidden xl:inline">{row.isActive ? tc("deactivate") : tc("activate")}</span>
      </Button>
    </div>
  );
}

export function AgentsTable({ rows, slug, canWrite }: { rows: AgentRow[]; slug: string; canWrite: boolean }) {
  const t = useTranslations("agents");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const hydrated = useHydrated();
  const [{ q, show }, setParams] = useListParams();
  const [sorting, setSorting] = useState<SortingState>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [asking, setAsking] = useState<AgentRow | null>(null);
  const [, start] = useTransition();

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

  function setActive(row: AgentRow, isActive: boolean) {
    return new Promise<void>((resolve) => {
      setBusy(row.id);
      start(async () => {
        const r = await setAgentActiveAction({ company: slug, id: row.id, isActive });
        setBusy(null);
        if (r.ok) toast.success(isActive ? t("activated") : t("deactivated"), { description: row.fullname });
        else toast.error(words(r));
        resolve();
      });
    });
  }

  const onToggle = (row: AgentRow) => (row.isActive ? setAsking(row) : void setActive(row, true));
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
                <div className="flex gap-2 border-t pt-2">
                  <Button variant="outline" size="sm" asChild className="flex-1">
                    <Link href={`/c/${slug}/agents/${r.id}`} aria-label={t("editNamed", { name: r.fullname })}>
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
                    aria-label={r.isActive ? t("deactivateNamed", { name: r.fullname }) : t("activateNamed", { name: r.fullname })}
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
        title={t("deactivateTitle", { name: asking?.fullname ?? "" })}
        description={t("deactivateBody")}
        confirmLabel={tc("deactivate")}
        destructive
        onConfirm={() => (asking ? setActive(asking, false) : undefined)}
      />
    </div>
  );
}
