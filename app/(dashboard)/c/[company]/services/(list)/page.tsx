import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NewLink, PageHeader } from "@/components/list/bits";
import { formatDuration } from "@/components/catalog/money";
import { ServicesTable, type ServiceRow } from "@/components/catalog/services-table";
import { hasScope } from "@/lib/auth/caller";
import { listAgents, listServices } from "@/lib/catalog";
import { formatMoney } from "@/lib/contract/format";
import { loadCompany } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("services");
  return { title: t("title") };
}

export default async function ServicesPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, t, locale] = await Promise.all([loadCompany(slug), getTranslations("services"), getLocale()]);
  const { caller } = member;
  const [services, agents] = await Promise.all([
    listServices(caller, { companyId: company.id, limit: 200 }),
    listAgents(caller, { companyId: company.id, limit: 200 }),
  ]);
  const agentCount = new Map<string, number>();
  for (const a of agents.data) {
    if (!a.isActive) continue;
    for (const id of a.serviceIds) agentCount.set(id, (agentCount.get(id) ?? 0) + 1);
  }
  const rows: ServiceRow[] = services.data.map((s) => ({
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
  const canWrite = hasScope(caller, "catalog:write");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle", { company: company.name })}
        actions={
          canWrite ? <NewLink href={`/c/${company.slug}/services/new`} label={t("new")} /> : null
        }
      />
      <ServicesTable rows={rows} slug={company.slug} canWrite={canWrite} />
    </div>
  );
}
