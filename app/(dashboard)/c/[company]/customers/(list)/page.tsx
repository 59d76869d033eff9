import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { SearchParams } from "nuqs/server";
import { PageHeader } from "@/components/list/bits";
import { CustomerDialog } from "@/components/catalog/customer-dialog";
import { customersCache } from "@/components/catalog/customers-params";
import { CustomersView } from "@/components/catalog/customers-view";
import { listCustomers } from "@/lib/catalog";
import { isAppError } from "@/lib/contract/errors";
import { formatPhone } from "@/lib/contract/format";
import { loadCompany } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("title") };
}

const PAGE = 25;

export default async function CustomersPage({
  params,
  searchParams,
}: {
  params: Promise<{ company: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { company: slug } = await params;
  const [{ member, company }, sp, t, locale] = await Promise.all([
    loadCompany(slug),
    customersCache.parse(searchParams),
    getTranslations("customers"),
    getLocale(),
  ]);
  const input = { search: sp.q.slice(0, 100) || undefined, limit: PAGE, cursor: sp.cursor };
  const page = await listCustomers(member.caller, input).catch((err) => {
    // A stale or hand-edited cursor: the first page rather than an error.
    if (isAppError(err) && err.code === "validation-error") return listCustomers(member.caller, { ...input, cursor: undefined });
    throw err;
  });
  const since = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "fr-FR", { dateStyle: "medium", timeZone: company.timezone });
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} description={t("subtitle")} actions={<CustomerDialog slug={company.slug} />} />
      <CustomersView
        slug={company.slug}
        nextCursor={page.nextCursor}
        rows={page.data.map((c) => ({
          id: c.id,
          fullname: c.fullname,
          phone: formatPhone(c.telephone),
          email: c.email,
          since: since.format(c.createdAt),
        }))}
      />
    </div>
  );
}
