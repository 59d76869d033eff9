"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function CalendarError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("calendar.error");
  return (
    <div role="alert" aria-labelledby="calendar-error-title" className="mx-auto flex max-w-md flex-col items-center gap-3 rounded-lg border bg-card p-8 text-center">
      <AlertTriangle aria-hidden className="size-8 text-destructive" />
      <h1 id="calendar-error-title" className="text-lg font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-muted-foreground">{t("body")}</p>
      <Button onClick={() => reset()}>{t("retry")}</Button>
    </div>
  );
}
