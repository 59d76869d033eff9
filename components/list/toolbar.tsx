"use client";

// The toolbar of the catalog lists (services, agents): a search and an active/inactive filter, both
// in the URL (shareable, kept on reload). The lists are small (a company's catalog), so the
// rows are filtered in the browser.
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { parseAsString, parseAsStringLiteral, useQueryStates } from "nuqs";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { SearchInput } from "./search-input";

export const SHOW = ["all", "active", "inactive"] as const;
export type Show = (typeof SHOW)[number];

const parsers = {
  q: parseAsString.withDefault(""),
  show: parseAsStringLiteral(SHOW).withDefault("all"),
};

export function useListParams() {
  return useQueryStates(parsers, { history: "replace" });
}

/** Case- and accent-insensitive "contains". */
export function matches(haystack: string, needle: string): boolean {
  const norm = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
  return norm(haystack).includes(norm(needle.trim()));
}

export function ListToolbar({ searchLabel, count }: { searchLabel: string; count: string }) {
  const t = useTranslations("catalog");
  const id = useId();
  const [{ q, show }, set] = useListParams();
  const filtered = q !== "" || show !== "all";
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <SearchInput id={`${id}-q`} label={searchLabel} value={q} onChange={(e) => void set({ q: e.target.value || null })} className="sm:w-72" />
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-show`} className="sr-only">
          {t("showLabel")}
        </label>
        <NativeSelect id={`${id}-show`} value={show} onChange={(e) => void set({ show: e.target.value as Show })} className="w-40">
          {SHOW.map((s) => (
            <option key={s} value={s}>
              {t(`show.${s}`)}
            </option>
          ))}
        </NativeSelect>
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={() => void set({ q: null, show: null })}>
            <X aria-hidden />
            {t("clearFilters")}
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-muted-foreground sm:ml-auto" aria-live="polite">
        {count}
      </p>
    </div>
  );
}
