import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/catalog/back-link";
import { categoriesOf } from "@/components/catalog/bits";
import { ServiceEditor } from "@/components/catalog/service-editor";
import { hasScope } from "@/lib/auth/caller";
import { listServices } from "@/lib/catalog";
import { loadCompany } from "../../company";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("services");
  return { title: t("newTitle") };
}

export default async function NewServicePage({ params }: { params: Promise<{ company: string }> }) {
  const { company: slug } = await params;
  const [{ member, company }, t] = await Promise.all([loadCompany(slug), getTranslations("services")]);
  if (!hasScope(member.caller, "catalog:write")) notFound();
  const services = await listServices(member.caller, { companyId: company.id, limit: 200 });
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <BackLink href={`/c/${company.slug}/services`} label={t("back")} />
      <h1 className="text-xl font-semibold sm:text-2xl">{t("newTitle")}</h1>
      <ServiceEditor company={{ slug: company.slug, currency: company.currency }} categories={categoriesOf(services.data)} />
    </div>
  );
}
