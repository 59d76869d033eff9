"use client";

import { SlidersHorizontal, Search, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DateField } from "@/components/forms/date-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { RANGE_PRESETS, type RangePreset } from "@/lib/contract/date-presets";
import type { AppointmentStatus } from "@/lib/contract/status";
import { cn } from "@/lib/utils";
import { ServiceAgentSelects, StatusFacet } from "./appointment-filters";

export type ToolbarValues = {
  status: AppointmentStatus[];
  service: string | null;
  agent: string | null;
  range: RangePreset;
  from: string | null;
  to: string | null;
  q: string;
  sort: "asc" | "desc";
  noshow: boolean;
};

/** The toolbar's part of the table's URL state. */
export function pickToolbarValues(p: ToolbarValues): ToolbarValues {
  return { status: p.status, service: p.service, agent: p.agent, range: p.range, from: p.from, to: p.to, q: p.q, sort: p.sort, noshow: p.noshow };
}

export function AppointmentsToolbar({
  values,
  onChange,
  facets,
  services,
  agents,
  nextWorkDay,
}: {
  values: ToolbarValues;
  onChange: (patch: Partial<ToolbarValues>) => void;
  facets: Record<AppointmentStatus, number>;
  services: { id: string; name: string }[];
  agents: { id: string; name: string }[];
  /** The work day when it is not today ("Lundi 7 décembre 2026"), for the period's label. */
  nextWorkDay: string | null;
}) {
  const t = useTranslations("appointments");
  const id = useId();
  const [search, setSearch] = useState(values.q);
  // On a phone the filters fold behind one button, so the list starts on the first screen.
  const [open, setOpen] = useState(false);
  const lastSent = useRef(values.q);

  // The URL may change under us (back button, "clear filters"): follow it.
  useEffect(() => {
    if (values.q !== lastSent.current) {
      lastSent.current = values.q;
      setSearch(values.q);
    }
  }, [values.q]);

  // Debounced: the server is asked once the receptionist stops typing.
  useEffect(() => {
    if (search.trim() === lastSent.current.trim()) return;
    const timer = setTimeout(() => {
      lastSent.current = search.trim();
      onChange({ q: search.trim() });
    }, 350);
    return () => clearTimeout(timer);
  }, [search, onChange]);

  const chosen = [values.status.length > 0, !!values.service, !!values.agent, values.range !== "day", values.sort !== "asc", values.noshow].filter(Boolean).length;
  const filtered = chosen > 0 || !!values.q;

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="relative min-w-0 flex-1 sm:w-72 sm:flex-none">
          <label htmlFor={`${id}-q`} className="sr-only">
            {t("filters.searchLabel")}
          </label>
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            id={`${id}-q`}
            type="search"
            inputMode="search"
            placeholder={t("filters.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                lastSent.current = search.trim();
                onChange({ q: search.trim() });
              }
            }}
            className="pl-8"
          />
        </div>
        <Button
          variant="outline"
          className="h-9 bg-card md:hidden"
          aria-expanded={open}
          aria-controls={`${id}-filters`}
          onClick={() => setOpen((v) => !v)}
        >
          <SlidersHorizontal aria-hidden />
          {t("filters.toggle")}
          {chosen > 0 ? <span className="rounded-sm bg-secondary px-1 text-xs tabular-nums">{chosen}</span> : null}
        </Button>
        <div id={`${id}-filters`} className={cn("w-full flex-wrap items-end gap-2 md:flex md:w-auto", open ? "flex" : "hidden")}>
        <StatusFacet selected={values.status} counts={facets} onChange={(status) => onChange({ status })} />
        <div className="flex min-w-36 flex-1 flex-col gap-1 sm:flex-none">
          <label htmlFor={`${id}-range`} className="sr-only">
            {t("filters.date")}
          </label>
          <NativeSelect
            id={`${id}-range`}
            className="w-full sm:w-52"
            value={values.range}
            onChange={(e) => onChange({ range: e.target.value as RangePreset })}
          >
            {RANGE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {p === "day" && nextWorkDay ? t("filters.nextDay", { day: nextWorkDay }) : t(`filters.${p}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
        {values.range === "custom" ? (
          <div className="grid w-full grid-cols-[auto_1fr] items-center gap-2 sm:flex sm:w-auto">
            <label htmlFor={`${id}-from`} className="text-sm text-muted-foreground">
              {t("filters.from")}
            </label>
            <DateField id={`${id}-from`} inputClassName="w-full sm:w-36" value={values.from ?? ""} onValueChange={(v) => v !== null && onChange({ from: v || null })} />
            <label htmlFor={`${id}-to`} className="text-sm text-muted-foreground">
              {t("filters.to")}
            </label>
            <DateField id={`${id}-to`} inputClassName="w-full sm:w-36" value={values.to ?? ""} min={values.from ?? undefined} onValueChange={(v) => v !== null && onChange({ to: v || null })} />
          </div>
        ) : null}
        <ServiceAgentSelects id={id} services={services} agents={agents} service={values.service} agent={values.agent} onChange={onChange} />
        <Button
          variant={values.noshow ? "secondary" : "outline"}
          size="sm"
          className="h-9"
          aria-pressed={values.noshow}
          onClick={() => onChange({ noshow: !values.noshow })}
        >
          {t("filters.noShow")}
        </Button>
        <label htmlFor={`${id}-sort`} className="sr-only">
          {t("sort.label")}
        </label>
        <NativeSelect
          id={`${id}-sort`}
          className="min-w-36 flex-1 md:hidden"
          value={values.sort}
          onChange={(e) => onChange({ sort: e.target.value as "asc" | "desc" })}
        >
          <option value="asc">{t("sort.asc")}</option>
          <option value="desc">{t("sort.desc")}</option>
        </NativeSelect>
        {filtered ? (
          <Button
            variant="ghost"
            size="sm"
            className="h-9"
            onClick={() => {
              setSearch("");
              lastSent.current = "";
              onChange({ status: [], service: null, agent: null, q: "", range: "day", from: null, to: null, sort: "asc", noshow: false });
            }}
          >
            <X aria-hidden />
            {t("filters.reset")}
          </Button>
        ) : null}
        </div>
      </div>
    </div>
  );
}
