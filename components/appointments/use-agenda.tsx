"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { agendaOf } from "./agenda";
import { FinishedToggle, NowLine } from "./agenda-rows";
import type { AppointmentRow } from "./types";

/**
 * The rows to show and the section rows between them when the list is a one-day agenda:
 * "now" among what is still to do, and what is over folded under one heading.
 */
export function useAgenda(rows: AppointmentRow[], layout: { agenda: boolean; isToday: boolean; now: string; nowLabel: string }) {
  const t = useTranslations("appointments.agenda");
  const [showFinished, setShowFinished] = useState(false);
  const now = useMemo(() => new Date(layout.now), [layout.now]);
  const agenda = useMemo(() => (layout.agenda ? agendaOf(rows, layout.isToday ? now : null) : null), [layout.agenda, layout.isToday, rows, now]);
  const shown = useMemo(() => (agenda ? [...agenda.active, ...(showFinished ? agenda.finished : [])] : rows), [agenda, showFinished, rows]);
  if (!agenda) return { now, shown, before: () => null, after: null, allDone: null };

  const { active, finished, nowAt } = agenda;
  const toggle = finished.length ? (
    <FinishedToggle count={finished.length} expanded={showFinished} onToggle={() => setShowFinished((v) => !v)} />
  ) : null;
  const nowLine = <NowLine time={layout.nowLabel} />;
  const nowAfterAll = nowAt === active.length && active.length > 0;
  /** Before the i-th row shown: "now" among the active ones, then the finished heading. */
  const before = (i: number) => {
    if (i < active.length) return nowAt === i ? nowLine : null;
    if (i > active.length) return null;
    return (
      <>
        {nowAfterAll ? nowLine : null}
        {toggle}
      </>
    );
  };
  const after = showFinished ? null : (
    <>
      {nowAfterAll ? nowLine : null}
      {toggle}
    </>
  );
  const allDone =
    active.length === 0 && finished.length > 0 ? (
      <div className="flex flex-col items-center gap-2 text-center" role="status">
        <p className="py-4 font-medium">{t("allDone")}</p>
        {toggle}
      </div>
    ) : null;
  return { now, shown, before, after, allDone };
}
