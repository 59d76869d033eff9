// A webhook worker alone in its process, as the server runs it (`npm start` starts the same one):
// the kill test (webhook-kill.test.ts) starts it with `node --import tsx`, then SIGKILLs it.
import { startWebhookWorker } from "@/lib/webhooks/background";

await startWebhookWorker();
process.stdout.write("worker started\n");
// The worker's own timers are unref'd (they never hold a server open): this one keeps it alive.
setInterval(() => {}, 1 << 30);
