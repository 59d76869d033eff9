"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActions } from "@/components/actions-context";
import { formatTimeZone } from "@/lib/contract/format";
import type { TimeOff, WeeklyHours } from "@/lib/contract/hours";
import { TimeOffList } from "./time-off-list";
import { WeeklyHoursEditor } from "./weekly-hours-editor";

/** The agent page's hours: their own week (or following the company) and their time off. */
export function AgentHoursSection({
  company,
  agentId,
  schedule,
  timeOff,
  timeZone,
  readOnly,
}: {
  company: string;
  agentId: string;
  schedule: WeeklyHours | null;
  timeOff: TimeOff[];
  timeZone: string;
  readOnly: boolean;
}) {
  const actions = useActions();
  const t = useTranslations("scheduling");
  const locale = useLocale();
  return (
    <>
      <HoursSection id="agent-hours" title={t("title")} hint={t("timeZoneHint", { timeZone: formatTimeZone(timeZone, locale) })}>
        <WeeklyHoursEditor
          initial={schedule}
          noneLabel={t("followsCompany")}
          readOnly={readOnly}
          onSave={(hours) => actions.setAgentSchedule({ company, id: agentId, schedule: hours })}
        />
      </HoursSection>
      <HoursSection id="agent-time-off" title={t("timeOffTitle")}>
        <TimeOffList company={company} agentId={agentId} items={timeOff} readOnly={readOnly} />
      </HoursSection>
    </>
  );
}

/** The company settings' opening hours (none: open at all times). */
export function CompanyHoursSection({ company, hours, timeZone, readOnly }: { company: string; hours: WeeklyHours | null; timeZone: string; readOnly: boolean }) {
  const actions = useActions();
  const t = useTranslations("scheduling");
  const locale = useLocale();
  return (
    <HoursSection id="company-hours" title={t("companyHoursTitle")} hint={t("timeZoneHint", { timeZone: formatTimeZone(timeZone, locale) })}>
      <WeeklyHoursEditor initial={hours} noneLabel={t("openAlways")} readOnly={readOnly} onSave={(h) => actions.setCompanyHours({ company, hours: h })} />
    </HoursSection>
  );
}

/** A card with its heading (the section's name) and, for hours, the zone they are read in. */
function HoursSection({ id, title, hint, children }: { id: string; title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby={id}>
      <h2 id={id} className="font-semibold">
        {title}
      </h2>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      {children}
    </section>
  );
}
