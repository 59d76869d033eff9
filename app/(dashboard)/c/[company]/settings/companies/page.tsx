import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CompaniesView } from "@/components/settings/companies-view";
import { listCompanies } from "@/lib/catalog";
import { formatPhone } from "@/lib/contract/format";
import { loadManager } from "../manager";
import { CompanyHoursSection } from "@/components/scheduling/hours-sections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.companies");
  return { title: t("title") };
}

export default async function CompaniesPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { member, company } = await loadManager(slug);
  const companies = await listCompanies(member.caller);
  return (
    <div className="flex flex-col gap-6">
    <CompanyHoursSection company={company.slug} hours={company.openingHours} timeZone={company.timezone} readOnly={false} />
    <CompaniesView
      currentSlug={company.slug}
      rows={companies.map((c) => ({
        id: c.id,
        name: c.name,
        slug: c.slug,
        description: c.description,
        email: c.email,
        telephone: c.telephone ? formatPhone(c.telephone) : null,
        address: c.address,
        timezone: c.timezone,
        currency: c.currency,
        isDefault: c.isDefault,
      }))}
    />
    </div>
  );
}
