import type { Metadata } from "next";
import { orFirstPage } from "@/app/_server/paging";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/list/bits";
import { CustomerDialog } from "@/components/catalog/customer-dialog";
import { customersCache } from "@/components/catalog/customers-params";
import { CustomersView } from "@/components/catalog/customers-view";
import { listCustomers } from "@/lib/catalog";
import { formatPhone } from "@/lib/contract/format";
import { type CompanyPageProps, loadCompanyPage } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("customers");
  return { title: t("title") };
}

const PAGE = 25;

export default async function CustomersPage(props: CompanyPageProps) {
  const [{ member, company, sp, locale }, t] = await Promise.all([
    loadCompanyPage(props, (q) => customersCache.parse(q)),
    getTranslations("customers"),
  ]);
  const input = { search: sp.q.slice(0, 100) || undefined, limit: PAGE, cursor: sp.cursor };
  const page = await orFirstPage(
    () => listCustomers(member.caller, input),
    () => listCustomers(member.caller, { ...input, cursor: undefined }),
  );
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
