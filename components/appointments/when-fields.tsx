"use client";

// The booking form's date and time, on the company's clock, and the free slots to pick from.
import { useTranslations } from "next-intl";
import { FormField, type FieldKit } from "@/components/form";
import { DateField } from "@/components/forms/date-field";
import { TimeField } from "@/components/forms/time-field";
import { formatTimeZone } from "@/lib/contract/format";
import { SlotSuggestions } from "./slot-suggestions";

type Slot = { date: string; time: string; agentId: string };

export function WhenFields({
  form,
  company,
  locale,
  date,
  time,
  onDate,
  onTime,
  slots,
}: {
  form: FieldKit;
  company: { slug: string; name: string; timezone: string };
  locale: string;
  date: string;
  time: string;
  /** null: the text typed is not a date (or a time) yet. */
  onDate: (v: string | null) => void;
  onTime: (v: string | null) => void;
  /** Set once a service is chosen (and the page is live): the free slots to suggest. */
  slots: { serviceId: string; agentId: string; agents: { id: string; name: string }[]; onPick: (slot: Slot) => void } | null;
}) {
  const t = useTranslations("form");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField {...form.field("date")} label={t("date")} required>
        <DateField value={date} timeZone={company.timezone} onValueChange={onDate} required {...form.control("date")} />
      </FormField>
      <FormField {...form.field("time")} label={t("time")} required>
        <TimeField value={time} onValueChange={onTime} required {...form.control("time")} />
      </FormField>
      <p className="text-xs text-muted-foreground sm:col-span-2">
        {t("timeZoneHint", { company: company.name, timeZone: formatTimeZone(company.timezone, locale) })}
      </p>
      {slots ? (
        <div className="sm:col-span-2">
          <SlotSuggestions
            company={company.slug}
            serviceId={slots.serviceId}
            agentId={slots.agentId}
            date={date}
            agents={slots.agents}
            onPick={slots.onPick}
          />
        </div>
      ) : null}
    </div>
  );
}
