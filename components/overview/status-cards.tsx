import Link from "next/link";
import { useTranslations } from "next-intl";
import { STATUS_STYLES, StatusIcon } from "@/components/appointments/status-badge";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "@/lib/contract/status";
import { cn } from "@/lib/utils";

/** Today's counts per status, each a link to the table filtered on it (today is its default period). */
export function StatusCards({ counts, slug }: { counts: Record<AppointmentStatus, number>; slug: string }) {
  const t = useTranslations();
  const total = APPOINTMENT_STATUSES.reduce((n, s) => n + counts[s], 0);
  const card =
    "flex flex-col gap-1 rounded-lg border bg-card p-3 shadow-xs outline-none transition-colors hover:bg-accent/60 focus-visible:ring-[3px] focus-visible:ring-ring/60 sm:p-4";
  return (
    <section aria-labelledby="overview-counts">
      <h2 id="overview-counts" className="sr-only">
        {t("overview.counts.title")}
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-6">
        <li>
          <Link href={`/c/${slug}/appointments`} className={card} data-testid="count-total">
            <span className="text-sm text-muted-foreground">{t("overview.counts.total")}</span>
            <span className="text-2xl font-semibold tabular-nums sm:text-3xl">{total}</span>
          </Link>
        </li>
        {APPOINTMENT_STATUSES.map((s) => (
          <li key={s}>
            <Link
              href={`/c/${slug}/appointments?status=${s}`}
              className={card}
              data-testid={`count-${s}`}
              aria-label={t("overview.counts.link", { count: counts[s], status: t(`status.${s}`) })}
            >
              <span className="flex items-center gap-1.5 text-sm text-muted-foreground">
                <span className={cn("flex size-5 items-center justify-center rounded-full border", STATUS_STYLES[s])}>
                  <StatusIcon status={s} className="size-3" />
                </span>
                {t(`status.${s}`)}
              </span>
              <span className="text-2xl font-semibold tabular-nums sm:text-3xl">{counts[s]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
