import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { BackLink } from "@/components/catalog/back-link";
import { ActiveBadge, categoriesOf } from "@/components/catalog/bits";
import { ServiceEditor } from "@/components/catalog/service-editor";
import { hasScope } from "@/lib/auth/caller";
import { getService, listServices } from "@/lib/catalog";
import { loadCompanyRow } from "../../company";

type Params = { company: string; id: string };

async function load(params: Promise<Params>) {
  const { row: service, ...rest } = await loadCompanyRow(params, getService, "service-not-found");
  return { ...rest, service };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { service } = await load(params);
  return { title: service.name };
}

export default async function ServicePage({ params }: { params: Promise<Params> }) {
  const [{ member, company, service }, t, tc] = await Promise.all([load(params), getTranslations("services"), getTranslations("catalog")]);
  const services = await listServices(member.caller, { companyId: company.id, limit: 200 });
  const readOnly = !hasScope(member.caller, "catalog:write");
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <BackLink href={`/c/${company.slug}/services`} label={t("back")} />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold sm:text-2xl">{service.name}</h1>
        <ActiveBadge active={service.isActive} labels={{ active: tc("active"), inactive: tc("inactive") }} />
      </div>
      <ServiceEditor
        key={service.updatedAt.toISOString()}
        company={{ slug: company.slug, currency: company.currency }}
        categories={categoriesOf(services.data)}
        readOnly={readOnly}
        initial={{
          id: service.id,
          name: service.name,
          description: service.description,
          duration: service.duration,
          bufferBefore: service.bufferBefore,
          bufferAfter: service.bufferAfter,
          basePrice: service.basePrice,
          categories: service.categories,
          isActive: service.isActive,
          fields: service.fields,
        }}
      />
    </div>
  );
}
