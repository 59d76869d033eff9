// The background message worker, one per process: plans new events into messages (lib/messages/
// plan.ts) and sends those due (lib/messages/sender.ts), woken by every new event (LISTEN on a
// server, in process on PGlite) and by a poll, since reminders fall due with time alone. Sending
// goes on by itself while there is work: messages finishing make room for the next claim.
// Started with the server's background work (lib/startup.ts); MESSAGES_WORKER=0 turns it off on
// an instance.
import "server-only";
import { wakeOnEvents } from "../appointments/wake-on-events";
import { type MessageConfig, messageConfig } from "./config";
import { PLAN_BATCH, planOnce } from "./plan";
import { claimDue, sendClaimed } from "./sender";

type Worker = {
  config: MessageConfig;
  inFlight: number;
  planning: boolean;
  pumping: boolean;
  again: boolean;
  /** The last claim got fewer than it asked for: no claim per freed slot until the next wake or pace. */
  resting: boolean;
  pace?: NodeJS.Timeout;
  unwake?: () => Promise<void>;
  stopped: boolean;
};

declare global {
  var __rendezvousMessageWorker: Worker | undefined;
}

export async function startMessageWorker(): Promise<void> {
  if (globalThis.__rendezvousMessageWorker || process.env.MESSAGES_WORKER === "0") return;
  const w: Worker = { config: messageConfig(), inFlight: 0, planning: false, pumping: false, again: false, resting: false, stopped: false };
  globalThis.__rendezvousMessageWorker = w;
  w.unwake = await wakeOnEvents("messages", w.config.pollMs, () => void tick(w));
  void tick(w);
}

export async function stopMessageWorker(): Promise<void> {
  const w = globalThis.__rendezvousMessageWorker;
  if (!w) return;
  w.stopped = true;
  clearTimeout(w.pace);
  globalThis.__rendezvousMessageWorker = undefined;
  await w.unwake?.();
}

/** A wake (a new event, the poll): plans what the feed holds, then sends what is due. */
async function tick(w: Worker) {
  if (w.stopped) return;
  if (!w.planning) {
    w.planning = true;
    try {
      while (!w.stopped && (await planOnce()) === PLAN_BATCH);
    } catch (err) {
      if (!w.stopped) console.error("[messages] planification en échec", (err as Error).message);
    } finally {
      w.planning = false;
    }
  }
  w.resting = false;
  await pump(w);
}

/**
 * Claims due messages while there is room, as many at once as there is room for. Each message
 * frees its slot once recorded, so a slow provider call holds one slot, not its whole batch;
 * the next claim comes when half the slots are free (a claim per freed slot would cost a round
 * trip per message). A pump asked for while one runs makes it go round again.
 *
 * A claim that gets fewer than it asked for (a provider's rate cap holds the rest back, or
 * nothing more is due) stops the claims per freed slot, which would find nothing: the next look
 * is `paceMs` later while messages flow (the cap's tokens come back a few at a time, so the
 * sending spreads over the second instead of bursting at its start), else the next wake.
 */
async function pump(w: Worker) {
  if (w.pumping) {
    w.again = true;
    return;
  }
  w.pumping = true;
  const settled = () => {
    w.inFlight--;
    if (!w.stopped && !w.resting && w.inFlight <= w.config.concurrency / 2) void pump(w);
  };
  let got = 0;
  try {
    do {
      w.again = false;
      while (!w.stopped && w.inFlight < w.config.concurrency) {
        const room = w.config.concurrency - w.inFlight;
        const claimed = await claimDue(w.config, room);
        got += claimed.length;
        if (claimed.length > 0) {
          w.inFlight += claimed.length;
          void sendClaimed(w.config, claimed, { onSettled: settled }).catch((err) =>
            console.error("[messages] enregistrement d'un envoi en échec", (err as Error).message),
          );
        }
        if (claimed.length < room) {
          w.resting = true;
          break;
        }
      }
    } while (w.again && !w.stopped);
  } catch (err) {
    if (!w.stopped) console.error("[messages] envoi en échec", (err as Error).message);
  } finally {
    w.pumping = false;
  }
  if (w.resting && got > 0 && !w.pace && !w.stopped) {
    w.pace = setTimeout(() => {
      w.pace = undefined;
      w.resting = false;
      void pump(w);
    }, w.config.paceMs);
  }
}
