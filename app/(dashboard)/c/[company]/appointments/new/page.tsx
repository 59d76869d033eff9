import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { AppointmentForm } from "@/components/appointments/appointment-form";
import { listAgents, listServices } from "@/lib/catalog";
import { instantToWallClock } from "@/lib/dates";
import { loadCompany } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("form");
  return { title: t("title") };
}

export default async function NewAppointmentPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, t, locale] = await Promise.all([loadCompany(slug), getTranslations("form"), getLocale()]);
  const [services, agents] = await Promise.all([
    listServices(member.caller, { companyId: company.id, isActive: true, limit: 200 }),
    listAgents(member.caller, { companyId: company.id, isActive: true, limit: 200 }),
  ]);
  // Default: the next quarter hour, on the company's clock.
  const next = new Date(Math.ceil(Date.now() / 900_000) * 900_000);
  const [date, time] = instantToWallClock(next, company.timezone).split("T");
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <Link
        href={`/c/${company.slug}/appointments`}
        className="flex w-fit items-center gap-1 rounded text-sm text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/60"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("back")}
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
        defaults={{ date, time }}
      />
    </div>
  );
}
