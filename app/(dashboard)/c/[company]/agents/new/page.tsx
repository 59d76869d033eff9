import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AgentForm } from "@/components/catalog/agent-form";
import { BackLink } from "@/components/catalog/back-link";
import { hasScope } from "@/lib/auth/caller";
import { listServices } from "@/lib/catalog";
import { loadCompany } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agents");
  return { title: t("newTitle") };
}

export default async function NewAgentPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, t] = await Promise.all([loadCompany(slug), getTranslations("agents")]);
  if (!hasScope(member.caller, "catalog:write")) notFound();
  const services = await listServices(member.caller, { companyId: company.id, limit: 200 });
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <BackLink href={`/c/${company.slug}/agents`} label={t("back")} />
      <h1 className="text-xl font-semibold sm:text-2xl">{t("newTitle")}</h1>
      <AgentForm company={{ slug: company.slug }} services={services.data.map((s) => ({ id: s.id, name: s.name, isActive: s.isActive }))} />
    </div>
  );
}
