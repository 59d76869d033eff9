"use client";

import { useTranslations } from "next-intl";
import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { useLive } from "@/components/live/live-events";

/** Where a moved appointment shows until the server's answer: instants (ISO) and agent. */
export type MovePlace = { startsAt: string; endsAt: string; agentId: string | null };
export type MoveRequest = { date?: string; agentId?: string | null; reason?: string; force?: boolean };

/**
 * Moves with an optimistic overlay, as status changes do: the event shows at its new place at
 * once; when the action ends the overlay goes and the server's re-rendered page shows the truth
 * (the old place after a refusal, with the server's message in a toast).
 */
export function useReschedule(describe: (id: string) => string) {
  const actions = useActions();
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const { markLocal } = useLive();
  const [places, addPlace] = useOptimistic<Record<string, MovePlace>, { id: string; place: MovePlace }>({}, (state, change) => ({
    ...state,
    [change.id]: change.place,
  }));

  function move(id: string, request: MoveRequest, place: MovePlace | null, onDone?: (ok: boolean) => void) {
    startTransition(async () => {
      if (place) addPlace({ id, place });
      markLocal([id]);
      const result = await actions.reschedule({ id, ...request });
      if (result.ok) toast.success(t("move.done"), { description: describe(id) });
      // The server's reason, in the interface's language when it has one for the code.
      else
        toast.error(t.has(`errors.${result.code}`) ? t(`errors.${result.code}`) : result.message, {
          description: describe(id),
          // Outside working hours, an owner or admin is asked and may move it anyway.
          action: result.forceable ? { label: t("move.force"), onClick: () => move(id, { ...request, force: true }, place, onDone) } : undefined,
        });
      onDone?.(result.ok);
    });
  }

  return { pending, places, move };
}
