import { useTranslations } from "next-intl";

export type AgentLoadRow = { agentId: string; fullname: string; appointments: number; minutes: number };

/** Each active agent's day: appointments and booked time, as bars against the busiest. */
export function AgentLoad({ rows, calendarHref }: { rows: AgentLoadRow[]; calendarHref: string }) {
  const t = useTranslations("overview.agents");
  const max = Math.max(60, ...rows.map((r) => r.minutes));
  const duration = (m: number) => (m >= 60 ? t("hours", { hours: Math.floor(m / 60), minutes: String(m % 60).padStart(2, "0") }) : t("minutes", { minutes: m }));
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
          {rows.map((r) => (
            <li key={r.agentId} className="flex flex-col gap-1">
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="truncate font-medium">{r.fullname}</span>
                <span className="shrink-0 text-muted-foreground tabular-nums">
                  {r.appointments === 0 ? t("free") : `${t("count", { count: r.appointments })} · ${duration(r.minutes)}`}
                </span>
              </div>
              <div aria-hidden className="h-2 overflow-hidden rounded-full bg-muted">
                <div className="h-full rounded-full bg-primary/70" style={{ width: `${(r.minutes / max) * 100}%` }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
