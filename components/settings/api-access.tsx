"use client";

// What a developer needs to call the API: the app id, the base URL, the documentation.
import { useTranslations } from "next-intl";

export function ApiAccess({ appId, apiBase }: { appId: string; apiBase: string }) {
  const t = useTranslations("settings.apiKeys");
  return (
    <section className="grid gap-2 rounded-lg border bg-card p-4 text-sm" aria-labelledby="api-access">
      <h2 id="api-access" className="font-semibold">
        {t("accessTitle")}
      </h2>
      <p className="text-muted-foreground">{t("accessBody")}</p>
      <dl className="grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        <dt className="text-muted-foreground">{t("appId")}</dt>
        <dd className="flex min-w-0 flex-wrap items-center gap-2">
          <code className="rounded bg-muted px-1.5 py-0.5 break-all" data-testid="app-id">
            {appId}
          </code>
        </dd>
        <dt className="text-muted-foreground">{t("baseUrl")}</dt>
        <dd className="min-w-0">
          <code className="rounded bg-muted px-1.5 py-0.5 break-all">{apiBase}</code>
        </dd>
      </dl>
      <a href="/docs/api" className="w-fit rounded font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/60">
        {t("docs")}
      </a>
    </section>
  );
}
