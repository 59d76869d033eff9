// The production server (`npm start`): requests under /app/ go straight to the API's routes
// (server/api/node-listener.ts), everything else to Next. A Next route handler costs ~1 ms of
// CPU before any work; this path does not (ARCHITECTURE.md, "HTTP API"). The same app is also
// mounted as a route handler, so `next dev` and plain `next start` serve the API too.
//
// Env: PORT (3000), HOSTNAME (all interfaces), NEXT_DIST_DIR (the `next build` output, .next),
// DATABASE_URL / PGLITE_DIR (see db/index.ts). API_VIA_NEXT=1 sends /app/ through Next's route
// handler instead (the tests use it to check that mount on the same build).
// RDV_ROLE=api or --api (`npm run start:api`): the API alone, without loading Next: /app/,
// /api/ready, /api/health and the providers' callbacks (/api/messages/…); any other path
// answers the API's 404 envelope. Next's hooks (async context, its patched Date) are then not in
// the process: run such instances beside full ones behind one proxy (npm run cluster,
// CLUSTER_API_INSTANCES). API_WORKERS=n: that process as n processes sharing the port
// (server/api-workers.ts).
import { createServer } from "node:http";
import path from "node:path";
import { getRequestListener } from "@hono/node-server";

// Before Next and React load: they pick their production builds from it.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const apiOnly = process.env.RDV_ROLE === "api" || process.argv.includes("--api");
const apiViaNext = !apiOnly && process.env.API_VIA_NEXT === "1";

const apiWorkers = apiOnly ? Math.max(1, Math.floor(Number(process.env.API_WORKERS ?? 1)) || 1) : 1;
if (apiWorkers > 1) {
  const cluster = (await import("node:cluster")).default;
  if (cluster.isPrimary) await (await import("./api-workers")).superviseApiWorkers(apiWorkers);
}

const [{ api }, { apiNodeListener }, { inbound, INBOUND_PREFIX }, { closeDb, getDriver, replicaState }] = await Promise.all([
  import("./api"),
  import("./api/node-listener"),
  import("./inbound"),
  import("../db"),
]);

// Sessions cannot be signed without AUTH_SECRET: say so now, not on the first sign-in.
try {
  (await import("../lib/auth/secret")).authSecret();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

// Open (and migrate, and on a fresh embedded database seed) before taking requests, so a bad
// DATABASE_URL fails here and the demo banner prints at start.
try {
  const startup = await import("../lib/startup");
  await startup.prepareDatabase();
  await startup.startBackgroundWork();
} catch (err) {
  // A database that cannot be opened (unreachable server, embedded folder in use, damaged or on a
  // full disk): say which and what to do, without a stack.
  console.error(`Rendez-vous ne démarre pas : ${(err as Error).message}`);
  process.exit(1);
}

const nextApp = apiOnly ? null : (await import("next")).default({ dev: false, dir: root, hostname, port });
await nextApp?.prepare();
const nextHandler = nextApp?.getRequestHandler();
// The API's routes dispatched from Node's request, without Hono's web Request and Context in
// between (server/api/node-listener.ts).
const apiListener = apiNodeListener(api);
// Providers' callbacks (WhatsApp, SMS), in the API-only process too, through Hono's adapter. Its
// lightweight Request/Response stand in for the globals (they turn into real ones when read as
// such, so Next, in this process too, keeps working): a response built by the API then goes to
// the socket without a web stream.
const inboundListener = getRequestListener(inbound.fetch);

const { databaseDown, databaseReady } = await import("../db/availability");
const { isDraining, startDraining } = await import("./lifecycle");
const { unavailablePage } = await import("./unavailable-page");
// How long readiness fails before the server stops taking connections (the proxy's check
// interval, so it has moved traffic away), and the most a stop waits for requests in flight.
const DRAIN_MS = Number(process.env.SHUTDOWN_DRAIN_MS ?? 0);
const STOP_TIMEOUT_MS = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

let inFlight = 0;
const server = createServer((req, res) => {
  if (req.url === "/api/ready") return void ready(res);
  inFlight++;
  res.once("close", () => inFlight--);
  if (isDraining()) res.setHeader("Connection", "close");
  if (!nextHandler && req.url === "/api/health") return void health(res);
  if ((!nextHandler || !apiViaNext) && req.url?.startsWith(INBOUND_PREFIX)) {
    void inboundListener(req, res);
    return;
  }
  if (!nextHandler || (!apiViaNext && req.url?.startsWith("/app/"))) {
    apiListener(req, res);
    return;
  }
  // Pages while the database is known to be down: one clear page rather than a failure each.
  if (databaseDown() && !req.url?.startsWith("/_next/")) return unavailablePage(req, res);
  void nextHandler(req, res);
});

// A proxy keeps idle connections to the instances and reuses them (haproxy's http-reuse, its
// idle connections purged after 5 s). Node's own 5 s keep-alive timeout could close one just as
// the proxy sent a request on it: the proxy then cuts its client's connection (seen once in the
// database-restart fault run, a create without answer). The instance keeps idle connections
// longer than any proxy in front keeps them, as load balancers' guides advise.
server.keepAliveTimeout = Number(process.env.HTTP_KEEP_ALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;

/**
 * Readiness for the proxy: up while not stopping and the primary answers. The replica is told
 * (ready, lagging, down…) but does not count: reads go to the primary without it.
 */
async function ready(res: import("node:http").ServerResponse) {
  const ok = !isDraining() && (await databaseReady(1000));
  const replica = (await replicaState().catch(() => undefined))?.health;
  res.writeHead(ok ? 200 : 503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ ready: ok, draining: isDraining(), ...(replica ? { replica } : {}) }));
}

