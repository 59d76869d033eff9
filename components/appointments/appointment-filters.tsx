"use client";

// The filters the appointments table and the calendar share: status facets, service, agent.
import { useTranslations } from "next-intl";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { NativeSelect } from "@/components/ui/native-select";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "@/lib/contract/status";
import { StatusIcon } from "./status-badge";

type Option = { id: string; name: string };

/** Statuses as facets; with `counts`, each shows how many appointments it holds. */
export function StatusFacet({
  selected,
  onChange,
  counts,
}: {
  selected: AppointmentStatus[];
  onChange: (status: AppointmentStatus[]) => void;
  counts?: Record<AppointmentStatus, number>;
}) {
  const t = useTranslations("appointments");
  const ts = useTranslations("status");
  return (
    <DataTableFacetedFilter
      title={t("filters.status")}
      options={APPOINTMENT_STATUSES.map((s) => ({
        value: s,
        label: ts(s),
        count: counts?.[s],
        icon: <StatusIcon status={s} className="text-muted-foreground" />,
      }))}
      selected={selected}
      onChange={(v) => onChange(v as AppointmentStatus[])}
      clearLabel={t("filters.clear")}
      emptyLabel={t("filters.noResults")}
      selectedLabel={(count) => t("filters.selected", { count })}
    />
  );
}

/** The service and agent selects, each with an "all" choice. */
export function ServiceAgentSelects({
  id,
  services,
  agents,
  service,
  agent,
  onChange,
}: {
  id: string;
  services: Option[];
  agents: Option[];
  service: string | null;
  agent: string | null;
  onChange: (patch: { service?: string | null; agent?: string | null }) => void;
}) {
  const t = useTranslations("appointments");
  return (
    <>
      <label htmlFor={`${id}-service`} className="sr-only">
        {t("filters.service")}
      </label>
      <NativeSelect
        id={`${id}-service`}
        className="min-w-36 flex-1 sm:w-44 sm:flex-none"
        value={service ?? ""}
        onChange={(e) => onChange({ service: e.target.value || null })}
      >
        <option value="">{t("filters.allServices")}</option>
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </NativeSelect>
      <label htmlFor={`${id}-agent`} className="sr-only">
        {t("filters.agent")}
      </label>
      <NativeSelect
        id={`${id}-agent`}
        className="min-w-36 flex-1 sm:w-44 sm:flex-none"
        value={agent ?? ""}
        onChange={(e) => onChange({ agent: e.target.value || null })}
      >
        <option value="">{t("filters.allAgents")}</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </NativeSelect>
    </>
  );
}
