"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { useLive } from "@/components/live/live-events";
import type { AppointmentStatus } from "@/lib/contract/status";
import type { AppointmentRow } from "./types";

/**
 * The list's rows and the changes others just made: who changed a row (to mark it), and a
 * notice when a row changed elsewhere leaves the list (its new status no longer matches the
 * filters, say) instead of vanishing silently.
 */
export function useLiveRows(rows: AppointmentRow[]) {
  const { changes } = useLive();
  const t = useTranslations();
  const previous = useRef(new Map(rows.map((r) => [r.id, r])));
  useEffect(() => {
    const now = new Set(rows.map((r) => r.id));
    for (const [id, row] of previous.current) {
      const change = changes.get(id);
      if (now.has(id) || !change) continue;
      const status = t(`status.${change.status as AppointmentStatus}`);
      toast.info(
        change.by
          ? t("appointments.left", { customer: row.customerName, status, name: change.by })
          : t("appointments.leftAnonymous", { customer: row.customerName, status }),
      );
    }
    previous.current = new Map(rows.map((r) => [r.id, r]));
    // Only a new list of rows can make one leave.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows]);
  return (row: { id: string }) => changes.get(row.id)?.by;
}
