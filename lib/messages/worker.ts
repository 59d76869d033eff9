// The background message worker, one per process: plans new events into messages (lib/messages/
// plan.ts) and sends those due (lib/messages/sender.ts), woken by every new event (LISTEN on a
// server, in process on PGlite) and by a poll, since reminders fall due with time alone.
// Started with the server's background work (lib/startup.ts); MESSAGES_WORKER=0 turns it off on
// an instance.
import "server-only";
import { wakeOnEvents } from "../appointments/wake-on-events";
import { type MessageConfig, messageConfig } from "./config";
import { PLAN_BATCH, planOnce } from "./plan";
import { claimDue, sendClaimed } from "./sender";

type Worker = { config: MessageConfig; inFlight: number; busy: boolean; again: boolean; unwake?: () => Promise<void>; stopped: boolean };

declare global {
  var __rendezvousMessageWorker: Worker | undefined;
}

export async function startMessageWorker(): Promise<void> {
  if (globalThis.__rendezvousMessageWorker || process.env.MESSAGES_WORKER === "0") return;
  const w: Worker = { config: messageConfig(), inFlight: 0, busy: false, again: false, stopped: false };
  globalThis.__rendezvousMessageWorker = w;
  w.unwake = await wakeOnEvents("messages", w.config.pollMs, () => void tick(w));
  void tick(w);
}

export async function stopMessageWorker(): Promise<void> {
  const w = globalThis.__rendezvousMessageWorker;
  if (!w) return;
  w.stopped = true;
  globalThis.__rendezvousMessageWorker = undefined;
  await w.unwake?.();
}

/** Plans, then claims while there is room; a tick while one runs asks it to go round again. */
async function tick(w: Worker) {
  if (w.stopped) return;
  if (w.busy) {
    w.again = true;
    return;
  }
  w.busy = true;
  try {
    do {
      w.again = false;
      while (!w.stopped && (await planOnce()) === PLAN_BATCH);
      while (!w.stopped && w.inFlight < w.config.concurrency) {
        const claimed = await claimDue(w.config, w.config.concurrency - w.inFlight);
        if (claimed.length === 0) break;
        w.inFlight += claimed.length;
        void sendClaimed(w.config, claimed)
          .catch((err) => console.error("[messages] enregistrement d'un envoi en échec", (err as Error).message))
          .finally(() => {
            w.inFlight -= claimed.length;
            if (!w.stopped) void tick(w);
          });
      }
    } while (w.again && !w.stopped);
  } catch (err) {
    if (!w.stopped) console.error("[messages] planification ou envoi en échec", (err as Error).message);
  } finally {
    w.busy = false;
  }
}
