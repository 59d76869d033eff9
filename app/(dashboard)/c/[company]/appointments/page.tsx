import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Plus } from "lucide-react";
import type { SearchParams } from "nuqs/server";
import { AppointmentsView } from "@/components/appointments/appointments-view";
import { toDetail, toRow } from "@/components/appointments/present";
import { AppointmentsSkeleton } from "@/components/appointments/appointments-skeleton";
import { appointmentsCache, type AppointmentsParams } from "@/components/appointments/search-params";
import type { AppointmentDetailView } from "@/components/appointments/types";
import { Button } from "@/components/ui/button";
import {
  countAppointmentsByStatus,
  getAppointment,
  listAppointmentEvents,
  listAppointments,
} from "@/lib/appointments";
import { appointmentCursorKey } from "@/lib/contract/cursor";
import { isOneDayPreset } from "@/lib/contract/date-presets";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "@/lib/contract/status";
import type { Caller } from "@/lib/auth/caller";
import { listAgents, listServices } from "@/lib/catalog";
import { calendarHours } from "@/lib/scheduling";
import { isManager } from "@/lib/auth/caller";
import { isAppError } from "@/lib/contract/errors";
import { formatDay, formatLongDay, formatTime, formatTimeZone } from "@/lib/contract/format";
import { encodeCursor } from "@/lib/contract/pagination";
import { loadCompany } from "../company";
import { appointmentFilters } from "./filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("appointments");
  return { title: t("title") };
}

export default async function AppointmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const [{ member, company }, sp, locale, t] = await Promise.all([
    loadCompany(slug),
    appointmentsCache.parse(searchParams),
    getLocale(),
    getTranslations(),
  ]);
  const { caller } = member;
  const tz = company.timezone;

  // The drawer's appointment is read before anything streams, so an appointment of another
  // company (or none) answers a real 404.
  let detail: AppointmentDetailView | null = null;
  if (sp.appointment) {
    try {
      const [a, events] = await Promise.all([
        getAppointment(caller, sp.appointment),
        listAppointmentEvents(caller, sp.appointment),
      ]);
      if (a.companyId !== company.id) notFound();
      detail = toDetail(a, events, tz, locale, { yes: t("detail.yes"), no: t("detail.no") }, isManager(caller));
    } catch (err) {
      if (isAppError(err) && err.code === "appointment-not-found") notFound();
      throw err;
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold sm:text-2xl">{t("appointments.title")}</h1>
          <p className="text-sm text-muted-foreground">
            {company.name} · {formatTimeZone(tz, locale)}
          </p>
        </div>
        <Button asChild>
          <Link href={`/c/${company.slug}/appointments/new`}>
            <Plus aria-hidden />
            {t("appointments.new")}
          </Link>
        </Button>
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
    listAppointments(caller, listInput).catch((err) => {
      // A stale or hand-edited cursor: start again from the first page rather than fail.
      if (isAppError(err) && err.code === "validation-error") {
        return listAppointments(caller, { ...listInput, cursor: undefined, order: sp.sort });
      }
      throw err;
    }),
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
