"use client";

// The journal's filters: which side of now (due so far, or "À venir"), state and channel
// facets, a first and a last day (the company's clock), and "clear". The values are the URL's
// (components/messages/search-params.ts).
import { CalendarClock, History, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { DataTableFacetedFilter } from "@/components/data-table/data-table-faceted-filter";
import { DateField } from "@/components/forms/date-field";
import { Button } from "@/components/ui/button";
import { MESSAGE_CHANNELS, MESSAGE_STATES, type MessageChannel, type MessageState } from "@/lib/contract/messages";
import { MessageStateIcon, useChannelName } from "./message-state";
import type { MessagesFilters } from "./search-params";

export function MessagesToolbar({
  values,
  onChange,
  timeZone,
}: {
  values: MessagesFilters;
  onChange: (patch: Partial<MessagesFilters>) => void;
  timeZone: string;
}) {
  const t = useTranslations("MessagesPage");
  const channelName = useChannelName();
  const id = useId();
  const facetWords = {
    clearLabel: t("filters.clear"),
    emptyLabel: t("filters.noResults"),
    selectedLabel: (count: number) => t("filters.selected", { count }),
  };
  const filtered = values.state.length > 0 || values.channel.length > 0 || !!values.from || !!values.to;
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("filters.label")}>
      <div className="inline-flex rounded-md border p-0.5" role="group" aria-label={t("upcoming.label")}>
        {([false, true] as const).map((upcoming) => (
          <Button
            key={String(upcoming)}
            variant={values.upcoming === upcoming ? "secondary" : "ghost"}
            size="sm"
            className="h-8"
            aria-pressed={values.upcoming === upcoming}
            onClick={() => values.upcoming !== upcoming && onChange({ upcoming })}
          >
            {upcoming ? <CalendarClock aria-hidden /> : <History aria-hidden />}
            {upcoming ? t("upcoming.on") : t("upcoming.off")}
          </Button>
        ))}
      </div>
      <DataTableFacetedFilter
        title={t("filters.state")}
        options={MESSAGE_STATES.map((s) => ({ value: s, label: t(`state.${s}`), icon: <MessageStateIcon state={s} className="text-muted-foreground" /> }))}
        selected={values.state}
        onChange={(v) => onChange({ state: v as MessageState[] })}
        {...facetWords}
      />
      <DataTableFacetedFilter
        title={t("filters.channel")}
        options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: channelName(c) }))}
        selected={values.channel}
        onChange={(v) => onChange({ channel: v as MessageChannel[] })}
        {...facetWords}
      />
      <div className="grid w-full grid-cols-[auto_1fr] items-center gap-2 sm:flex sm:w-auto">
        <label htmlFor={`${id}-from`} className="text-sm text-muted-foreground">
          {t("filters.from")}
        </label>
        <DateField
          id={`${id}-from`}
          timeZone={timeZone}
          inputClassName="w-full sm:w-36"
          value={values.from ?? ""}
          onValueChange={(v) => v !== null && onChange({ from: v || null })}
        />
        <label htmlFor={`${id}-to`} className="text-sm text-muted-foreground">
          {t("filters.to")}
        </label>
        <DateField
          id={`${id}-to`}
          timeZone={timeZone}
          inputClassName="w-full sm:w-36"
          value={values.to ?? ""}
          min={values.from ?? undefined}
          onValueChange={(v) => v !== null && onChange({ to: v || null })}
        />
      </div>
      {filtered ? (
        <Button variant="ghost" size="sm" className="h-9" onClick={() => onChange({ state: [], channel: [], from: null, to: null })}>
          <X aria-hidden />
          {t("filters.reset")}
        </Button>
      ) : null}
    </div>
  );
}