/** As Next's /api/health (app/api/health/route.ts), for an API-only process. */
async function health(res: import("node:http").ServerResponse) {
  const ok = await databaseReady();
  res.writeHead(ok ? 200 : 503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  res.end(JSON.stringify({ ok }));
}

server.listen(port, hostname, async () => {
  const where = `http://${hostname ?? "localhost"}:${port}`;
  const mode = apiOnly ? ", API seule" : apiViaNext ? ", API via Next" : "";
  console.log(`Rendez-vous prêt sur ${where} (base : ${await getDriver()}${mode})`);
});

/**
 * A graceful stop: readiness fails first (the proxy drains this instance), then no new
 * connection is taken, requests in flight finish (their connections close after them), event
 * streams are closed, within STOP_TIMEOUT_MS; then the database closes and the process exits.
 */
let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} : arrêt (${inFlight} requête(s) en cours)…`);
  startDraining();
  setTimeout(() => {
    console.error("Arrêt forcé : des requêtes n'ont pas fini à temps");
    process.exit(1);
  }, DRAIN_MS + STOP_TIMEOUT_MS + 2_000).unref();
  if (DRAIN_MS > 0) await new Promise((r) => setTimeout(r, DRAIN_MS));
  const closed = new Promise((r) => server.close(r));
  server.closeIdleConnections();
  const deadline = new Promise<false>((r) => setTimeout(() => r(false), STOP_TIMEOUT_MS).unref());
  const finished = await Promise.race([closed.then(() => true), deadline]);
  // Past the bound, what still runs is cut: its connection closed, its database session ended
  // (an open transaction rolls back), so the process exits in time.
  if (!finished) console.error(`Arrêt : ${inFlight} requête(s) coupée(s) après ${STOP_TIMEOUT_MS} ms`);
  server.closeAllConnections();
  await nextApp?.close().catch(() => {});
  // Deliveries and messages still in flight keep their lease: another instance (or this one restarted) takes them.
  await (await import("../lib/startup")).stopBackgroundWork();
  await closeDb(finished ? 5 : 0).catch(() => {});
  console.log("Arrêté.");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
