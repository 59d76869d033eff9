"use client";

import { useTranslations } from "next-intl";
import { useActions } from "@/components/actions-context";
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
  return (
    <>
      <section className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby="agent-hours">
        <h2 id="agent-hours" className="font-semibold">
          {t("title")}
        </h2>
        <p className="text-xs text-muted-foreground">{t("timeZoneHint", { timeZone })}</p>
        <WeeklyHoursEditor
          initial={schedule}
          noneLabel={t("followsCompany")}
          readOnly={readOnly}
          onSave={(hours) => actions.setAgentSchedule({ company, id: agentId, schedule: hours })}
        />
      </section>
      <section className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby="agent-time-off">
        <h2 id="agent-time-off" className="font-semibold">
          {t("timeOffTitle")}
        </h2>
        <TimeOffList company={company} agentId={agentId} items={timeOff} readOnly={readOnly} />
      </section>
    </>
  );
}

/** The company settings' opening hours (none: open at all times). */
export function CompanyHoursSection({ company, hours, timeZone, readOnly }: { company: string; hours: WeeklyHours | null; timeZone: string; readOnly: boolean }) {
  const actions = useActions();
  const t = useTranslations("scheduling");
  return (
    <section className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby="company-hours">
      <h2 id="company-hours" className="font-semibold">
        {t("companyHoursTitle")}
      </h2>
      <p className="text-xs text-muted-foreground">{t("timeZoneHint", { timeZone })}</p>
      <WeeklyHoursEditor initial={hours} noneLabel={t("openAlways")} readOnly={readOnly} onSave={(h) => actions.setCompanyHours({ company, hours: h })} />
    </section>
  );
}
