import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AgentsTable, type AgentRow } from "@/components/catalog/agents-table";
import { NewLink, PageHeader } from "@/components/list/bits";
import { hasScope } from "@/lib/auth/caller";
import { listAgents, listServices } from "@/lib/catalog";
import { formatPhone } from "@/lib/contract/format";
import { loadCompany } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agents");
  return { title: t("title") };
}

export default async function AgentsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, t] = await Promise.all([loadCompany(slug), getTranslations("agents")]);
  const { caller } = member;
  const [agents, services] = await Promise.all([
    listAgents(caller, { companyId: company.id, limit: 200 }),
    listServices(caller, { companyId: company.id, limit: 200 }),
  ]);
  const serviceName = new Map(services.data.map((s) => [s.id, s.name]));
  const rows: AgentRow[] = agents.data.map((a) => ({
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
  const canWrite = hasScope(caller, "catalog:write");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle", { company: company.name })}
        actions={
          canWrite ? <NewLink href={`/c/${company.slug}/agents/new`} label={t("new")} /> : null
        }
      />
      <AgentsTable rows={rows} slug={company.slug} canWrite={canWrite} />
    </div>
  );
}
