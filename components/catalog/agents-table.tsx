"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useActions } from "@/components/actions-context";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import { matches } from "@/components/list/toolbar";
import { ActiveBadge, Chips } from "./bits";
import { CatalogTable, RowLink } from "./catalog-table";
export type AgentRow = {
  id: string;
  fullname: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  services: string[];
  isActive: boolean;
};

type T = ReturnType<typeof useTranslations>;

function columns(t: T, tc: T, slug: string): ColumnDef<AgentRow>[] {
  return [
    {
      accessorKey: "fullname",
      header: ({ column }) => <DataTableColumnHeader column={column} title={t("columns.name")} />,
      cell: ({ row }) => (
        <div className="flex flex-col">
          <RowLink href={`/c/${slug}/agents/${row.original.id}`}>{row.original.fullname}</RowLink>
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
  ];
}

/** Name, role, services, or (from three digits) the phone number. */
function matchesQuery(r: AgentRow, q: string) {
  const digits = q.replace(/\D/g, "");
  return (
    matches(r.fullname, q) ||
    matches(r.role ?? "", q) ||
    r.services.some((s) => matches(s, q)) ||
    (digits.length >= 3 && (r.phone ?? "").replace(/\D/g, "").includes(digits))
  );
}

export function AgentsTable({ rows, slug, canWrite }: { rows: AgentRow[]; slug: string; canWrite: boolean }) {
  const actions = useActions();
  const t = useTranslations("agents");
  const tc = useTranslations("catalog");
  const cols = useMemo(() => columns(t, tc, slug), [t, tc, slug]);
  return (
    <CatalogTable
      namespace="agents"
      rows={rows}
      slug={slug}
      canWrite={canWrite}
      columns={cols}
      nameOf={(r) => r.fullname}
      matchesQuery={matchesQuery}
      emptyIcon={<UsersRound />}
      emptyBody={canWrite ? t("empty.body") : undefined}
      setActive={(row, isActive) => actions.setAgentActive({ company: slug, id: row.id, isActive })}
      card={(r) => (
        <>
          <div className="flex items-start justify-between gap-2">
            <div className="min-w-0">
              <RowLink
                href={`/c/${slug}/agents/${r.id}`}
                className="rounded font-medium underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60"
              >
                {r.fullname}
              </RowLink>
              {r.role ? <div className="text-xs text-muted-foreground">{r.role}</div> : null}
            </div>
            <ActiveBadge active={r.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />
          </div>
          {r.phone ? <div className="text-sm tabular-nums text-muted-foreground">{r.phone}</div> : null}
          {r.services.length ? <Chips items={r.services} max={4} /> : null}
        </>
      )}
    />
  );
}
