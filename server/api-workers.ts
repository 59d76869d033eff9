// API_WORKERS=n with the API-only process (`npm run start:api`): n processes share the port
// (node:cluster hands each new connection to the next), so one instance uses every core the
// machine gives it, as several instances behind a proxy would, without the proxy. This primary
// only forks, restarts a worker that dies, and on SIGTERM/SIGINT stops them all gracefully (each
// drains as a single server does). Background work (webhooks, messages) runs in the first worker
// only. PostgreSQL only: the embedded database belongs to one process.
import cluster, { type Worker } from "node:cluster";

const RESTART_DELAY_MS = 1000;

export async function superviseApiWorkers(count: number): Promise<never> {
  if (!process.env.DATABASE_URL) {
    console.error("API_WORKERS demande DATABASE_URL (PostgreSQL) : la base intégrée n'est ouverte que par un seul processus.");
    process.exit(1);
  }
  let stopping = false;
  const roles = new Map<Worker, number>();
  const fork = (index: number) => {
    const background = index === 0 ? {} : { WEBHOOKS_WORKER: "0", MESSAGES_WORKER: "0" };
    const worker = cluster.fork({ ...background, API_WORKER_INDEX: String(index) });
    roles.set(worker, index);
  };
  cluster.on("exit", (worker, code, signal) => {
    const index = roles.get(worker) ?? 0;
    roles.delete(worker);
    if (stopping) {
      if (roles.size === 0) process.exit(0);
      return;
    }
    console.error(`Processus API ${index + 1} arrêté (${signal ?? code}) : relancé dans ${RESTART_DELAY_MS} ms`);
    setTimeout(() => fork(index), RESTART_DELAY_MS);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const worker of roles.keys()) worker.process.kill(signal === "SIGINT" ? "SIGINT" : "SIGTERM");
    if (roles.size === 0) process.exit(0);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  for (let i = 0; i < count; i++) fork(i);
  console.log(`Rendez-vous : API sur ${count} processus`);
  // The primary serves nothing itself: the module that called this waits here for good.
  return new Promise<never>(() => {});
}
