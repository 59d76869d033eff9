// Live events for open screens. One hub per process: one LISTEN on the events channel (NOTIFY
// carries only an id, sent on commit), one read of the new settled events per wake-up whatever
// the number of screens, each event handed to the subscribers of its app and companies. The
// notification is only a wake-up: the table decides what is new, so an event committed late is
// delivered in order once settled, and a notification lost in a reconnect is made up by the
// re-read that follows it (and a slow poll).
import "server-only";
import { and, asc, eq, gt, max } from "drizzle-orm";
import { getDb, listen, replicaConfigured, replicaMaxLagMs } from "@/db";
import { appointmentEvents } from "@/db/schema";
import type { Caller } from "../auth/caller";
import type { AppointmentEvent } from "../contract/events";
import { type CursorHistory, cursorAsOf, recordCursor } from "./cursor-history";
import { eventColumns, SETTLED, toEvent } from "./events";

const CHANNEL = "appointment_events";
const BATCH = 1000;
/** While a notified event is held back (an older transaction still open), look again this soon. */
const RETRY_MS = 200;
/** A read now and then even without notifications: nothing waits long on a lost one. */
const POLL_MS = 5000;

export type Subscriber = { caller: Pick<Caller, "appId" | "companyIds">; companyId?: string; send: (event: AppointmentEvent) => void };

type Hub = {
  subscribers: Set<Subscriber>;
  cursor: number;
  /** The highest id notified: above the cursor, something is still to read. */
  notified: number;
  started?: Promise<void>;
  reading: boolean;
  again: boolean;
  /** Retries without progress: a notified event that never shows (deleted meanwhile) is given up. */
  stalled: number;
  retry?: ReturnType<typeof setTimeout>;
  poll?: ReturnType<typeof setInterval>;
  /** When the cursor moved, and to what (renderedCursor). */
  history: CursorHistory;
};

declare global {
  var __rendezvousLiveHub: Hub | undefined;
}
const hub = (globalThis.__rendezvousLiveHub ??= { subscribers: new Set(), cursor: 0, notified: 0, reading: false, again: false, stalled: 0, history: [] });
// A hub made by an earlier version of this module (a dev server reloading it) has none.
hub.history ??= [];

/** Starts receiving the events that settle from now on; answers how to stop. */
export async function subscribe(subscriber: Subscriber): Promise<() => void> {
  await start();
  hub.subscribers.add(subscriber);
  return () => hub.subscribers.delete(subscriber);
}

/** The id up to which events have been handed out (a new stream's starting point). */
export async function liveCursor(): Promise<number> {
  await start();
  return hub.cursor;
}

/**
 * Where the stream of a screen being rendered now starts (its `after`): the stream opens only
 * once the screen has loaded, and a change made in between was never seen. The layout reads this
 * beside the page's own reads, in the same request: only a change committed in the milliseconds
 * between them can still be missed (the hub's cursor trails the commits it has been told of, so
 * one the page already shows may come again: one more refresh). Read on a replica, the page may
 * be up to its lag bound behind: the cursor is then taken from that long ago. Undefined when the
 * hub cannot listen (the stream then says so itself): the page renders all the same.
 */
export async function renderedCursor(): Promise<number | undefined> {
  try {
    await start();
  } catch {
    return undefined;
  }
  if (!replicaConfigured()) return hub.cursor;
  return cursorAsOf(hub.history, Date.now() - replicaMaxLagMs()) ?? hub.cursor;
}

function moved(cursor: number) {
  recordCursor(hub.history, cursor, Date.now());
}

function start(): Promise<void> {
  hub.started ??= (async () => {
    const db = await getDb();
    const [row] = await db.select({ last: max(appointmentEvents.id) }).from(appointmentEvents).where(SETTLED);
    hub.cursor = Math.max(hub.cursor, Number(row?.last ?? 0));
    moved(hub.cursor);
    await listen(
      CHANNEL,
      (payload) => {
        hub.notified = Math.max(hub.notified, Number(payload) || 0);
        void read();
      },
      // (Re)connected: notifications may have been missed meanwhile.
      () => void read(),
    );
    hub.poll = setInterval(() => {
      if (hub.subscribers.size > 0) void read();
    }, POLL_MS);
    hub.poll.unref?.();
  })().catch((err) => {
    hub.started = undefined;
    throw err;
  });
  return hub.started;
}

