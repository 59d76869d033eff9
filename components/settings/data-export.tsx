import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/**
 * The app's data export for owners and admins: a plain download link (the browser streams the
 * ZIP to disk as the server writes it; nothing waits for the whole archive).
 */
export async function DataExport({ href, appId }: { href: string; appId: string }) {
  const t = await getTranslations("settings.data");
  return (
    <section aria-labelledby="data-export-title" className="flex max-w-2xl flex-col gap-3 rounded-lg border bg-card p-4">
      <h2 id="data-export-title" className="text-base font-semibold">
        {t("exportTitle")}
      </h2>
      <p className="text-sm">{t("exportBody")}</p>
      <p className="text-sm text-muted-foreground">{t("exportHint")}</p>
      <div>
        <Button asChild>
          <a href={href} download>
            <Download aria-hidden />
            {t("exportButton")}
          </a>
        </Button>
      </div>
      <p className="text-xs text-muted-foreground">{t("api", { appId })}</p>
    </section>
  );
}
