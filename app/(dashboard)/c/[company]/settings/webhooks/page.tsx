import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WebhooksView } from "@/components/settings/webhooks-view";
import { listCompanies } from "@/lib/catalog";
import { listWebhooks } from "@/lib/webhooks";
import { loadManager } from "../manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.webhooks");
  return { title: t("title") };
}

export default async function WebhooksPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { member, company } = await loadManager(slug);
  const [endpoints, companies] = await Promise.all([listWebhooks(member.caller), listCompanies(member.caller)]);
  return (
    <WebhooksView
      timezone={company.timezone}
      companies={companies.map((c) => ({ id: c.id, name: c.name }))}
      rows={endpoints.map((e) => ({
        id: e.id,
        url: e.url,
        types: e.types,
        companyId: e.companyId,
        description: e.description,
        enabled: e.enabled,
        disabledReason: e.disabledReason,
      }))}
    />
  );
}
