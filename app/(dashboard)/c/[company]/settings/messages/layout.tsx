import { getTranslations } from "next-intl/server";
import { MessagesSubnav } from "@/components/settings/messages/subnav";
import { loadManager } from "../manager";

/** Settings → Messages: this company's messages, and the app's channels (two pages, one sub-navigation). */
export default async function MessagesSettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ company }, t] = await Promise.all([loadManager(slug), getTranslations("settings.messages")]);
  const base = `/c/${company.slug}/settings/messages`;
  return (
    <div className="flex flex-col gap-4">
      <MessagesSubnav
        label={t("subnav")}
        items={[
          { href: base, label: t("companyTab", { company: company.name }) },
          { href: `${base}/channels`, label: t("channelsTab") },
        ]}
      />
      {children}
    </div>
  );
}
