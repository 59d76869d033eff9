// What a server does once before taking requests, whichever starts it (`npm start` through
// server/index.ts, `npm run dev` and `next start` through instrumentation.ts): open and migrate
// the database, then give a fresh embedded database the demo data (SEED_DEMO=0: none), and plan
// a demo made on an earlier day again around today.
import "server-only";
import path from "node:path";
import { getDb, getDriver } from "@/db";
import { refreshDemo, seedDemoIfEmpty } from "./demo/seed";

declare global {
  var __rendezvousStartup: Promise<void> | undefined;
}

export function prepareDatabase(): Promise<void> {
  globalThis.__rendezvousStartup ??= (async () => {
    const db = await getDb();
    if ((await getDriver()) === "pglite") {
      const dir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data/pglite");
      if (!dir.startsWith("memory://") && process.env.SEED_DEMO !== "0") await seedDemoIfEmpty(db);
    } else if (await refreshDemo(db)) {
      console.log("Rendez-vous de démonstration replanifiés autour d'aujourd'hui");
    }
  })().catch((err) => {
    globalThis.__rendezvousStartup = undefined;
    throw err;
  });
  return globalThis.__rendezvousStartup;
}

/**
 * Work a server does in the background once its database is ready: the webhook delivery worker
 * (lib/webhooks/background.ts; WEBHOOKS_WORKER=0 turns it off on this instance) and the customer
 * message worker (lib/messages/worker.ts; MESSAGES_WORKER=0).
 */
export async function startBackgroundWork(): Promise<void> {
  const { startWebhookWorker } = await import("./webhooks/background");
  const { startMessageWorker } = await import("./messages/worker");
  await startWebhookWorker();
  await startMessageWorker();
}

/** Stops what startBackgroundWork started (a graceful stop). */
export async function stopBackgroundWork(): Promise<void> {
  const { stopWebhookWorker } = await import("./webhooks/background");
  const { stopMessageWorker } = await import("./messages/worker");
  await Promise.all([stopWebhookWorker(), stopMessageWorker()]);
}
