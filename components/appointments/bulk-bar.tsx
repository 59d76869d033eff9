"use client";

import { Ban, ThumbsUp, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** What to do with the selected rows: confirm or cancel them all, or let go of them. */
export function BulkBar({
  count,
  disabled,
  onConfirm,
  onCancel,
  onClear,
}: {
  count: number;
  disabled: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  onClear: () => void;
}) {
  const t = useTranslations("appointments.bulk");
  return (
    <div
      role="region"
      aria-label={t("selected", { count })}
      className="flex flex-wrap items-center gap-2 rounded-lg border border-primary/30 bg-accent px-3 py-2"
    >
      <span className="text-sm font-medium" aria-live="polite">
        {t("selected", { count })}
      </span>
      <Button size="sm" onClick={onConfirm} disabled={disabled}>
        <ThumbsUp aria-hidden />
        {t("confirm")}
      </Button>
      <Button size="sm" variant="outline" className="text-destructive" disabled={disabled} onClick={onCancel}>
        <Ban aria-hidden />
        {t("cancel")}
      </Button>
      <Button size="sm" variant="ghost" onClick={onClear} className="ml-auto">
        <X aria-hidden />
        {t("clear")}
      </Button>
    </div>
  );
}
