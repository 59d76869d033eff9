"use client";

import { useTranslations } from "next-intl";
import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { useLive } from "@/components/live/live-events";
import type { AppointmentStatus } from "@/lib/contract/status";
import { useActions } from "@/components/actions-context";

type Change = { ids: string[]; status: AppointmentStatus };

/**
 * Status changes with an optimistic overlay: the rows show the new status at once; when the
 * action ends the overlay goes and the server's re-rendered rows (revalidated by the action,
 * success or refusal) show the truth. A refusal also shows a toast.
 */
export function useStatusChange(describe: (id: string) => string) {
  const actions = useActions();
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const { markLocal } = useLive();
  const [overrides, addOverride] = useOptimistic<Record<string, AppointmentStatus>, Change>({}, (state, change) => {
    const next = { ...state };
    for (const id of change.ids) next[id] = change.status;
    return next;
  });

  const errorText = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.generic"));

  function change(id: string, status: AppointmentStatus, reason?: string, onDone?: () => void, kind?: "no-show") {
    startTransition(async () => {
      addOverride({ ids: [id], status });
      markLocal([id]);
      const result = await actions.changeStatus({ id, status, reason, kind });
      if (result.ok) toast.success(kind === "no-show" ? t("noShow.done") : t(`transitionDone.${status}`), { description: describe(id) });
      else toast.error(errorText(result.code), { description: describe(id) });
      onDone?.();
    });
  }

  function bulk(ids: string[], status: "CONFIRMED" | "CANCELLED", skipped: number, reason?: string, onDone?: () => void) {
    startTransition(async () => {
      addOverride({ ids, status });
      markLocal(ids);
      const result = await actions.bulkStatus({ ids, status, reason });
      if (!result.ok) {
        toast.error(errorText(result.code));
        onDone?.();
        return;
      }
      const okCount = result.data.filter((o) => o.ok).length;
      const failed = result.data.filter((o) => !o.ok);
      const lines = [
        ...failed.map((o) => `• ${describe(o.id)} — ${o.ok ? "" : errorText(o.code)}`),
        ...(skipped > 0 ? [t("appointments.bulk.skipped", { count: skipped })] : []),
      ];
      const title = t("appointments.bulk.result", { ok: okCount });
      const text = failed.length
        ? [t("appointments.bulk.failed", { count: failed.length }), ...lines].join("\n")
        : lines.join("\n");
      const description = text ? <span className="whitespace-pre-line">{text}</span> : undefined;
      if (failed.length) toast.warning(title, { description, duration: 10_000 });
      else toast.success(title, { description });
      onDone?.();
    });
  }

  /** A no-show taken back: CONFIRMED again. */
  function undoNoShow(id: string) {
    startTransition(async () => {
      addOverride({ ids: [id], status: "CONFIRMED" });
      markLocal([id]);
      const result = await actions.undoNoShow({ id });
      if (result.ok) toast.success(t("noShow.undone"), { description: describe(id) });
      else toast.error(errorText(result.code), { description: describe(id) });
    });
  }

  return { pending, overrides, change, bulk, undoNoShow };
}
