import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { ApiKeysView } from "@/components/settings/api-keys-view";
import { listApiKeys } from "@/lib/auth/api-keys";
import { listCompanies } from "@/lib/catalog";
import { formatDateTime } from "@/lib/contract/format";
import { loadManager } from "../manager";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.apiKeys");
  return { title: t("title") };
}

export default async function ApiKeysPage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, locale, h] = await Promise.all([loadManager(slug), getLocale(), headers()]);
  const [keys, companies] = await Promise.all([listApiKeys(member.caller), listCompanies(member.caller)]);
  const tz = company.timezone;
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  // Behind a proxy the scheme comes from it; a bare `npm start` serves plain http.
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() ?? "http";
  const appId = member.caller.appId;
  return (
    <ApiKeysView
      appId={appId}
      apiBase={`${proto}://${host}/app/${appId}/multi-service`}
      companies={companies.map((c) => ({ id: c.id, name: c.name }))}
      rows={keys.map((k) => ({
        id: k.id,
        name: k.name,
        prefix: k.prefix,
        scopes: k.scopes,
        company: k.companyId ? (companyName.get(k.companyId) ?? k.companyId) : null,
        lastUsed: k.lastUsedAt ? formatDateTime(k.lastUsedAt, tz, locale) : null,
        created: formatDateTime(k.createdAt, tz, locale),
        revoked: k.revokedAt ? formatDateTime(k.revokedAt, tz, locale) : null,
      }))}
    />
  );
}
