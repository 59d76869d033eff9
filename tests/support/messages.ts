// Helpers of the message tests: turn messages on for a company with the journal, plan what the
// feed holds, read an appointment's messages by trigger.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, type MessageRow } from "@/db/schema";
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
