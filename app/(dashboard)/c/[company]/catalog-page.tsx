// The agents' and services' list pages: both read the company's whole catalog (each list
// shows the other's names or counts) and draw the same header above their table.
import "server-only";
import { getTranslations } from "next-intl/server";
import { NewLink, PageHeader } from "@/components/list/bits";
import { hasScope } from "@/lib/auth/caller";
import { listAgents, listServices } from "@/lib/catalog";
import { loadCompany } from "./company";

export async function loadCatalog(params: Promise<{ company: string }>) {
  const { company: slug } = await params;
  const { member, company } = await loadCompany(slug);
  const { caller } = member;
  const [agents, services] = await Promise.all([
    listAgents(caller, { companyId: company.id, limit: 200 }),
    listServices(caller, { companyId: company.id, limit: 200 }),
  ]);
  return { company, agents: agents.data, services: services.data, canWrite: hasScope(caller, "catalog:write") };
}

/** The list page: its title, the company, "new" for a member who may write, then the list. */
export async function CatalogListPage({
  namespace,
  company,
  canWrite,
  children,
}: {
  namespace: "agents" | "services";
  company: { slug: string; name: string };
  canWrite: boolean;
  children: React.ReactNode;
}) {
  const t = await getTranslations(namespace);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        description={t("subtitle", { company: company.name })}
        actions={canWrite ? <NewLink href={`/c/${company.slug}/${namespace}/new`} label={t("new")} /> : null}
      />
      {children}
    </div>
  );
}
