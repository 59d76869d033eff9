import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CompanyMessagesForm } from "@/components/settings/messages/company-form";
import { listProviders, getMessageSettings } from "@/lib/messages";
import { loadManager } from "../manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.messages");
  return { title: t("title") };
}

export default async function MessagesSettingsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { member, company } = await loadManager(slug);
  const [settings, providers] = await Promise.all([getMessageSettings(member.caller, company.id), listProviders(member.caller)]);
  return (
    <CompanyMessagesForm
      company={{
        id: company.id,
        slug: company.slug,
        name: company.name,
        address: company.address,
        telephone: company.telephone,
        timezone: company.timezone,
        currency: company.currency,
      }}
      settings={settings}
      channels={providers.filter((p) => p.enabled).map((p) => p.channel)}
    />
  );
}
