import { useTranslations } from "next-intl";

export type AgentLoadRow = {
  agentId: string;
  fullname: string;
  appointments: number;
  minutes: number;
  /** Their working time that day (the hours rule of lib/scheduling); null: no hours set. */
  workMinutes: number | null;
  /** Time off touches the day. */
  timeOff: boolean;
};

/**
 * Each active agent's day: appointments and booked time against their working time (a bar
 * filled to the share booked), "Absent" when time off leaves them none. Agents without hours
 * (the company has none) are drawn against the busiest, as the share of nothing says nothing.
 */
export function AgentLoad({ rows, calendarHref }: { rows: AgentLoadRow[]; calendarHref: string }) {
  const t = useTranslations("overview.agents");
  const busiest = Math.max(60, ...rows.map((r) => r.minutes));
  const duration = (m: number) => (m >= 60 ? t("hours", { hours: Math.floor(m / 60), minutes: String(m % 60).padStart(2, "0") }) : t("minutes", { minutes: m }));
  const summary = (r: AgentLoadRow) => {
    if (r.workMinutes === 0) {
      const off = r.timeOff ? t("absent") : t("notWorking");
      return r.appointments === 0 ? off : `${off} · ${t("count", { count: r.appointments })}`;
    }
    if (r.appointments === 0) return r.workMinutes === null ? t("free") : t("freeOf", { working: duration(r.workMinutes) });
    const booked = r.workMinutes === null ? duration(r.minutes) : t("ofWorking", { booked: duration(r.minutes), working: duration(r.workMinutes) });
    return `${t("count", { count: r.appointments })} · ${booked}`;
  };
  return (
    <section aria-labelledby="overview-agents" className="flex flex-col gap-4 rounded-lg border bg-card p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 gap-y-1">
        <h2 id="overview-agents" className="font-semibold">
          {t("title")}
        </h2>
        <a href={calendarHref} className="text-sm font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60">
          {t("calendar")}
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="agent-load">
          {rows.map((r) => {
            const share = r.workMinutes === null ? r.minutes / busiest : r.workMinutes > 0 ? Math.min(1, r.minutes / r.workMinutes) : 0;
            const off = r.workMinutes === 0;
            return (
              <li key={r.agentId} className="flex flex-col gap-1" data-agent={r.agentId} data-off={off || undefined}>
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="truncate font-medium">{r.fullname}</span>
                  <span className="shrink-0 text-right text-muted-foreground tabular-nums">{summary(r)}</span>
                </div>
                {off ? (
                  <div aria-hidden className="h-2 rounded-full border border-dashed border-muted-foreground/40" />
                ) : (
                  <div aria-hidden className="h-2 overflow-hidden rounded-full bg-muted">
                    <div className="h-full rounded-full bg-primary/70" style={{ width: `${share * 100}%` }} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
