import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { TeamView } from "@/components/settings/team-view";
import { listMembers } from "@/lib/auth/team";
import { listCompanies } from "@/lib/catalog";
import { loadManager } from "../manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.team");
  return { title: t("title") };
}

export default async function TeamPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, locale] = await Promise.all([loadManager(slug), getLocale()]);
  const [members, companies] = await Promise.all([listMembers(member.caller), listCompanies(member.caller)]);
  const since = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "medium", timeZone: company.timezone });
  return (
    <TeamView
      callerRole={member.caller.role ?? "staff"}
      companies={companies.map((c) => ({ id: c.id, name: c.name }))}
      rows={members.map((m) => ({
        userId: m.userId,
        name: m.name,
        email: m.email,
        role: m.role,
        companyIds: m.companyIds,
        since: since.format(m.createdAt),
        isYou: m.userId === member.user.id,
      }))}
    />
  );
}
