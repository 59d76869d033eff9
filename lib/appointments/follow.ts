// Following the event feed from a stored place, for readers that must see every event once in
// id order whatever the number of instances (the webhook dispatcher, the message planner):
// under a transaction-level advisory lock (one follower of a kind at a time across instances),
// the settled events after the place (SETTLED: a late committing event is never skipped) are
// handed over, and the place moves past them in the same transaction: what the handler writes
// and the new place commit together, or neither does.
import "server-only";
import { and, asc, gt, sql } from "drizzle-orm";
import { executeRows, getDb, type Tx } from "@/db";
import { appointmentEvents } from "@/db/schema";
import { eventColumns, SETTLED } from "./events";

/** A one-row table holding `last_event_id` (webhook_dispatch, message_planner). */
export type FeedPlace = { table: "webhook_dispatch" | "message_planner"; lock: number; batch: number };

export const followedColumns = { appId: appointmentEvents.appId, published: appointmentEvents.published, ...eventColumns };

export async function readSettledAfter(tx: Tx, after: number, limit: number) {
  return tx.select(followedColumns).from(appointmentEvents).where(and(gt(appointmentEvents.id, after), SETTLED)).orderBy(asc(appointmentEvents.id)).limit(limit);
}

export type FollowedEvent = Awaited<ReturnType<typeof readSettledAfter>>[number];

/** Hands one batch of settled events after the place to `handle`; answers how many were read. */
export async function followFeed(place: FeedPlace, handle: (tx: Tx, events: FollowedEvent[]) => Promise<void>): Promise<number> {
  const db = await getDb();
  const table = sql.identifier(place.table);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${place.lock})`);
    const [row] = await executeRows<{ last: string | number }>(tx, sql`select last_event_id as last from ${table} where id = 1`);
    const events = await readSettledAfter(tx, Number(row?.last ?? 0), place.batch);
    if (events.length === 0) return 0;
    await handle(tx, events);
    const last = events[events.length - 1].id;
    await tx.execute(
      sql`insert into ${table} (id, last_event_id) values (1, ${last})
          on conflict (id) do update set last_event_id = greatest(${table}.last_event_id, excluded.last_event_id)`,
    );
    return events.length;
  });
}
