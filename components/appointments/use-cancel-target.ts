"use client";

// What the table and the calendar share around the open appointment: the cancel and no-show
// questions, and the drawer's status and buttons with the optimistic status change.
import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import type { AppointmentStatus } from "@/lib/contract/status";
import type { CancelTarget } from "./cancel-dialog";
import type { AppointmentDetailView } from "./types";
import type { useStatusChange } from "./use-status-change";

type Described = { id: string; customerName: string; serviceName: string; when: string };
type Move = Exclude<AppointmentStatus, "PENDING" | "CANCELLED">;

/** The cancel dialog's question, asked for one appointment (cancel, or no-show) or set directly (bulk). */
export function useCancelTarget() {
  const t = useTranslations();
  const [cancelTarget, setCancelTarget] = useState<CancelTarget | null>(null);
  const askCancel = useCallback(
    (d: Described) =>
      setCancelTarget({
        ids: [d.id],
        title: t("appointments.cancelDialog.title"),
        description: t("appointments.cancelDialog.body", { customer: d.customerName, service: d.serviceName, when: d.when }),
      }),
    [t],
  );
  const askNoShow = useCallback(
    (d: Omit<Described, "serviceName">) =>
      setCancelTarget({
        ids: [d.id],
        title: t("noShow.dialogTitle"),
        description: t("noShow.dialogBody", { customer: d.customerName, when: d.when }),
        noShow: { confirm: t("noShow.confirm"), keep: t("noShow.keep") },
      }),
    [t],
  );
  return { cancelTarget, setCancelTarget, askCancel, askNoShow };
}

/** The drawer's status (the optimistic one while a change runs) and its status buttons. */
export function drawerStatus(
  detail: AppointmentDetailView | null,
  { overrides, change, undoNoShow }: Pick<ReturnType<typeof useStatusChange>, "overrides" | "change" | "undoNoShow">,
  { askCancel, askNoShow }: Pick<ReturnType<typeof useCancelTarget>, "askCancel" | "askNoShow">,
) {
  return {
    status: detail ? (overrides[detail.id] ?? detail.status) : null,
    pending: detail ? overrides[detail.id] !== undefined : false,
    onMove: (to: Move) => detail && change(detail.id, to),
    onCancel: () => detail && askCancel(detail),
    noShow: { onMark: () => detail && askNoShow(detail), onUndo: () => detail && undoNoShow(detail.id) },
  };
}