/** Reads what settled after the cursor and hands it out; one read at a time, repeated if asked meanwhile. */
async function read(): Promise<void> {
  if (hub.reading) {
    hub.again = true;
    return;
  }
  hub.reading = true;
  try {
    do {
      hub.again = false;
      const db = await getDb();
      const rows = await db
        .select({ appId: appointmentEvents.appId, ...eventColumns })
        .from(appointmentEvents)
        .where(and(gt(appointmentEvents.id, hub.cursor), eq(appointmentEvents.published, true), SETTLED))
        .orderBy(asc(appointmentEvents.id))
        .limit(BATCH);
      for (const row of rows) {
        hub.cursor = row.id;
        if (hub.subscribers.size === 0) continue;
        const event = toEvent(row);
        for (const s of hub.subscribers) {
          if (s.caller.appId !== row.appId) continue;
          if (s.companyId ? s.companyId !== row.companyId : s.caller.companyIds !== "all" && !s.caller.companyIds.includes(row.companyId)) continue;
          try {
            s.send(event);
          } catch {
            hub.subscribers.delete(s);
          }
        }
      }
      if (rows.length > 0) moved(hub.cursor);
      if (rows.length === BATCH) hub.again = true;
    } while (hub.again);
  } catch (err) {
    console.error("[live] reading new events failed", err);
  } finally {
    hub.reading = false;
  }
  // Notified but not yet settled (an older transaction is still open): look again shortly.
  if (hub.notified > hub.cursor && ++hub.stalled > 50) hub.notified = hub.cursor;
  if (hub.notified <= hub.cursor) hub.stalled = 0;
  if (hub.notified > hub.cursor && !hub.retry) {
    hub.retry = setTimeout(() => {
      hub.retry = undefined;
      void read();
    }, RETRY_MS);
    hub.retry.unref?.();
  }
}

const HEARTBEAT_MS = 15_000;

// Every stream of the process gets the same event object: written once, not once per stream
// (1 000 open streams made JSON.stringify most of the fan-out's CPU).
const frames = new WeakMap<AppointmentEvent, Uint8Array>();
const encoder = new TextEncoder();
function frameOf(e: AppointmentEvent): Uint8Array {
  let frame = frames.get(e);
  if (!frame) frames.set(e, (frame = encoder.encode(`id: ${e.id}\ndata: ${JSON.stringify(e)}\n\n`)));
  return frame;
}

/**
 * A Server-Sent Events stream of the caller's appointment events (of one company when given):
 * from `lastEventId` on when resuming after a cut (read from the table, then live, nothing lost
 * or repeated in between), otherwise from now. Comments keep it open through proxies. Ends when
 * `signal` aborts or `closeOn` fires (the server draining).
 */
export function eventStream(
  caller: Caller,
  options: { companyId?: string; lastEventId?: number; signal: AbortSignal; closeOn?: (close: () => void) => () => void },
): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (chunk: string | Uint8Array) => {
        if (!closed) controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      };
      let sent = options.lastEventId ?? 0;
      const send = (e: AppointmentEvent) => {
        if (Number(e.id) <= sent) return;
        sent = Number(e.id);
        write(frameOf(e));
      };
      // Live events that arrive while the backlog is read wait here, in order.
      let buffer: AppointmentEvent[] | null = options.lastEventId !== undefined ? [] : null;
      const unsubscribe = await subscribe({
        caller,
        companyId: options.companyId,
        send: (e) => (buffer ? buffer.push(e) : send(e)),
      });
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      const stopOnDrain = options.closeOn?.(() => close());
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        stopOnDrain?.();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      cleanup = close;
      options.signal.addEventListener("abort", close, { once: true });
      write("retry: 3000\n\n");
      if (buffer) {
        const { readEvents } = await import("./events");
        const db = await getDb();
        for (;;) {
          const rows = await readEvents(db, caller, {
            after: sent,
            limit: 500,
            where: options.companyId ? eq(appointmentEvents.companyId, options.companyId) : undefined,
          });
          rows.map(toEvent).forEach(send);
          if (rows.length < 500) break;
        }
        const waiting = buffer;
        buffer = null;
        waiting.forEach(send);
      }
    },
    cancel() {
      cleanup();
    },
  });
}
