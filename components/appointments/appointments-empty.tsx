"use client";

import { CalendarX2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** No appointment in the list: why, and the way out when filters are the cause. */
export function AppointmentsEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const t = useTranslations("appointments.empty");
  return (
    <div className="flex flex-col items-center gap-2 py-6 text-center" role="status">
      <CalendarX2 aria-hidden className="size-8 text-muted-foreground" />
      <p className="font-medium">{t("title")}</p>
      <p className="text-sm text-muted-foreground">{filtered ? t("filtered") : t("period")}</p>
      {filtered ? (
        <Button variant="outline" size="sm" onClick={onClear}>
          {t("clear")}
        </Button>
      ) : null}
    </div>
  );
}
