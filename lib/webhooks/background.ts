// The background webhook worker, one per process: it fans settled events out (worker.ts
// dispatchOnce) and delivers what is due (claimDue, deliverClaimed) within its concurrency,
// woken by new events and by a short poll.
import "server-only";
import { detached } from "@/db";
import { wakeOnEvents } from "../appointments/wake-on-events";
import { type WebhookConfig, webhookConfig } from "./config";
import { claimDue, deliverClaimed, DISPATCH_BATCH, dispatchOnce } from "./worker";

type Worker = { config: WebhookConfig; inFlight: number; perEndpoint: Map<string, number>; pumping: boolean; again: boolean; dispatching: boolean; unwake?: () => Promise<void>; stopped: boolean };

declare global {
  var __rendezvousWebhookWorker: Worker | undefined;
}

/**
 * Starts this process's worker (once; `npm start` and `npm run dev` call it at start):
 * woken by every new event (LISTEN on a server, in process on PGlite) and by a short poll.
 */
export async function startWebhookWorker(): Promise<void> {
  if (globalThis.__rendezvousWebhookWorker || process.env.WEBHOOKS_WORKER === "0") return;
  const w: Worker = { config: webhookConfig(), inFlight: 0, perEndpoint: new Map(), pumping: false, again: false, dispatching: false, stopped: false };
  globalThis.__rendezvousWebhookWorker = w;
  w.unwake = await wakeOnEvents("webhooks", w.config.pollMs, () => void tick(w));
  void tick(w);
}

/** Wakes the worker now (a test event or a resend was just queued). */
export function wakeWebhookWorker(): void {
  const w = globalThis.__rendezvousWebhookWorker;
  // Outside the caller's transaction, if any: the worker's claims must not join a request's.
  if (w) detached(() => void pump(w));
}

export async function stopWebhookWorker(): Promise<void> {
  const w = globalThis.__rendezvousWebhookWorker;
  if (!w) return;
  w.stopped = true;
  globalThis.__rendezvousWebhookWorker = undefined;
  await w.unwake?.();
}

async function tick(w: Worker) {
  if (w.stopped) return;
  if (!w.dispatching) {
    w.dispatching = true;
    try {
      while (!w.stopped && (await dispatchOnce()) === DISPATCH_BATCH);
    } catch (err) {
      if (!w.stopped) console.error("[webhooks] répartition des événements en échec", (err as Error).message);
    } finally {
      w.dispatching = false;
    }
  }
  await pump(w);
}

/** Claims while there is room, each delivery running on its own: a slow receiver holds one slot. */
async function pump(w: Worker) {
  if (w.pumping) {
    w.again = true;
    return;
  }
  w.pumping = true;
  try {
    do {
      w.again = false;
      while (!w.stopped && w.inFlight < w.config.concurrency) {
        const skipEndpoints = [...w.perEndpoint].filter(([, n]) => n >= w.config.perEndpoint).map(([id]) => id);
        const claimed = await claimDue(w.config, w.config.concurrency - w.inFlight, { skipEndpoints });
        if (claimed.length === 0) break;
        for (const d of claimed) {
          w.inFlight++;
          w.perEndpoint.set(d.endpointId, (w.perEndpoint.get(d.endpointId) ?? 0) + 1);
          void deliverClaimed(w.config, d)
            .catch((err) => console.error("[webhooks] enregistrement d'un envoi en échec", (err as Error).message))
            .finally(() => {
              w.inFlight--;
              const left = (w.perEndpoint.get(d.endpointId) ?? 1) - 1;
              if (left > 0) w.perEndpoint.set(d.endpointId, left);
              else w.perEndpoint.delete(d.endpointId);
              // Claim again once half the slots are free (a claim per finished delivery costs more than it gives).
              if (w.inFlight <= w.config.concurrency / 2) void pump(w);
            });
        }
      }
    } while (w.again && !w.stopped);
  } catch (err) {
    if (!w.stopped) console.error("[webhooks] relevé des envois en échec", (err as Error).message);
  } finally {
    w.pumping = false;
  }
}
