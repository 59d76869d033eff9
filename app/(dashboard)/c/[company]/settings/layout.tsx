import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/list/bits";
import { SettingsNav } from "@/components/settings/settings-nav";
import { loadManager } from "./manager";

export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ company }, t] = await Promise.all([loadManager(slug), getTranslations("settings")]);
  const base = `/c/${company.slug}/settings`;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("subtitle")} />
      <SettingsNav
        items={[
          { href: `${base}/companies`, label: t("nav.companies") },
          { href: `${base}/team`, label: t("nav.team") },
          { href: `${base}/api-keys`, label: t("nav.apiKeys") },
          { href: `${base}/data`, label: t("nav.data") },
          { href: `${base}/webhooks`, label: t("nav.webhooks") },
          { href: `${base}/messages`, label: t("nav.messages") },
        ]}
        label={t("nav.label")}
      />
      {children}
    </div>
  );
}
