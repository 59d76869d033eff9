import { getTranslations } from "next-intl/server";
import { TableSkeleton } from "@/components/list/skeleton";

export default async function Loading() {
  const t = await getTranslations("catalog");
  return <TableSkeleton label={t("loading")} />;
}
