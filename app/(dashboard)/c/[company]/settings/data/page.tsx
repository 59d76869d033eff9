import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataExport } from "@/components/settings/data-export";
import { loadManager } from "../manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.data");
  return { title: t("title") };
}

export default async function DataPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const { member, company } = await loadManager(slug);
  return <DataExport href={`/c/${company.slug}/settings/data/export`} appId={member.caller.appId} />;
}
