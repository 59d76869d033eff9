import type { Metadata } from "next";
import { NewLink } from "@/components/list/bits";
import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { CalendarDays } from "lucide-react";
import { toRow } from "@/components/appointments/present";
import { AgentLoad } from "@/components/overview/agent-load";
import { RevenueChart, type RevenueDay } from "@/components/overview/revenue-chart";
import { StatusCards } from "@/components/overview/status-cards";
import { UpcomingList } from "@/components/overview/upcoming-list";
import { OverviewSkeleton } from "@/components/overview/overview-skeleton";
import { Button } from "@/components/ui/button";
import { companyOverview } from "@/lib/appointments";
import { workDay } from "@/lib/appointments/work-day";
import type { Caller } from "@/lib/auth/caller";
import { localDateKey } from "@/lib/contract/dates";
import { formatLongDay, formatMoney, formatTime } from "@/lib/contract/format";
import { loadCompany } from "./company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

/**
 * The company's home: today at a glance, cut in the company's zone. The header shows at once;
 * the figures stream in (a Suspense boundary here rather than a loading.tsx, which would also
 * cover every other page of the company).
 */
export default async function CompanyHome({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, locale, t] = await Promise.all([loadCompany(slug), getLocale(), getTranslations()]);
  const now = new Date();
  // Once today has nothing left to do, the home shows the next day with work.
  const day = await workDay(member.caller, company, now);
  const longDay = formatLongDay(day.start, company.timezone, locale);
  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold sm:text-2xl">{day.isToday ? t("overview.title") : t("overview.nextDay")}</h1>
          <p className="text-sm text-muted-foreground">
            {longDay.charAt(0).toLocaleUpperCase() + longDay.slice(1)} · {company.name}
            {day.isToday ? null : <> · {t("overview.nothingLeftToday")}</>}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline">
            <Link href={`/c/${company.slug}/calendar?view=agents`}>
              <CalendarDays aria-hidden />
              {t("overview.dayCalendar")}
            </Link>
          </Button>
          <NewLink href={`/c/${company.slug}/appointments/new`} label={t("appointments.new")} />
        </div>
      </div>
      <Suspense fallback={<OverviewSkeleton />}>
        <Overview caller={member.caller} company={company} now={now} locale={locale} />
      </Suspense>
    </div>
  );
}

async function Overview({
  caller,
  company,
  now,
  locale,
}: {
  caller: Caller;
  company: { id: string; slug: string; timezone: string; currency: string };
  now: Date;
  locale: string;
}) {
  const tz = company.timezone;
  const overview = await companyOverview(caller, company, now);
  const today = localDateKey(now, tz);
  const money = (n: number) => formatMoney(n, company.currency, locale);

  const weekday = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { weekday: "short", timeZone: "UTC" });
  const days: RevenueDay[] = overview.revenue.thisWeek.map((d, i) => {
    const [y, m, dd] = d.day.split("-").map(Number);
    return {
      day: d.day,
      label: weekday.format(new Date(Date.UTC(y, m - 1, dd, 12))),
      thisWeek: d.revenue,
      lastWeek: overview.revenue.lastWeek[i]?.revenue ?? 0,
      future: d.day > today,
      today: d.day === today,
    };
  });
  // "mercredi 14:30": where last week's figure stops, the same weekday and time as now.
  const sameMoment = overview.revenue.sameMomentLastWeek;
  const until = `${new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { weekday: "long", timeZone: tz }).format(sameMoment)} ${formatTime(sameMoment, tz, locale)}`;

  return (
    <div className="flex flex-col gap-4 sm:gap-6">
      <StatusCards counts={overview.counts} slug={company.slug} />

      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 sm:gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <UpcomingList rows={overview.upcoming.map((a) => toRow(a, tz, locale))} slug={company.slug} dayStart={overview.today.start.toISOString()} />
        <div className="flex flex-col gap-4 sm:gap-6">
          <RevenueChart
            days={days}
            money={money}
            totals={{
              thisWeek: overview.revenue.thisWeekTotal,
              lastWeekToDate: overview.revenue.lastWeekToDateTotal,
              lastWeek: overview.revenue.lastWeekTotal,
              until,
            }}
          />
          <AgentLoad rows={overview.agentLoad} calendarHref={`/c/${company.slug}/calendar?view=agents`} />
        </div>
      </div>
    </div>
  );
}
