// A customer's reply by WhatsApp or SMS, once its callback is verified (the channel adapters'
// parsing gives an InboundEvent): "OUI"/"1" confirms their next PENDING appointment, "NON"/"2"
// cancels their next PENDING or CONFIRMED one (the change recorded as the client's, with the
// channel), "STOP" opts them out of that channel; anything else is kept for staff as an unread
// reply on their next appointment. A number the app does not know, or a yes/no with nothing to
// act on, gets a polite help message. That answer is a message of the journal (trigger "answer",
// once per reply, tied to the reply's appointment when it has one), due at once: handleReply
// answers its id for the caller to send (lib/messages/inbound.ts).
import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { appointments, customers, messageReplies, messages, services, type ReplyAction } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError, isAppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { SCOPES } from "../contract/scopes";
import { messageDate, messageTime, greetingName } from "../contract/message-templates";
import { CLIENT_ACTOR_PREFIX, type MessageChannel, type MessageLanguage } from "../contract/messages";
import { normalizePhone } from "../contract/phone";
import type { AppointmentStatus } from "../contract/status";
import { updateAppointmentStatus } from "../appointments";
import type { InboundEvent } from "./channel";

export type Reply = Extract<InboundEvent, { kind: "reply" }>;
/** `answerId`: the answer recorded in the journal, to send (none: nothing to answer, or a repeated callback). */
export type ReplyOutcome = { action: ReplyAction | "duplicate"; appointmentId: string | null; answer: string | null; answerId?: string };

// The actor a reply's change is recorded as ("Client (WhatsApp)") is defined with the contract's words.
export { CLIENT_ACTOR_PREFIX, isClientReply } from "../contract/messages";

const CHANNEL_NAMES: Record<MessageChannel, string> = { whatsapp: "WhatsApp", sms: "SMS", email: "e-mail", journal: "journal" };

/** "Oui !" → "OUI"; accents and punctuation do not count. */
export function replyWord(text: string): "yes" | "no" | "stop" | null {
  const word = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]/g, "").toUpperCase();
  if (word === "OUI" || word === "1" || word === "YES") return "yes";
  if (word === "NON" || word === "2" || word === "NO") return "no";
  if (word === "STOP" || word === "ARRET") return "stop";
  return null;
}

const ANSWERS = {
  fr: {
    confirmed: (n: string, d: string, t: string) => `Merci ${n}, votre rendez-vous du ${d} à ${t} est confirmé. À bientôt !`,
    cancelled: (n: string, d: string, t: string) => `C'est noté ${n}, votre rendez-vous du ${d} à ${t} est annulé.`,
    stop: "C'est noté : vous ne recevrez plus de messages par ce canal.",
    help: "Bonjour, nous n'avons pas trouvé de rendez-vous en attente pour ce numéro. Pour toute question, appelez directement le salon.",
  },
  en: {
    confirmed: (n: string, d: string, t: string) => `Thank you ${n}, your appointment on ${d} at ${t} is confirmed. See you soon!`,
    cancelled: (n: string, d: string, t: string) => `Noted ${n}, your appointment on ${d} at ${t} is cancelled.`,
    stop: "Noted: you will no longer receive messages on this channel.",
    help: "Hello, we could not find a pending appointment for this number. For any question, please call the salon directly.",
  },
} as const;

