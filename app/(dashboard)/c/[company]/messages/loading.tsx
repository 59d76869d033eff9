import { getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/list/skeleton";

export default async function Loading() {
  const t = await getTranslations("MessagesPage");
  return <ListSkeleton label={t("loading")} />;
}
