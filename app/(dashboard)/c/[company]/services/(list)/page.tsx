import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDuration } from "@/components/catalog/money";
import { ServicesTable, type ServiceRow } from "@/components/catalog/services-table";
import { formatMoney } from "@/lib/contract/format";
import { CatalogListPage, loadCatalog } from "../../catalog-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("services");
  return { title: t("title") };
}

export default async function ServicesPage({ params }: { params: Promise<{ company: string }> }) {
  const [{ company, agents, services, canWrite }, locale] = await Promise.all([loadCatalog(params), getLocale()]);
  const agentCount = new Map<string, number>();
  for (const a of agents) {
    if (!a.isActive) continue;
    for (const id of a.serviceIds) agentCount.set(id, (agentCount.get(id) ?? 0) + 1);
  }
  const rows: ServiceRow[] = services.map((s) => ({
    id: s.id,
    name: s.name,
    duration: s.duration,
    durationLabel: formatDuration(s.duration),
    basePrice: s.basePrice,
    price: formatMoney(s.basePrice, company.currency, locale),
    categories: s.categories,
    isActive: s.isActive,
    fieldCount: s.fields.length,
    agentCount: agentCount.get(s.id) ?? 0,
  }));
  return (
    <CatalogListPage namespace="services" company={company} canWrite={canWrite}>
      <ServicesTable rows={rows} slug={company.slug} canWrite={canWrite} />
    </CatalogListPage>
  );
}
