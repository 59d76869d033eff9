import type { Metadata } from "next";
import { NewLink } from "@/components/list/bits";
import { orFirstPage } from "@/app/_server/paging";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { AppointmentsView } from "@/components/appointments/appointments-view";
import { toRow } from "@/components/appointments/present";
import { AppointmentsSkeleton } from "@/components/appointments/appointments-skeleton";
import { appointmentsCache, type AppointmentsParams } from "@/components/appointments/search-params";
import type { AppointmentDetailView } from "@/components/appointments/types";
import {
  countAppointmentsByStatus,
  listAppointments,
} from "@/lib/appointments";
import { appointmentCursorKey } from "@/lib/contract/cursor";
import { isOneDayPreset } from "@/lib/contract/date-presets";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "@/lib/contract/status";
import type { Caller } from "@/lib/auth/caller";
import { listAgents, listServices } from "@/lib/catalog";
import { calendarHours } from "@/lib/scheduling";
import { formatDay, formatLongDay, formatTime, formatTimeZone } from "@/lib/contract/format";
import { encodeCursor } from "@/lib/contract/pagination";
import { type CompanyPageProps, loadCompanyPage } from "../company";
import { loadDrawerDetail } from "../drawer-detail";
import { appointmentFilters } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appointments");
  return { title: t("title") };
}

export default async function AppointmentsPage(props: CompanyPageProps) {
  const [{ member, company, sp, locale }, t] = await Promise.all([
    loadCompanyPage(props, (q) => appointmentsCache.parse(q)),
    getTranslations(),
  ]);
  const { caller } = member;
  const tz = company.timezone;
  const detail = await loadDrawerDetail(caller, company, sp.appointment, locale);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold sm:text-2xl">{t("appointments.title")}</h1>
          <p className="text-sm text-muted-foreground">
            {company.name} · {formatTimeZone(tz, locale)}
          </p>
        </div>
        <NewLink href={`/c/${company.slug}/appointments/new`} label={t("appointments.new")} />
      </div>
      <Suspense fallback={<AppointmentsSkeleton />}>
        <AppointmentsData caller={caller} company={company} sp={sp} locale={locale} detail={detail} />
      </Suspense>
    </div>
  );
}

/** Rows of a one-day agenda fetched at once, so it can be laid out around now. */
const AGENDA_LIMIT = 200;

/** The list, its facet counts and filter options: streamed after the page header. */
async function AppointmentsData({
  caller,
  company,
  sp,
  locale,
  detail,
}: {
  caller: Caller;
  company: { id: string; slug: string; timezone: string };
  sp: AppointmentsParams;
  locale: string;
  detail: AppointmentDetailView | null;
}) {
  const tz = company.timezone;
  const now = new Date();
  const { filters, day } = await appointmentFilters(caller, company, sp, now);
  // One day, earliest first, no status chosen: an agenda around now (what runs and comes next
  // on top, what is over folded below), read whole rather than paged.
  const agenda = isOneDayPreset(sp.range) && sp.sort === "asc" && sp.status.length === 0 && !sp.cursor;

  // Keyset pages: "next" reads after the cursor in the chosen order; "prev" reads before it
  // in the opposite order and turns the rows back round.
  const backwards = sp.dir === "prev" && !!sp.cursor;
  const order = sp.sort === "desc" ? (backwards ? "asc" : "desc") : backwards ? "desc" : "asc";
  const listInput = { ...filters, limit: agenda ? AGENDA_LIMIT : sp.size, order, cursor: sp.cursor } as const;

  const [page, facets, services, agents] = await Promise.all([
    orFirstPage(
      () => listAppointments(caller, listInput),
      () => listAppointments(caller, { ...listInput, cursor: undefined, order: sp.sort }),
    ),
    // Facet counts ignore the status filter themselves.
    countAppointmentsByStatus(caller, filters),
    listServices(caller, { companyId: company.id, limit: 200 }),
    listAgents(caller, { companyId: company.id, limit: 200 }),
  ]);

  const data = backwards ? [...page.data].reverse() : page.data;
  // Time off around the rows shown: a card whose agent is off then says so.
  const dates = data.flatMap((a) => [a.date.getTime(), a.end.getTime()]);
  const { absences } = data.length
    ? await calendarHours(caller, company.id, new Date(Math.min(...dates)), new Date(Math.max(...dates)), { withHours: false })
    : { absences: [] };
  const moreBeyond = page.nextCursor !== null;
  const first = data[0];
  const last = data[data.length - 1];
  const hasPrev = backwards ? moreBeyond : !!sp.cursor;
  const hasNext = backwards ? true : moreBeyond;
  const counted: readonly AppointmentStatus[] = sp.status.length ? sp.status : APPOINTMENT_STATUSES;
  const total = counted.reduce((n: number, s) => n + facets[s], 0);
  const shownDay = day && !day.isToday ? upperFirst(formatLongDay(day.start, tz, locale)) : null;
  const shownDayShort = day && !day.isToday ? formatDay(day.start, tz, locale) : null;

  return (
    <AppointmentsView
      rows={data.map((a) => toRow(a, tz, locale, absences))}
      detail={detail}
      facets={facets}
      total={total}
      services={services.data.map((s) => ({ id: s.id, name: s.name }))}
      agents={agents.data.map((a) => ({ id: a.id, name: a.fullname, serviceIds: a.serviceIds, isActive: a.isActive }))}
      prevCursor={hasPrev && first ? encodeCursor(appointmentCursorKey(first)) : null}
      nextCursor={hasNext && last ? encodeCursor(appointmentCursorKey(last)) : null}
      exportPath={`/c/${company.slug}/appointments/export`}
      companySlug={company.slug}
      timeZone={tz}
      layout={{
        oneDay: isOneDayPreset(sp.range),
        agenda: agenda && !moreBeyond,
        now: now.toISOString(),
        nowLabel: formatTime(now, tz, locale),
        isToday: sp.range === "today" || (sp.range === "day" && !!day?.isToday),
        nextWorkDay: shownDay,
        nextWorkDayShort: shownDayShort,
      }}
    />
  );
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
