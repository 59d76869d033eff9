import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { CalendarSkeleton } from "@/components/calendar/calendar-skeleton";
import { CalendarView } from "@/components/calendar/calendar-view";
import { calendarHours } from "@/lib/scheduling";
import { addDaysKey, dayKeyOr, rangeTitle, todayKey, visibleDays, visibleRange } from "@/components/calendar/range";
import { calendarCache, type CalendarParams, shownStatuses } from "@/components/calendar/search-params";
import { type CalendarEventView, type CalendarResource, type DayAbsence, UNASSIGNED } from "@/components/calendar/types";
import { CALENDAR_LIMIT_DEFAULT, listAppointmentsInRange } from "@/lib/appointments/calendar";
import type { Caller } from "@/lib/auth/caller";
import { listAgents, listServices } from "@/lib/catalog";
import { instantToWallClock } from "@/lib/contract/dates";
import { formatDay, formatMoney, formatPhone, formatTime, formatTimeZone } from "@/lib/contract/format";
import { isUuid } from "@/lib/contract/ids";
import { type CompanyPageProps, loadCompanyPage } from "../company";
import { loadDrawerDetail } from "../drawer-detail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calendar");
  return { title: t("title") };
}

type Company = { id: string; slug: string; timezone: string; currency: string };

export default async function CalendarPage(props: CompanyPageProps) {
  const [{ member, company, sp, locale }, t] = await Promise.all([
    loadCompanyPage(props, (q) => calendarCache.parse(q)),
    getTranslations("calendar"),
  ]);
  const detail = await loadDrawerDetail(member.caller, company, sp.appointment, locale);
  return (
    <div className="flex flex-col gap-3">
      <div>
        <h1 className="text-xl font-semibold sm:text-2xl">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("timeZone", { company: company.name, timeZone: formatTimeZone(company.timezone, locale) })}</p>
      </div>
      <Suspense fallback={<CalendarSkeleton />}>
        <CalendarData caller={member.caller} company={company} sp={sp} locale={locale} detail={detail} />
      </Suspense>
    </div>
  );
}

/** The visible range's appointments, the agents (columns and filter) and services: streamed. */
async function CalendarData({
  caller,
  company,
  sp,
  locale,
  detail,
}: {
  caller: Caller;
  company: Company;
  sp: CalendarParams;
  locale: string;
  detail: Awaited<ReturnType<typeof loadDrawerDetail>>;
}) {
  const t = await getTranslations("calendar");
  const tz = company.timezone;
  const today = todayKey(tz);
  const day = dayKeyOr(sp.date, today);
  const range = visibleRange(sp.view, day, tz);
  const agentId = sp.agent && isUuid(sp.agent) ? sp.agent : undefined;

  const [found, services, agents, hours] = await Promise.all([
    listAppointmentsInRange(caller, {
      companyId: company.id,
      from: range.start,
      to: range.end,
      serviceId: sp.service && isUuid(sp.service) ? sp.service : undefined,
      agentId,
      status: shownStatuses(sp),
    }),
    listServices(caller, { companyId: company.id, limit: 200 }),
    listAgents(caller, { companyId: company.id, limit: 200 }),
    calendarHours(caller, company.id, range.start, range.end),
  ]);

  const events: CalendarEventView[] = found.data.map((a) => ({
    id: a.id,
    start: instantToWallClock(a.date, tz),
    end: instantToWallClock(a.end, tz),
    startsAt: a.date.toISOString(),
    endsAt: a.end.toISOString(),
    status: a.status,
    agentId: a.agentId,
    agentName: a.agentName,
    serviceName: a.serviceName,
    customerName: a.customerName,
    customerPhone: formatPhone(a.customerPhone),
    price: formatMoney(a.totalPrice, company.currency, locale),
    time: `${formatTime(a.date, tz, locale)} – ${formatTime(a.end, tz, locale)}`,
    day: upperFirst(formatDay(a.date, tz, locale)),
  }));

  // Per-agent columns: the active agents (or the one filtered on), any other agent who has
  // appointments in view, then the appointments nobody has taken yet.
  const columns: CalendarResource[] = agents.data
    .filter((a) => (agentId ? a.id === agentId : a.isActive))
    .map((a) => ({ id: a.id, title: a.fullname, hours: hours.agents[a.id] ?? null }));
  for (const e of events) {
    if (e.agentId && !columns.some((c) => c.id === e.agentId)) columns.push({ id: e.agentId, title: e.agentName ?? "—" });
  }
  if (!agentId) columns.push({ id: UNASSIGNED, title: t("unassigned") });

  const { first, last } = visibleDays(sp.view, day);
  const days: { key: string; label: string; isToday: boolean }[] = [];
  const absences: Record<string, DayAbsence[]> = {};
  for (let k = first; k <= last; k = addDaysKey(k, 1)) {
    const [y, m, d] = k.split("-").map(Number);
    days.push({ key: k, label: upperFirst(formatDay(new Date(Date.UTC(y, m - 1, d, 12)), "UTC", locale)), isToday: k === today });
    const off = hours.absences.filter((x) => x.startDate <= k && k <= x.endDate && (!agentId || x.agentId === agentId));
    if (off.length) {
      absences[k] = off.map((x) => ({
        agentId: x.agentId,
        name: agents.data.find((a) => a.id === x.agentId)?.fullname ?? "—",
        hours: x.startTime && x.endTime ? `${x.startTime}–${x.endTime}` : null,
      }));
    }
  }
  // The per-agent view shows one day: an agent off that day says so in their column's title.
  if (sp.view === "agents") {
    for (const c of columns) if (absences[first]?.some((x) => x.agentId === c.id)) c.title = t("absentTitle", { name: c.title });
  }

  return (
    <CalendarView
      view={sp.view}
      day={day}
      title={rangeTitle(sp.view, day, locale)}
      today={today}
      days={days}
      events={events}
      resources={columns}
      companyHours={agentId ? (hours.agents[agentId] ?? null) : hours.company}
      absences={absences}
      timeOff={hours.absences}
      services={services.data.map((s) => ({ id: s.id, name: s.name }))}
      agents={agents.data.map((a) => ({ id: a.id, name: a.fullname, serviceIds: a.serviceIds, isActive: a.isActive }))}
      detail={detail}
      truncated={found.truncated}
      limit={CALENDAR_LIMIT_DEFAULT}
      companySlug={company.slug}
      timeZone={tz}
      locale={locale}
    />
  );
}

function upperFirst(s: string): string {
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
}
