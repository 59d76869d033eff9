import type { Metadata } from "next";
import { orFirstPage } from "@/app/_server/paging";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { CalendarPlus, CalendarX2, ChevronRight, Mail, MessageSquareText, Phone } from "lucide-react";
import { StatusBadge } from "@/components/appointments/status-badge";
import { BackLink } from "@/components/catalog/back-link";
import { EmptyState } from "@/components/list/bits";
import { CustomerDialog } from "@/components/catalog/customer-dialog";
import { customerCache } from "@/components/catalog/customers-params";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { countAppointmentsByStatus, listAppointments } from "@/lib/appointments";
import { APPOINTMENT_STATUSES } from "@/lib/contract/status";
import { getCustomer } from "@/lib/catalog";
import { isAppError } from "@/lib/contract/errors";
import { formatDateTime, formatMoney, formatPhone } from "@/lib/contract/format";
import { phoneKind } from "@/lib/contract/phone-kind";
import { greetingName } from "@/lib/contract/message-templates";
import { listMessages } from "@/lib/messages";
import { MessageList } from "@/components/messages/message-list";
import { toMessageRow } from "@/components/messages/present";
import { loadCompany } from "../../company";

type Params = { company: string; id: string };
const PAGE = 20;
/** The customer's latest messages shown on their page. */
const RECENT_MESSAGES = 8;

