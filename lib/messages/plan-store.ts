// Where the planner's decisions go: straight to the messages table (the live planner), or to
// memory first and then in bulk (a whole history at once: the demo seed, ~1 000 events).
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { messages, type NewMessage } from "@/db/schema";
import type { MessageTrigger } from "../contract/messages";

export interface PlanStore {
  /** Adds the message unless this appointment already has one for the trigger and occurrence. */
  once(row: NewMessage): Promise<void>;
  /** Adds a reminder, or re-times and re-words the existing one if no sender has tried it. */
  reminder(row: NewMessage): Promise<void>;
  /** Cancels an appointment's messages still waiting (of one trigger when given), unless a sender holds one. */
  cancelWaiting(appId: string, appointmentId: string, reason: string, trigger?: MessageTrigger): Promise<void>;
}

const WAITING = ["scheduled", "queued"] as const;

export function dbStore(db: Queryable): PlanStore {
  return {
    async once(row) {
      await db.insert(messages).values(row).onConflictDoNothing();
    },
    async reminder(row) {
      await db
        .insert(messages)
        .values(row)
        .onConflictDoUpdate({
          target: [messages.appId, messages.appointmentId, messages.trigger, messages.occurrence],
          set: {
            eventId: row.eventId,
            channel: row.channel,
            recipient: row.recipient,
            language: row.language,
            subject: row.subject,
            body: row.body,
            template: row.template,
            state: row.state,
            dueAt: row.dueAt,
            failureReason: row.failureReason,
            updatedAt: sql`now()`,
          },
          // Never one a sender has tried: it went, or its outcome is being settled.
          setWhere: sql`${messages.attempts} = 0 AND ${messages.state} IN ('scheduled', 'queued', 'cancelled')`,
        });
    },
    async cancelWaiting(appId, appointmentId, reason, trigger) {
      await db
        .update(messages)
        .set({ state: "cancelled", failureReason: reason, updatedAt: sql`now()` })
        .where(
          and(
            eq(messages.appId, appId),
            eq(messages.appointmentId, appointmentId),
            trigger ? eq(messages.trigger, trigger) : undefined,
            inArray(messages.state, [...WAITING]),
            isNull(messages.lockedUntil),
            // An answer to the customer's reply is not the appointment's to cancel ("NON" cancels it).
            isNull(messages.replyId),
          ),
        );
    },
  };
}

/**
 * The same decisions kept in memory, for a history replayed at once: `journalUntil` plays the
 * sender's part on the journal between events (what fell due by then went, when due).
 */
export function memoryStore(): PlanStore & { rows(): NewMessage[]; journalUntil(at: Date): void } {
  const rows = new Map<string, NewMessage>();
  const key = (r: NewMessage) => `${r.appointmentId}/${r.trigger}/${r.occurrence ?? ""}`;
  return {
    async once(row) {
      if (!rows.has(key(row))) rows.set(key(row), { ...row, id: randomUUID() });
    },
    async reminder(row) {
      const existing = rows.get(key(row));
      rows.set(key(row), { ...row, id: existing?.id ?? randomUUID() });
    },
    async cancelWaiting(_appId, appointmentId, reason, trigger) {
      for (const r of rows.values()) {
        if (r.appointmentId === appointmentId && (!trigger || r.trigger === trigger) && WAITING.includes(r.state as (typeof WAITING)[number])) {
          Object.assign(r, { state: "cancelled", failureReason: reason });
        }
      }
    },
    journalUntil(at) {
      for (const r of rows.values()) {
        if (r.channel === "journal" && WAITING.includes(r.state as (typeof WAITING)[number]) && r.dueAt <= at) {
          Object.assign(r, { state: "sent", sentAt: r.dueAt, providerId: `journal-${r.id}`, attempts: 1 });
        }
      }
    },
    rows: () => [...rows.values()],
  };
}
