// Helpers of the message tests: turn messages on for a company with the journal, plan what the
// feed holds, read an appointment's messages by trigger, queue messages for the sender, read the
// fields a validation error names.
import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db";
import { messages, type MessageRow, type NewMessage } from "@/db/schema";
import type { AppError } from "@/lib/contract/errors";
import type { MessageSettingsInput } from "@/lib/contract/message-settings";
import { planAll, setProvider, updateMessageSettings } from "@/lib/messages";
import { eventsSettled, type Tenant } from "./factories";

export async function turnMessagesOn(t: Tenant, companyId: string, settings: MessageSettingsInput = {}) {
  await setProvider(t.owner, "journal", { enabled: true });
  await updateMessageSettings(t.owner, companyId, { enabled: true, ...settings });
}

/** Plans every settled event, as the worker would at `now`. */
export async function plan(t: Tenant, now: Date) {
  await eventsSettled(t.appId);
  await planAll(now);
}

export async function messagesOf(appId: string, appointmentId: string): Promise<Record<string, MessageRow>> {
  const db = await getDb();
  const rows = await db.select().from(messages).where(and(eq(messages.appId, appId), eq(messages.appointmentId, appointmentId)));
  return Object.fromEntries(rows.map((r) => [r.occurrence ? `${r.trigger}:${r.occurrence}` : r.trigger, r]));
}

/** A message row about an appointment, as the planner would have made it (failed unless told: it may be resent). */
export async function insertMessage(a: { appId: string; companyId: string; id: string; customerId: string }, overrides: Partial<typeof messages.$inferInsert> = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(messages)
    .values({
      appId: a.appId,
      companyId: a.companyId,
      appointmentId: a.id,
      customerId: a.customerId,
      trigger: "received",
      channel: "journal",
      recipient: "+2250700000000",
      language: "fr",
      body: "Bonjour",
      state: "failed",
      failureReason: "test",
      dueAt: new Date("2033-01-01T00:00:00Z"),
      ...overrides,
    })
    .returning();
  return row;
}

/**
 * `n` messages queued for the sender, due at `due`, about appointment `a` of the tenant (to its
 * customer: the e-mail channel to an address, the others to the phone). Answers their ids.
 */
export async function queueMessages(t: Tenant, a: { id: string; companyId: string }, n: number, channel: NewMessage["channel"], due: Date) {
  const db = await getDb();
  const rows = await db
    .insert(messages)
    .values(
      Array.from({ length: n }, (_, i) => ({
        appId: t.appId,
        appointmentId: a.id,
        companyId: a.companyId,
        customerId: t.customer.id,
        trigger: "moved" as const,
        occurrence: String(i),
        channel,
        recipient: channel === "email" ? "aya@example.com" : t.customer.telephone,
        language: "fr" as const,
        body: `Message ${i}`,
        state: "queued" as const,
        dueAt: due,
      })),
    )
    .returning({ id: messages.id });
  return rows.map((r) => r.id);
}

/** The fields a refused call names (it must fail with validation-error; an accepted call fails the test). */
export async function fieldsOf(fn: () => Promise<unknown>): Promise<string[]> {
  try {
    await fn();
  } catch (err) {
    expect((err as AppError).code).toBe("validation-error");
    return Object.keys(((err as AppError).details as { fields: Record<string, string[]> }).fields);
  }
  throw new Error("accepted");
}
