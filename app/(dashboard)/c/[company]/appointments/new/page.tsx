import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { AppointmentForm } from "@/components/appointments/appointment-form";
import { getCustomer, listAgents, listServices } from "@/lib/catalog";
import { formatPhone } from "@/lib/contract/format";
import { AppError } from "@/lib/contract/errors";
import { instantToWallClock, wallClockToInstant } from "@/lib/contract/dates";
import { loadCompany } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("form");
  return { title: t("title") };
}

export default async function NewAppointmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { company: slug } = await params;
  const [{ member, company }, t, locale, sp, tc] = await Promise.all([
    loadCompany(slug),
    getTranslations("form"),
    getLocale(),
    searchParams,
    getTranslations("calendar"),
  ]);
  const [services, agents, customer] = await Promise.all([
    listServices(member.caller, { companyId: company.id, isActive: true, limit: 200 }),
    listAgents(member.caller, { companyId: company.id, isActive: true, limit: 200 }),
    // ?customerId=… when opened from a customer's page; an unknown id just leaves the picker empty.
    typeof sp.customerId === "string" ? getCustomer(member.caller, sp.customerId).catch((e) => {
          if (e instanceof AppError) return null;
          throw e;
        }) : null,
  ]);
  // Default: the next quarter hour, on the company's clock; or the slot picked in the calendar
  // (?date=YYYY-MM-DDTHH:mm on the company's clock, &agentId=… when an agent's column was used).
  const next = new Date(Math.ceil(Date.now() / 900_000) * 900_000);
  const asked = typeof sp.date === "string" && wallClockToInstant(sp.date, company.timezone) ? sp.date : null;
  const [date, time] = (asked ?? instantToWallClock(next, company.timezone)).split("T");
  const agentId = agents.data.find((a) => a.id === sp.agentId)?.id;
  // Back where the form was opened from once saved or left: the calendar, or the customer's
  // page (paths of this company only, so the link cannot lead elsewhere).
  const calendarPath = `/c/${company.slug}/calendar`;
  const customerPath = customer ? `/c/${company.slug}/customers/${customer.id}` : null;
  const from = typeof sp.returnTo === "string" ? sp.returnTo : null;
  const returnTo =
    from && (from === calendarPath || from.startsWith(`${calendarPath}?`) || from === customerPath) ? from : undefined;
  const backLabel = !returnTo ? t("back") : returnTo === customerPath ? t("backToCustomer", { name: customer!.fullname }) : tc("back");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <Link
        href={returnTo ?? `/c/${company.slug}/appointments`}
        className="flex w-fit items-center gap-1 rounded text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {backLabel}
      </Link>
      <h1 className="text-xl font-semibold sm:text-2xl">{t("title")}</h1>
      <AppointmentForm
        locale={locale}
        company={{ slug: company.slug, name: company.name, timezone: company.timezone, currency: company.currency }}
        services={services.data.map((s) => ({
          id: s.id,
          name: s.name,
          basePrice: s.basePrice,
          duration: s.duration,
          fields: s.fields,
        }))}
        agents={agents.data.map((a) => ({ id: a.id, name: a.fullname, role: a.role, serviceIds: a.serviceIds }))}
        defaults={{
          date,
          time,
          agentId,
          customer: customer ? { id: customer.id, name: customer.fullname, phone: formatPhone(customer.telephone) } : undefined,
        }}
        returnTo={returnTo}
        cancelHref={returnTo ?? `/c/${company.slug}/appointments`}
      />
    </div>
  );
}