/** Handles one reply to an app's messages (once: a repeated callback answers "duplicate" and changes nothing). */
export async function handleReply(appId: string, reply: Reply, now: Date = new Date()): Promise<ReplyOutcome> {
  const db = await getDb();
  const phone = normalizePhone(reply.from) ?? reply.from;
  const [customer] = await db.select().from(customers).where(and(eq(customers.appId, appId), eq(customers.telephone, phone)));
  const lang: MessageLanguage = customer?.language ?? "fr";
  const word = replyWord(reply.text);
  const wanted: AppointmentStatus[] = word === "yes" ? ["PENDING"] : ["PENDING", "CONFIRMED"];
  const [next] = customer
    ? await db
        .select({ id: appointments.id, companyId: appointments.companyId, date: appointments.date, status: appointments.status })
        .from(appointments)
        .where(and(eq(appointments.appId, appId), eq(appointments.customerId, customer.id), inArray(appointments.status, wanted), gte(appointments.date, now)))
        .orderBy(asc(appointments.date))
        .limit(1)
    : [];
  const action: ReplyAction = !customer ? "help" : word === "stop" ? "opted-out" : word === null ? (next ? "stored" : "help") : next ? (word === "yes" ? "confirmed" : "cancelled") : "help";

  // The reply first: a provider calling again with the same message id finds it and stops here.
  const [kept] = await db
    .insert(messageReplies)
    .values({
      appId,
      channel: reply.channel,
      providerId: reply.providerId,
      sender: phone,
      text: reply.text.slice(0, 2000),
      customerId: customer?.id ?? null,
      companyId: next?.companyId ?? null,
      appointmentId: next?.id ?? null,
      action,
      receivedAt: reply.at,
      // Only replies staff must read stay unread.
      readAt: action === "stored" ? null : now,
    })
    .onConflictDoNothing()
    .returning({ id: messageReplies.id });
  if (!kept) return { action: "duplicate", appointmentId: null, answer: null };

  const answers = ANSWERS[lang];
  // The answer sits with its reply: the same customer, company and appointment, when it had them.
  const answered = async (outcome: Omit<ReplyOutcome, "answer">, answer: string): Promise<ReplyOutcome> => {
    const [row] = await db
      .insert(messages)
      .values({
        appId,
        companyId: next?.companyId ?? null,
        appointmentId: next?.id ?? null,
        customerId: customer?.id ?? null,
        replyId: kept.id,
        trigger: "answer",
        // One per reply: an appointment may be answered several times ("OUI", later "NON").
        occurrence: kept.id,
        channel: reply.channel,
        recipient: phone,
        language: lang,
        body: answer,
        state: "queued",
        dueAt: now,
      })
      .onConflictDoNothing()
      .returning({ id: messages.id });
    return { ...outcome, answer, ...(row ? { answerId: row.id } : {}) };
  };
  if (action === "help") return answered({ action, appointmentId: null }, answers.help);
  if (action === "stored") return { action, appointmentId: next!.id, answer: null };
  if (action === "opted-out") {
    await db
      .update(customers)
      .set({ optOuts: sql`array(SELECT DISTINCT unnest(${customers.optOuts} || ARRAY[${reply.channel}]::text[]))`, updatedAt: sql`now()` })
      .where(and(eq(customers.appId, appId), eq(customers.id, customer!.id)));
    return answered({ action, appointmentId: null }, answers.stop);
  }
  const channelName = CHANNEL_NAMES[reply.channel];
  const client: Caller = { appId, companyIds: "all", scopes: [...SCOPES], actor: { type: "client", id: customer!.id, name: `${CLIENT_ACTOR_PREFIX}${channelName})` } };
  let changed;
  try {
    changed = await updateAppointmentStatus(
      client,
      next!.id,
      action === "confirmed" ? { status: "CONFIRMED" } : { status: "CANCELLED", reason: `Annulé par le client (réponse ${channelName})` },
      { now },
    );
  } catch (err) {
    // Changed by staff meanwhile: the reply is left for them to read.
    if (!isAppError(err)) throw err;
    await db
      .update(messageReplies)
      .set({ action: "stored", readAt: null })
      .where(and(eq(messageReplies.appId, appId), eq(messageReplies.id, kept.id)));
    return { action: "stored", appointmentId: next!.id, answer: null };
  }
  const at = new Date(changed.date);
  const args = [greetingName(customer!.firstName, customer!.fullname), messageDate(at, changed.company.timezone, lang), messageTime(at, changed.company.timezone, lang)] as const;
  return answered({ action, appointmentId: next!.id }, action === "confirmed" ? answers.confirmed(...args) : answers.cancelled(...args));
}

/**
 * The replies staff must read (kept ones, unread), newest first, of the caller's companies (of
 * one when given), with who sent them and the appointment they were tied to.
 */
export async function listUnreadReplies(caller: Caller, options: { companyId?: string; limit?: number } = {}) {
  requireScope(caller, "appointments:read");
  const { companyId, limit = 100 } = options;
  if (companyId !== undefined && !isUuid(companyId)) return [];
  const db = await getDb();
  return db
    .select({
      id: messageReplies.id,
      channel: messageReplies.channel,
      sender: messageReplies.sender,
      text: messageReplies.text,
      customerId: messageReplies.customerId,
      customerName: customers.fullname,
      companyId: messageReplies.companyId,
      appointmentId: messageReplies.appointmentId,
      appointmentDate: appointments.date,
      serviceName: services.name,
      action: messageReplies.action,
      receivedAt: messageReplies.receivedAt,
      readAt: messageReplies.readAt,
    })
    .from(messageReplies)
    .leftJoin(customers, and(eq(customers.appId, messageReplies.appId), eq(customers.id, messageReplies.customerId)))
    .leftJoin(appointments, and(eq(appointments.appId, messageReplies.appId), eq(appointments.id, messageReplies.appointmentId)))
    .leftJoin(services, and(eq(services.appId, appointments.appId), eq(services.id, appointments.serviceId)))
    .where(
      and(
        eq(messageReplies.appId, caller.appId),
        isNull(messageReplies.readAt),
        companyScope(caller, messageReplies.companyId),
        companyId ? eq(messageReplies.companyId, companyId) : undefined,
      ),
    )
    .orderBy(desc(messageReplies.receivedAt))
    .limit(Math.min(Math.max(limit, 1), 200));
}

export type UnreadReply = Awaited<ReturnType<typeof listUnreadReplies>>[number];

export async function markReplyRead(caller: Caller, id: string): Promise<void> {
  requireScope(caller, "appointments:read");
  if (!isUuid(id)) throw new AppError("message-not-found");
  const db = await getDb();
  const rows = await db
    .update(messageReplies)
    .set({ readAt: sql`coalesce(${messageReplies.readAt}, now())` })
    .where(and(eq(messageReplies.appId, caller.appId), eq(messageReplies.id, id), companyScope(caller, messageReplies.companyId)))
    .returning({ id: messageReplies.id });
  if (rows.length === 0) throw new AppError("message-not-found");
}
