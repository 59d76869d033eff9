// The company of a dashboard URL, for the signed-in member: one that they cannot see (or
// that does not exist) answers not-found, the same either way.
import "server-only";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { cache } from "react";
import { type Caller, withinCompany } from "@/lib/auth/caller";
import { isAppError, type ErrorCode } from "@/lib/contract/errors";
import { requireMember } from "@/app/_server/session";
import { getCompanyBySlug, listCompanies } from "@/lib/catalog";

export const loadCompany = cache(async (slug: string) => {
  const member = await requireMember(`/c/${encodeURIComponent(slug)}/appointments`);
  try {
    const company = await getCompanyBySlug(member.caller, decodeURIComponent(slug));
    return { member, company };
  } catch (err) {
    if (isAppError(err) && (err.code === "company-not-found" || err.code === "not-authorized")) notFound();
    throw err;
  }
});

export const loadCompanies = cache(async () => {
  const member = await requireMember();
  return listCompanies(member.caller);
});

/** What a company's dashboard page is given: the company's slug and the URL's query. */
export type CompanyPageProps = { params: Promise<{ company: string }>; searchParams: Promise<SearchParams> };

/** A company page's member and company, its query parsed (nuqs cache), and the locale. */
export async function loadCompanyPage<T>({ params, searchParams }: CompanyPageProps, parse: (sp: Promise<SearchParams>) => Promise<T>) {
  const { company: slug } = await params;
  const [{ member, company }, sp, locale] = await Promise.all([loadCompany(slug), parse(searchParams), getLocale()]);
  return { member, company, sp, locale };
}

/** A row of the page's company (`/c/<slug>/<kind>/<id>`): another company's, or none, answers not-found. */
export async function loadCompanyRow<R extends { companyId: string }>(
  params: Promise<{ company: string; id: string }>,
  read: (caller: Caller, id: string) => Promise<R>,
  missing: ErrorCode,
) {
  const { company: slug, id } = await params;
  const { member, company } = await loadCompany(slug);
  try {
    // Read as a caller of this company only: another company's row is not found by the domain's scoping.
    const row = await read(withinCompany(member.caller, company.id), id);
    return { member, company, row };
  } catch (err) {
    if (isAppError(err) && err.code === missing) notFound();
    throw err;
  }
}
