import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { ChannelsView } from "@/components/settings/messages/channels-view";
import { listProviders } from "@/lib/messages";
import { loadManager } from "../../manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.messages");
  return { title: t("channelsTitle") };
}

export default async function MessageChannelsPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member }, h] = await Promise.all([loadManager(slug), headers()]);
  const providers = await listProviders(member.caller);
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  // Behind a proxy the scheme comes from it; a bare `npm start` serves plain http.
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() ?? "http";
  return (
    <ChannelsView
      origin={`${proto}://${host}`}
      appId={member.caller.appId}
      providers={providers.map((p) => ({
        channel: p.channel,
        enabled: p.enabled,
        settings: p.settings,
        secrets: p.secrets,
        ratePerSecond: p.ratePerSecond,
        ratePerSecondSet: p.ratePerSecondSet,
      }))}
    />
  );
}
