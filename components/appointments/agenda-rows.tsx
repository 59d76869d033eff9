"use client";

import { ChevronDown, ChevronRight, Info } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The present among the day's rows. */
export function NowLine({ time }: { time: string }) {
  const t = useTranslations("appointments.agenda");
  return (
    <div className="flex items-center gap-2 px-3 py-1 text-xs font-semibold text-red-700" data-testid="now-line">
      <span className="size-2 rounded-full bg-red-600" aria-hidden />
      {t("now", { time })}
      <span className="h-px flex-1 bg-red-600/60" aria-hidden />
    </div>
  );
}

/** The heading of the day's finished appointments, which folds them away or shows them. */
export function FinishedToggle({ count, expanded, onToggle, controls }: { count: number; expanded: boolean; onToggle: () => void; controls?: string }) {
  const t = useTranslations("appointments.agenda");
  const Icon = expanded ? ChevronDown : ChevronRight;
  return (
    <div className="flex items-center bg-muted/50 px-1 py-1">
      <Button variant="ghost" size="sm" aria-expanded={expanded} aria-controls={controls} onClick={onToggle} data-testid="finished-toggle">
        <Icon aria-hidden />
        {t("finished", { count })}
        <span className="font-normal text-muted-foreground">· {expanded ? t("hide") : t("show")}</span>
      </Button>
    </div>
  );
}

/** Today has nothing left: the list shows the next day with work, and says so. */
export function NextDayNotice({ day, onSeeToday }: { day: string; onSeeToday: () => void }) {
  const t = useTranslations("appointments.agenda");
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-950" role="status">
      <Info aria-hidden className="size-4 shrink-0" />
      <span>{t("nextDay", { day })}</span>
      <Button variant="link" size="sm" className="h-auto p-0 text-sky-950 underline" onClick={onSeeToday}>
        {t("seeToday")}
      </Button>
    </div>
  );
}
