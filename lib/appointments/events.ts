// The event feed: the app's appointment events in id order, after a given id, for integrators
// catching up on missed webhooks, live screens resuming after a cut and the webhook dispatcher.
import "server-only";
import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db";
import { appointmentEvents } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { type AppointmentEvent, type AppointmentJson, listEventsInput, type ListEventsInput } from "../contract/events";


/**
 * Only events written by transactions older than every write transaction still open: ids are
 * handed out before commit, so an id may become visible after a higher one; a reader moving
 * past the higher one would skip it for good. Held back, it shows up in order a moment later.
 */
export const SETTLED = sql`${appointmentEvents.xid} < pg_snapshot_xmin(pg_current_snapshot())`;

/** The wire shape of an event row. */
export const eventColumns = {
  id: appointmentEvents.id,
  type: appointmentEvents.type,
  at: appointmentEvents.at,
  actorType: appointmentEvents.actorType,
  actorId: appointmentEvents.actorId,
  actorName: appointmentEvents.actorName,
  companyId: appointmentEvents.companyId,
  appointmentId: appointmentEvents.appointmentId,
  fromStatus: appointmentEvents.fromStatus,
  toStatus: appointmentEvents.toStatus,
  reason: appointmentEvents.reason,
  details: appointmentEvents.details,
  data: appointmentEvents.data,
};

type EventRow = Awaited<ReturnType<typeof readEvents>>[number];

export function toEvent(r: EventRow): AppointmentEvent {
  return {
    id: String(r.id),
    type: r.type,
    occurredAt: r.at.toISOString(),
    actor: { type: r.actorType, id: r.actorId, name: r.actorName },
    companyId: r.companyId,
    appointmentId: r.appointmentId,
    change: { fromStatus: r.fromStatus, toStatus: r.toStatus, reason: r.reason, ...(r.details ?? {}) },
    data: r.data as unknown as AppointmentJson,
  };
}

/**
 * The caller's events with ids above `after`, oldest first, settled ones only (see SETTLED).
 * A key limited to a company sees that company's; a company it cannot see answers
 * company-not-found, an appointment it cannot see appointment-not-found.
 */
export async function listEvents(caller: Caller, input: ListEventsInput = {}) {
  requireScope(caller, "appointments:read");
  const f = parseInput(listEventsInput, input);
  if (f.companyId !== undefined && (!isUuid(f.companyId) || (caller.companyIds !== "all" && !caller.companyIds.includes(f.companyId)))) {
    throw new AppError("company-not-found");
  }
  if (f.appointmentId !== undefined && !isUuid(f.appointmentId)) throw new AppError("appointment-not-found");
  const db = await getDb();
  const rows = await readEvents(db, caller, {
    after: f.after ? Number(f.after) : 0,
    limit: f.limit,
    where: and(
      f.types ? inArray(appointmentEvents.type, f.types) : undefined,
      f.companyId ? eq(appointmentEvents.companyId, f.companyId) : undefined,
      f.appointmentId ? eq(appointmentEvents.appointmentId, f.appointmentId) : undefined,
    ),
  });
  const data = rows.map(toEvent);
  return { data, nextAfter: data.length ? data[data.length - 1].id : (f.after ?? "0") };
}

/** Settled, published events of the caller's app and companies after an id, in id order. */
export async function readEvents(db: Queryable, caller: Caller, q: { after: number; limit: number; where?: SQL }) {
  return db
    .select(eventColumns)
    .from(appointmentEvents)
    .where(
      and(
        eq(appointmentEvents.appId, caller.appId),
        gt(appointmentEvents.id, q.after),
        eq(appointmentEvents.published, true),
        companyScope(caller, appointmentEvents.companyId),
        q.where,
        SETTLED,
      ),
    )
    .orderBy(asc(appointmentEvents.id))
    .limit(q.limit);
}
