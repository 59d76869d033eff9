import { getTranslations } from "next-intl/server";
import { FormSkeleton } from "@/components/catalog/list-skeleton";

export default async function Loading() {
  const t = await getTranslations("catalog");
  return <FormSkeleton label={t("loading")} />;
}