async function load(params: Promise<Params>) {
  const { company: slug, id } = await params;
  const { member, company } = await loadCompany(slug);
  try {
    return { member, company, customer: await getCustomer(member.caller, id) };
  } catch (err) {
    if (isAppError(err) && err.code === "customer-not-found") notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { customer } = await load(params);
  return { title: customer.fullname };
}

export default async function CustomerPage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const [{ member, company, customer }, sp, t, tn, tm, tc, locale] = await Promise.all([
    load(params),
    customerCache.parse(searchParams),
    getTranslations("customers"),
    getTranslations("noShow"),
    getTranslations("CustomerMessages"),
    getTranslations("MessagesPage.channel"),
    getLocale(),
  ]);
  const filters = { companyId: company.id, customerId: customer.id };
  const [counts, noShows, page, messages] = await Promise.all([
    countAppointmentsByStatus(member.caller, filters),
    // Cancelled as no-shows: how often this customer did not come.
    countAppointmentsByStatus(member.caller, { ...filters, cancellation: "no-show" }).then((c) => c.CANCELLED),
    orFirstPage(
      () => listAppointments(member.caller, { ...filters, order: "desc", limit: PAGE, cursor: sp.cursor }),
      () => listAppointments(member.caller, { ...filters, order: "desc", limit: PAGE }),
    ),
    listMessages(member.caller, { companyId: company.id, customerId: customer.id, limit: RECENT_MESSAGES }),
  ]);
  const total = APPOINTMENT_STATUSES.reduce((n, s) => n + counts[s], 0);
  const tz = company.timezone;
  const base = `/c/${company.slug}`;
  const since = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeZone: tz }).format(customer.createdAt);
  const open = (id: string) => `${base}/appointments/${id}`;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-4">
      <BackLink href={`${base}/customers`} label={t("back")} />
      <section className="flex flex-col gap-4 rounded-lg border bg-card p-4 sm:flex-row sm:items-start sm:justify-between sm:p-6" aria-labelledby="customer-name">
        <div className="grid gap-2">
          <h1 id="customer-name" className="text-xl font-semibold sm:text-2xl">
            {customer.fullname}
          </h1>
          <div className="flex flex-col gap-1 text-sm sm:flex-row sm:flex-wrap sm:gap-4">
            <a href={`tel:${customer.telephone}`} className="flex w-fit items-center gap-1.5 rounded tabular-nums underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60">
              <Phone aria-hidden className="size-4 text-muted-foreground" />
              {formatPhone(customer.telephone)}
            </a>
            {customer.email ? (
              <a href={`mailto:${customer.email}`} className="flex w-fit items-center gap-1.5 rounded underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60">
                <Mail aria-hidden className="size-4 text-muted-foreground" />
                {customer.email}
              </a>
            ) : null}
          </div>
          <p className="text-xs text-muted-foreground">{t("since", { date: since })}</p>
          <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm" data-testid="customer-messaging">
            <dt className="text-muted-foreground">{tm("firstName")}</dt>
            <dd data-testid="customer-first-name">{customer.firstName ?? tm("firstNameDefault", { name: greetingName(null, customer.fullname) })}</dd>
            <dt className="text-muted-foreground">{tm("language")}</dt>
            <dd data-testid="customer-language" lang={customer.language}>
              {tm(`languages.${customer.language}`)}
            </dd>
            <dt className="text-muted-foreground">{tm("channel")}</dt>
            <dd data-testid="customer-channel">{customer.preferredChannel ? tc(customer.preferredChannel) : tm("channelAuto")}</dd>
            <dt className="text-muted-foreground">{tm("optOuts")}</dt>
            <dd data-testid="customer-opt-outs">{customer.optOuts.length ? customer.optOuts.map((c) => tc(c)).join(", ") : tm("noOptOut")}</dd>
          </dl>
        </div>
        <div className="flex flex-wrap gap-2">
          <CustomerDialog
            slug={company.slug}
            initial={{
              id: customer.id,
              fullname: customer.fullname,
              telephone: formatPhone(customer.telephone),
              email: customer.email,
              firstName: customer.firstName,
              language: customer.language,
              preferredChannel: customer.preferredChannel,
              optOuts: customer.optOuts,
              saved: { telephone: customer.telephone, kind: phoneKind(customer.telephone) },
            }}
          />
          <Button asChild variant="secondary">
            <Link href={`${base}/appointments/new?customerId=${customer.id}&returnTo=${encodeURIComponent(`${base}/customers/${customer.id}`)}`}>
              <CalendarPlus aria-hidden />
              {t("book")}
            </Link>
          </Button>
        </div>
      </section>

      <section className="flex flex-col gap-3" aria-labelledby="customer-messages">
        <div>
          <h2 id="customer-messages" className="text-lg font-semibold">
            {tm("title")}
          </h2>
          <p className="text-sm text-muted-foreground">{tm("hint", { company: company.name })}</p>
        </div>
        {messages.data.length === 0 ? (
          <div className="rounded-lg border bg-card">
            <EmptyState icon={<MessageSquareText />} title={tm("empty")} />
          </div>
        ) : (
          <MessageList
            rows={messages.data.map((m) => toMessageRow(m, tz, locale))}
            label={tm("title")}
            appointmentHref={open}
            className="grid gap-2 sm:grid-cols-2"
          />
        )}
      </section>

      <section className="flex flex-col gap-3" aria-labelledby="customer-appointments">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div>
            <h2 id="customer-appointments" className="text-lg font-semibold">
              {t("appointments", { count: total })}
            </h2>
            <p className="text-sm text-muted-foreground">{t("appointmentsHint", { company: company.name })}</p>
          </div>
          {noShows > 0 ? (
            <Link
              href={`${base}/appointments?noshow=true&range=all&q=${encodeURIComponent(customer.telephone)}`}
              className="rounded-md border border-red-200 bg-red-50 px-2 py-1 text-sm font-medium text-red-800 underline-offset-4 hover:underline"
              data-testid="customer-no-shows"
            >
              {tn("count", { count: noShows })}
            </Link>
          ) : null}
          {total > 0 ? (
            <ul className="flex flex-wrap gap-2" aria-label={t("byStatus")}>
              {APPOINTMENT_STATUSES.filter((s) => counts[s] > 0).map((s) => (
                <li key={s} className="flex items-center gap-1 text-sm">
                  <StatusBadge status={s} />
                  <span className="tabular-nums">{counts[s]}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>

        {page.data.length === 0 ? (
          <div className="rounded-lg border bg-card">
            <EmptyState icon={<CalendarX2 />} title={t("noAppointments")} body={t("noAppointmentsHint", { company: company.name })} />
          </div>
        ) : (
          <>
            <div className="hidden overflow-hidden rounded-lg border bg-card md:block">
              <Table>
                <caption className="sr-only">{t("appointments", { count: total })}</caption>
                <TableHeader>
                  <TableRow className="hover:bg-transparent">
                    <TableHead>{t("columns.when")}</TableHead>
                    <TableHead>{t("columns.service")}</TableHead>
                    <TableHead>{t("columns.agent")}</TableHead>
                    <TableHead className="text-right">{t("columns.price")}</TableHead>
                    <TableHead>{t("columns.status")}</TableHead>
                    <TableHead>
                      <span className="sr-only">{t("columns.open")}</span>
                    </TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {page.data.map((a) => (
                    <TableRow key={a.id} data-id={a.id}>
                      <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(a.date, tz, locale)}</TableCell>
                      <TableCell>{a.service.name}</TableCell>
                      <TableCell>{a.agent?.fullname ?? <span className="text-muted-foreground italic">{t("unassigned")}</span>}</TableCell>
                      <TableCell className="text-right whitespace-nowrap tabular-nums">{formatMoney(a.totalPrice, company.currency, locale)}</TableCell>
                      <TableCell>
                        <StatusBadge status={a.status} />
                      </TableCell>
                      <TableCell className="text-right">
                        <Button variant="ghost" size="sm" asChild>
                          <Link href={open(a.id)} aria-label={t("openNamed", { service: a.service.name, when: formatDateTime(a.date, tz, locale) })}>
                            {t("open")}
                            <ChevronRight aria-hidden />
                          </Link>
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <ul className="flex flex-col gap-2 md:hidden" aria-label={t("appointments", { count: total })}>
              {page.data.map((a) => (
                <li key={a.id} data-id={a.id}>
                  <Link
                    href={open(a.id)}
                    className="flex flex-col gap-1 rounded-lg border bg-card p-3 outline-none hover:bg-muted/50 focus-visible:ring-[3px] focus-visible:ring-ring/60"
                  >
                    <span className="flex items-center justify-between gap-2">
                      <span className="font-medium tabular-nums">{formatDateTime(a.date, tz, locale)}</span>
                      <StatusBadge status={a.status} />
                    </span>
                    <span className="text-sm">
                      {a.service.name} · {a.agent?.fullname ?? t("unassigned")}
                    </span>
                    <span className="text-sm font-medium tabular-nums">{formatMoney(a.totalPrice, company.currency, locale)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
        {sp.cursor || page.nextCursor ? (
          <nav aria-label={t("pages")} className="flex justify-end gap-2">
            {sp.cursor ? (
              <Button variant="outline" size="sm" asChild>
                <Link href={`${base}/customers/${customer.id}`}>{t("latest")}</Link>
              </Button>
            ) : null}
            {page.nextCursor ? (
              <Button variant="outline" size="sm" asChild>
                <Link href={`${base}/customers/${customer.id}?cursor=${encodeURIComponent(page.nextCursor)}`}>
                  {t("older")}
                  <ChevronRight aria-hidden />
                </Link>
              </Button>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
