"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { UsersRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { useActions } from "@/components/actions-context";
import { matches } from "@/components/list/toolbar";
import { Chips } from "./bits";
import { CatalogTable } from "./catalog-table";

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

function columns(t: T): ColumnDef<AgentRow>[] {
  return [
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
  ];
}

const nameOf = (r: AgentRow) => r.fullname;
const subtitle = (r: AgentRow) => (r.role ? <span className="text-xs text-muted-foreground">{r.role}</span> : null);
const cardSubtitle = (r: AgentRow) => (r.role ? <div className="text-xs text-muted-foreground">{r.role}</div> : null);

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
  const cols = useMemo(() => columns(t), [t]);
  return (
    <CatalogTable
      namespace="agents"
      rows={rows}
      slug={slug}
      canWrite={canWrite}
      columns={cols}
      nameKey="fullname"
      nameOf={nameOf}
      subtitle={subtitle}
      cardSubtitle={cardSubtitle}
      matchesQuery={matchesQuery}
      emptyIcon={<UsersRound />}
      emptyBody={canWrite ? t("empty.body") : undefined}
      setActive={(row, isActive) => actions.setAgentActive({ company: slug, id: row.id, isActive })}
      card={(r) => (
        <>
          {r.phone ? <div className="text-sm tabular-nums text-muted-foreground">{r.phone}</div> : null}
          {r.services.length ? <Chips items={r.services} max={4} /> : null}
        </>
      )}
    />
  );
}
