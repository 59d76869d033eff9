import { Minus, TrendingDown, TrendingUp } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils";

export type RevenueDay = { day: string; label: string; thisWeek: number; lastWeek: number; future: boolean; today: boolean };

/**
 * Completed appointments' revenue: this week so far against last week up to the same moment
 * (the headline, like with like), last week's whole total as context, and per day pairs of
 * CSS bars (no chart library) with the figures in a table for screen readers.
 */
export function RevenueChart({
  days,
  money,
  totals,
}: {
  days: RevenueDay[];
  money: (n: number) => string;
  /** This week so far, last week up to the same weekday and time (`until`, e.g. "mercredi 14:30"), and last week whole. */
  totals: { thisWeek: number; lastWeekToDate: number; lastWeek: number; until: string };
}) {
  const t = useTranslations("overview.revenue");
  const max = Math.max(1, ...days.flatMap((d) => [d.thisWeek, d.lastWeek]));
  const change = totals.lastWeekToDate > 0 ? Math.round(((totals.thisWeek - totals.lastWeekToDate) / totals.lastWeekToDate) * 100) : null;
  const pct = (n: number) => `${Math.max(n > 0 ? 2 : 0, (n / max) * 100)}%`;
  const Trend = change === null || change === 0 ? Minus : change > 0 ? TrendingUp : TrendingDown;
  return (
    <section aria-labelledby="overview-revenue" className="flex flex-col gap-4 rounded-lg border bg-card p-4 sm:p-6">
      <div className="flex flex-col gap-1">
        <h2 id="overview-revenue" className="font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("subtitle")}</p>
      </div>
      {/* Like with like: the week so far beside last week up to the same moment, same size. */}
      <dl className="grid grid-cols-2 gap-x-3 gap-y-0.5">
        {/* Each column spans the same three rows (subgrid): the amounts line up whatever the labels' length. */}
        <div className="row-span-3 grid grid-rows-subgrid">
          <dt className="flex items-end gap-1.5 text-sm text-muted-foreground">
            <span aria-hidden className="mb-1 size-2.5 shrink-0 rounded-sm bg-primary" />
            {t("thisWeekSoFar")}
          </dt>
          <dd className="text-xl font-semibold whitespace-nowrap tabular-nums" data-testid="revenue-this-week">
            {money(totals.thisWeek)}
          </dd>
        </div>
        <div className="row-span-3 grid grid-rows-subgrid">
          <dt className="flex items-end gap-1.5 text-sm text-muted-foreground">
            <span aria-hidden className="mb-1 size-2.5 shrink-0 rounded-sm bg-muted-foreground/35" />
            {t("lastWeekSoFar")}
          </dt>
          <dd className="text-xl font-semibold whitespace-nowrap tabular-nums" data-testid="revenue-last-week-to-date">
            {money(totals.lastWeekToDate)}
          </dd>
          <dd className="text-xs text-muted-foreground">{t("until", { moment: totals.until })}</dd>
        </div>
      </dl>
      <p
        data-testid="revenue-change"
        className={cn(
          "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium",
          change === null ? "bg-muted text-muted-foreground" : change >= 0 ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800",
        )}
      >
        <Trend aria-hidden className="size-4 shrink-0" />
        {change === null ? t("noBasis") : t("change", { change: `${change > 0 ? "+" : change < 0 ? "\u2212" : ""}${Math.abs(change)}\u00a0%` })}
      </p>
      <div aria-hidden className="grid h-36 grid-cols-7 items-end gap-1.5 border-b pb-px sm:gap-3">
        {days.map((d) => (
          <div key={d.day} className="flex h-full items-end justify-center gap-0.5" title={`${d.label} — ${t("thisWeek")} : ${money(d.thisWeek)} · ${t("lastWeek")} : ${money(d.lastWeek)}`}>
            <div className="w-1/3 max-w-4 rounded-t-sm bg-muted-foreground/35" style={{ height: pct(d.lastWeek) }} />
            <div
              className={cn("w-1/3 max-w-4 rounded-t-sm bg-primary", d.future && "bg-transparent")}
              style={{ height: pct(d.thisWeek) }}
            />
          </div>
        ))}
      </div>
      <div aria-hidden className="-mt-2 grid grid-cols-7 gap-1.5 text-center text-xs text-muted-foreground sm:gap-3">
        {days.map((d) => (
          <span key={d.day} className={cn(d.today && "font-semibold text-foreground")}>
            {d.label}
          </span>
        ))}
      </div>
      <p className="border-t pt-3 text-sm text-muted-foreground" data-testid="revenue-last-week">
        {t("lastWeekWhole", { amount: money(totals.lastWeek) })}
      </p>
      <table className="sr-only">
        <caption>{t("title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("day")}</th>
            <th scope="col">{t("thisWeek")}</th>
            <th scope="col">{t("lastWeek")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{d.label}</th>
              <td>{d.future ? "—" : money(d.thisWeek)}</td>
              <td>{money(d.lastWeek)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
