"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { UsersRound } from "lucide-react";
import { matches } from "@/components/list/toolbar";
import { Chips } from "./bits";
import { CatalogTable, type ListWords } from "./catalog-table";

export type AgentRow = {
  id: string;
  fullname: string;
  role: string | null;
  phone: string | null;
  email: string | null;
  services: string[];
  isActive: boolean;
};

function columns(t: ListWords): ColumnDef<AgentRow>[] {
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
const card = (r: AgentRow) => (
  <>
    {r.phone ? <div className="text-sm tabular-nums text-muted-foreground">{r.phone}</div> : null}
    {r.services.length ? <Chips items={r.services} max={4} /> : null}
  </>
);

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

export function AgentsTable(props: { rows: AgentRow[]; slug: string; canWrite: boolean }) {
  return (
    <CatalogTable
      {...props}
      namespace="agents"
      columns={columns}
      nameKey="fullname"
      nameOf={nameOf}
      subtitle={subtitle}
      cardSubtitle={cardSubtitle}
      card={card}
      matchesQuery={matchesQuery}
      emptyIcon={<UsersRound />}
      setActive="setAgentActive"
    />
  );
}
