import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentsTable, type AgentRow } from "@/components/catalog/agents-table";
import { formatPhone } from "@/lib/contract/format";
import { CatalogListPage, loadCatalog } from "../../catalog-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agents");
  return { title: t("title") };
}

export default async function AgentsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company, agents, services, canWrite } = await loadCatalog(params);
  const serviceName = new Map(services.map((s) => [s.id, s.name]));
  const rows: AgentRow[] = agents.map((a) => ({
    id: a.id,
    fullname: a.fullname,
    role: a.role,
    phone: a.telephone ? formatPhone(a.telephone) : null,
    email: a.email,
    services: a.serviceIds
      .map((id) => serviceName.get(id))
      .filter((n): n is string => !!n)
      .sort((x, y) => x.localeCompare(y, "fr")),
    isActive: a.isActive,
  }));
  return (
    <CatalogListPage namespace="agents" company={company} canWrite={canWrite}>
      <AgentsTable rows={rows} slug={company.slug} canWrite={canWrite} />
    </CatalogListPage>
  );
}
