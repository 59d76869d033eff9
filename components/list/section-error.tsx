"use client";

import { AlertTriangle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Button } from "@/components/ui/button";

/** What a section shows when loading failed (error.tsx of each section), in its own words. */
export function SectionError({ reset, namespace = "catalog.error" }: { reset: () => void; namespace?: "catalog.error" | "calendar.error" | "appointments.error" }) {
  const t = useTranslations(namespace);
  const id = useId();
  return (
    <div role="alert" aria-labelledby={id} className="mx-auto flex max-w-md flex-col items-center gap-3 rounded-lg border bg-card p-8 text-center">
      <AlertTriangle aria-hidden className="size-8 text-destructive" />
      <h1 id={id} className="text-lg font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-muted-foreground">{t("body")}</p>
      <Button onClick={() => reset()}>{t("retry")}</Button>
    </div>
  );
}
