"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { rescheduleAppointment, undoNoShow, updateAppointmentStatus } from "@/lib/appointments";
import { APPOINTMENT_STATUSES, CANCELLATION_KINDS } from "@/lib/contract/status";
import { memberAction } from "@/app/_server/session";
import { failure } from "@/lib/contract/action-result";
import type { ErrorCode } from "@/lib/contract/errors";

const reason = z.string().trim().max(500).optional();

/** Every change re-renders the list and drawer, success or not: a refusal shows the true status. */
function refresh() {
  revalidatePath("/c/[company]/appointments", "page");
  revalidatePath("/c/[company]/calendar", "page");
}

export const changeStatusAction = memberAction(
  // Which moves are allowed (never back to PENDING, a reason only kept when cancelling) is the domain's rule.
  z.object({ id: z.string().max(100), status: z.enum(APPOINTMENT_STATUSES), reason, kind: z.enum(CANCELLATION_KINDS).optional() }),
  async ({ id, status, reason, kind }, { caller }) => {
    try {
      const updated = await updateAppointmentStatus(caller, id, { status, reason, kind });
      return { id: updated.id, status: updated.status };
    } finally {
      refresh();
    }
  },
);

export type BulkOutcome = { id: string; ok: true } | { id: string; ok: false; code: ErrorCode | "unauthenticated"; message: string };

/**
 * The same change on several appointments, one by one (each guarded and recorded as if
 * clicked alone); the answer says, per row, what happened.
 */
export const bulkStatusAction = memberAction(
  z.object({ ids: z.array(z.string().max(100)).min(1).max(200), status: z.enum(["CONFIRMED", "CANCELLED"]), reason }),
  async ({ ids, status, reason }, { caller }): Promise<BulkOutcome[]> => {
    const outcomes: BulkOutcome[] = [];
    try {
      for (const id of [...new Set(ids)]) {
        try {
          await updateAppointmentStatus(caller, id, { status, reason });
          outcomes.push({ id, ok: true });
        } catch (err) {
          const f = failure(err);
          outcomes.push({ id, ok: false, code: f.code, message: f.message });
        }
      }
    } finally {
      refresh();
    }
    return outcomes;
  },
);

/**
 * Moves an appointment (drawer's "Déplacer", calendar drag): a new start (an instant, made from
 * the company's clock in the browser), a new agent (null: none) or both. The rules are the
 * domain's; the answer is where it now is.
 */
export const rescheduleAction = memberAction(
  z.object({ id: z.string().max(100), date: z.string().max(40).optional(), agentId: z.string().max(100).nullish(), reason, force: z.boolean().optional() }),
  async ({ id, date, agentId, reason, force }, { caller }) => {
    try {
      // `force`: an owner or admin confirmed a move outside working hours (the domain checks the role).
      const moved = await rescheduleAppointment(caller, id, { date, agentId, reason }, { forceHours: force });
      return { id: moved.id, date: moved.date, end: moved.end, agentId: moved.agentId };
    } finally {
      refresh();
    }
  },
);

/** "Annuler l'absence": a no-show back to CONFIRMED (owners and admins, within 24 hours). */
export const undoNoShowAction = memberAction(z.object({ id: z.string().max(100) }), async ({ id }, { caller }) => {
  try {
    const back = await undoNoShow(caller, id);
    return { id: back.id, status: back.status };
  } finally {
    refresh();
  }
});
