// Reading the message journal (an app's messages, or one appointment's for its history) and
// sending a failed one again. Scoped by app and by the caller's companies, like appointments.
import "server-only";
import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { type Db, getDb } from "@/db";
import { appointments, customers, messages, services } from "@/db/schema";
import { type Caller, canSeeCompany, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { listMessagesInput, type ListMessagesInput } from "../contract/message-inputs";
import { decodeCursor, invalidCursor, pageOf } from "../contract/pagination";
import { parseInput } from "../contract/parse";
import { getAppointment } from "../appointments/get";

const view = {
  id: messages.id,
  companyId: messages.companyId,
  appointmentId: messages.appointmentId,
  customerId: messages.customerId,
  customerName: customers.fullname,
  /** The appointment's start and service: what the journal links to. */
  appointmentDate: appointments.date,
  serviceName: services.name,
  trigger: messages.trigger,
  channel: messages.channel,
  recipient: messages.recipient,
  language: messages.language,
  subject: messages.subject,
  body: messages.body,
  state: messages.state,
  dueAt: messages.dueAt,
  attempts: messages.attempts,
  providerId: messages.providerId,
  failureReason: messages.failureReason,
  sentAt: messages.sentAt,
  createdAt: messages.createdAt,
  updatedAt: messages.updatedAt,
};

// Outer joins: an answer to a customer's reply may have no appointment, nor even a customer (an unknown number).
function selectMessages(db: Db) {
  return db
    .select(view)
    .from(messages)
    .leftJoin(customers, and(eq(customers.appId, messages.appId), eq(customers.id, messages.customerId)))
    .leftJoin(appointments, and(eq(appointments.appId, messages.appId), eq(appointments.id, messages.appointmentId)))
    .leftJoin(services, and(eq(services.appId, appointments.appId), eq(services.id, appointments.serviceId)))
    .$dynamic();
}

const inScope = (caller: Caller) => and(eq(messages.appId, caller.appId), companyScope(caller, messages.companyId));

/**
 * The journal, latest due first; filters by state, channel, company, customer and due time
 * [from, to). `order: "asc"` reads soonest due first instead: the dashboard's "À venir", where
 * the next message to go matters more than the furthest one planned.
 */
export async function listMessages(caller: Caller, input: ListMessagesInput = {}, options: { order?: "asc" | "desc" } = {}) {
  const asc = options.order === "asc";
  requireScope(caller, "appointments:read");
  const f = parseInput(listMessagesInput, input);
  if (f.companyId !== undefined && (!isUuid(f.companyId) || !canSeeCompany(caller, f.companyId))) throw new AppError("company-not-found");
  if (f.appointmentId !== undefined && !isUuid(f.appointmentId)) throw new AppError("appointment-not-found");
  let after: ReturnType<typeof sql> | undefined;
  if (f.cursor) {
    const [due, id] = decodeCursor(f.cursor, 2);
    if (!isUuid(id) || Number.isNaN(Date.parse(due))) throw invalidCursor();
    after = asc
      ? sql`(${messages.dueAt}, ${messages.id}) > (${due}::timestamptz, ${id}::uuid)`
      : sql`(${messages.dueAt}, ${messages.id}) < (${due}::timestamptz, ${id}::uuid)`;
  }
  const rows = await selectMessages(await getDb())
    .where(
      and(
        inScope(caller),
        f.state ? inArray(messages.state, f.state) : undefined,
        f.channel ? inArray(messages.channel, f.channel) : undefined,
        f.companyId ? eq(messages.companyId, f.companyId) : undefined,
        f.appointmentId ? eq(messages.appointmentId, f.appointmentId) : undefined,
        f.customerId ? (isUuid(f.customerId) ? eq(messages.customerId, f.customerId) : sql`false`) : undefined,
        f.from ? gte(messages.dueAt, new Date(f.from)) : undefined,
        f.to ? lt(messages.dueAt, new Date(f.to)) : undefined,
        after,
      ),
    )
    .orderBy(...(asc ? [messages.dueAt, messages.id] : [desc(messages.dueAt), desc(messages.id)]))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => [r.dueAt.toISOString(), r.id]);
}

/** One appointment's messages in the order they are due (its history); not the caller's: appointment-not-found. */
export async function appointmentMessages(caller: Caller, appointmentId: string) {
  await getAppointment(caller, appointmentId);
  return selectMessages(await getDb())
    .where(and(inScope(caller), eq(messages.appointmentId, appointmentId)))
    .orderBy(messages.dueAt, messages.id);
}

export type MessageView = Awaited<ReturnType<typeof appointmentMessages>>[number];

/** One message of the caller's companies; another's, or none: message-not-found. */
export async function getMessage(caller: Caller, id: string): Promise<MessageView> {
  requireScope(caller, "appointments:read");
  if (!isUuid(id)) throw new AppError("message-not-found");
  const [message] = await selectMessages(await getDb()).where(and(inScope(caller), eq(messages.id, id)));
  if (!message) throw new AppError("message-not-found");
  return message;
}

/** Queues a failed (or unknown: staff decided) message again, due now; another state: invalid-status-transition. */
/**
 * Queues a failed (or unknown: staff decided) message again, due now, as a new send: a provider
 * failing it is retried on the same schedule as the first time. Another state:
 * invalid-status-transition.
 */
export async function resendMessage(caller: Caller, id: string, now: Date = new Date()): Promise<MessageView> {
  requireScope(caller, "appointments:write");
  if (!isUuid(id)) throw new AppError("message-not-found");
  const db = await getDb();
  const [row] = await db
    .select({ state: messages.state })
    .from(messages)
    .where(and(inScope(caller), eq(messages.id, id)));
  if (!row) throw new AppError("message-not-found");
  const updated = await db
    .update(messages)
    .set({ state: "queued", dueAt: now, lockedUntil: null, failureReason: null, resentAfter: sql`${messages.attempts}`, updatedAt: sql`now()` })
    .where(and(inScope(caller), eq(messages.id, id), inArray(messages.state, ["failed", "unknown"])))
    .returning({ id: messages.id });
  if (updated.length === 0) {
    throw new AppError("invalid-status-transition", "Seul un message en échec ou incertain peut être renvoyé", { details: { from: row.state, to: "queued" } });
  }
  const [message] = await selectMessages(db).where(and(inScope(caller), eq(messages.id, id)));
  return message;
}
