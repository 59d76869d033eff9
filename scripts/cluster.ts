// `npm run cluster [-- start | stop | status | reset]`: a production-like deployment on one
// machine, for trying it out and for release checks (never for real data: trust authentication).
//   - a PostgreSQL primary (initdb) under .data/cluster/primary, migrated, with the demo;
//   - a streaming replica of it (pg_basebackup) under .data/cluster/replica, on its own port;
//   - three `npm start` instances on the primary, their list reads on the replica
//     (DATABASE_REPLICA_URL);
//   - haproxy in front, checking each instance's /api/ready every second.
// Ports (env): CLUSTER_PG_PORT 5440, CLUSTER_REPLICA_PORT 5441, CLUSTER_APP_PORT 3101 (and the
// next ones), CLUSTER_INSTANCES 3, CLUSTER_PROXY_PORT 8080, CLUSTER_STATS_PORT 8081,
// CLUSTER_HOST 127.0.0.1 (0.0.0.0 to open the proxy to the network). CLUSTER_DIR .data/cluster.
// CLUSTER_API_INSTANCES 0: that many more instances serving the API alone (`npm run start:api`).
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isAlive, isPortFree, root, startInstance, stopPid, waitForOk } from "./cluster/apps";
import { haproxyArgs, writeProxyConfig } from "./cluster/haproxy";
import { ensureDatabase, initPrimary, isPgRunning, makeReplica, pgCluster, pgUrl, startPg, stopPg } from "./cluster/postgres";
import { haproxyBin, MissingTool, postgresRunner } from "./cluster/tools";
import { spawnSync } from "node:child_process";

const command = process.argv[2] ?? "start";
const dir = path.resolve(root, process.env.CLUSTER_DIR ?? ".data/cluster");
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const pgPort = env("CLUSTER_PG_PORT", 5440);
const replicaPort = env("CLUSTER_REPLICA_PORT", 5441);
const appPort = env("CLUSTER_APP_PORT", 3101);
const instances = env("CLUSTER_INSTANCES", 3);
// API-only instances (RDV_ROLE=api, no Next loaded), on the ports after the full ones: the proxy
// sends /app/ to them while one is ready, to the full instances otherwise.
const apiInstances = env("CLUSTER_API_INSTANCES", 0);
const proxyPort = env("CLUSTER_PROXY_PORT", 8080);
const statsPort = env("CLUSTER_STATS_PORT", 8081);
const host = process.env.CLUSTER_HOST ?? "127.0.0.1";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
const DATABASE = "rendezvous";
// Readiness fails this long before an instance stops taking connections: longer than haproxy
// needs to mark it down (2 failed checks, 1 s apart), so no request lands on a closed port.
const DRAIN_MS = 3_000;

const primary = pgCluster(dir, "primary", pgPort);
const replica = pgCluster(dir, "replica", replicaPort);
const stateFile = path.join(dir, "state.json");
const proxyDir = path.join(dir, "haproxy");
const logDir = path.join(dir, "logs");

type State = { instances: { port: number; pid: number; api?: boolean }[] };

function readState(): State {
  try {
    return JSON.parse(readFileSync(stateFile, "utf8")) as State;
  } catch {
    return { instances: [] };
  }
}

function proxyPid(): number | undefined {
  try {
    return Number(readFileSync(path.join(proxyDir, "haproxy.pid"), "utf8").trim()) || undefined;
  } catch {
    return undefined;
  }
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function start() {
  let pg;
  let haproxy: string;
  try {
    pg = postgresRunner();
    haproxy = haproxyBin();
  } catch (err) {
    if (err instanceof MissingTool) fail(`npm run cluster : ${err.message}`);
    throw err;
  }
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) fail(`Pas de build dans ${distDir}/ : lancez d'abord npm run build.`);
  if (isAlive(proxyPid())) {
    console.log(`Le cluster tourne déjà : http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${proxyPort} (npm run cluster -- stop pour l'arrêter).`);
    return;
  }

  // Every port first, named: a half-started cluster is worse than none.
  const ports: [number, string, boolean][] = [
    [pgPort, "PostgreSQL primaire (CLUSTER_PG_PORT)", isPgRunning(pg, primary)],
    [replicaPort, "PostgreSQL réplique (CLUSTER_REPLICA_PORT)", isPgRunning(pg, replica)],
    ...Array.from({ length: instances + apiInstances }, (_, i): [number, string, boolean] => [
      appPort + i,
      `instance ${i + 1}${i >= instances ? " (API seule)" : ""} (CLUSTER_APP_PORT + ${i})`,
      false,
    ]),
    [proxyPort, "haproxy (CLUSTER_PROXY_PORT)", false],
    [statsPort, "statistiques haproxy (CLUSTER_STATS_PORT)", false],
  ];
  for (const [port, what, ours] of ports) {
    if (!ours && !(await isPortFree(port, port === proxyPort ? host : "127.0.0.1"))) {
      fail(`npm run cluster : le port ${port} (${what}) est déjà pris. Libérez-le ou choisissez-en un autre avec la variable indiquée.`);
    }
  }

  mkdirSync(logDir, { recursive: true });
  mkdirSync(proxyDir, { recursive: true });
  console.log(`PostgreSQL primaire sur le port ${pgPort} (${primary.dir})…`);
  initPrimary(pg, primary);
  if (!isPgRunning(pg, primary)) startPg(pg, primary);
  const databaseUrl = await ensureDatabase(primary, DATABASE);
  const seed = spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", "scripts/seed.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (seed.status !== 0) fail(`Migration ou démo impossibles :\n${seed.stdout}${seed.stderr}`);

  console.log(`Réplique en streaming sur le port ${replicaPort} (${replica.dir})…`);
  makeReplica(pg, primary, replica);
  if (!isPgRunning(pg, replica)) startPg(pg, replica);

  const secretFile = path.join(dir, "auth-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(33).toString("base64"), { mode: 0o600 });
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    DATABASE_REPLICA_URL: pgUrl(replica, DATABASE),
    AUTH_SECRET: process.env.AUTH_SECRET ?? readFileSync(secretFile, "utf8").trim(),
    SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const state: State = { instances: [] };
  for (let i = 0; i < instances + apiInstances; i++) {
    const port = appPort + i;
    const api = i >= instances;
    const child = startInstance(api ? { ...appEnv, RDV_ROLE: "api" } : appEnv, port, path.join(logDir, `app-${i + 1}.log`), { detached: true });
    state.instances.push({ port, pid: child.pid!, ...(api ? { api } : {}) });
  }
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  const apiNote = apiInstances ? ` dont ${apiInstances} API seule (ports ${appPort + instances}–${appPort + instances + apiInstances - 1})` : "";
  console.log(`${instances + apiInstances} instances (ports ${appPort}–${appPort + instances + apiInstances - 1}${apiNote}), journaux dans ${path.relative(root, logDir)}/…`);
  for (const [i, instance] of state.instances.entries()) {
    const ok = await waitForOk(`http://127.0.0.1:${instance.port}/api/ready`, { alive: () => isAlive(instance.pid) });
    if (!ok) {
      await stop();
      fail(`L'instance ${i + 1} n'a pas démarré : voir ${path.join(logDir, `app-${i + 1}.log`)}`);
    }
  }

  const config = writeProxyConfig({
    dir: proxyDir,
    host,
    port: proxyPort,
    statsPort,
    instances: state.instances.flatMap((s, i) => (s.api ? [] : [{ name: `app${i + 1}`, port: s.port }])),
    apiInstances: state.instances.flatMap((s, i) => (s.api ? [{ name: `api${i + 1}`, port: s.port }] : [])),
  });
  const started = spawnSync(haproxy, haproxyArgs(config, { pidFile: path.join(proxyDir, "haproxy.pid") }), { encoding: "utf8" });
  if (started.status !== 0) {
    await stop();
    fail(`haproxy ne démarre pas :\n${started.stdout}${started.stderr}`);
  }
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${proxyPort}`;
  if (!(await waitForOk(`${url}/api/ready`, { timeoutMs: 20_000 }))) {
    await stop();
    fail("haproxy ne répond pas.");
  }
  const { DEMO } = await import("../lib/demo/catalog");
  const addresses = host === "0.0.0.0" ? networkAddresses().map((a) => `http://${a}:${proxyPort}`) : [];
  console.log(`
Rendez-vous en cluster : ${url}${addresses.length ? ` (sur le réseau : ${addresses.join(", ")})` : ""}
  Connexion de démonstration : ${DEMO.owner.email} / ${DEMO.owner.password}
  Clé API de démonstration : ${DEMO.apiKey}
  haproxy : statistiques sur http://127.0.0.1:${statsPort}/
  PostgreSQL : primaire ${databaseUrl}, réplique ${pgUrl(replica, DATABASE)}
  Arrêt : npm run cluster -- stop   (tout effacer ensuite : npm run cluster -- reset)`);
}

function networkAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}

async function stop() {
  const pidOfProxy = proxyPid();
  if (isAlive(pidOfProxy)) {
    await stopPid(pidOfProxy!, "SIGUSR1", 5_000); // a soft stop: connections in progress finish
    console.log("haproxy arrêté");
  }
  const state = readState();
  await Promise.all(state.instances.map((s) => stopPid(s.pid, "SIGTERM", DRAIN_MS + 15_000)));
  if (state.instances.length) console.log(`${state.instances.length} instance(s) arrêtée(s)`);
  writeFileSync(stateFile, JSON.stringify({ instances: [] }));
  try {
    const pg = postgresRunner();
    stopPg(pg, replica);
    stopPg(pg, primary);
    console.log("PostgreSQL (réplique et primaire) arrêté");
  } catch (err) {
    if (!(err instanceof MissingTool)) throw err;
  }
}

function status() {
  const pg = postgresRunner();
  const state = readState();
  const line = (what: string, up: boolean) => console.log(`${up ? "●" : "○"} ${what}`);
  line(`PostgreSQL primaire :${pgPort}`, isPgRunning(pg, primary));
  line(`PostgreSQL réplique :${replicaPort}`, isPgRunning(pg, replica));
  for (const s of state.instances) line(`instance :${s.port} (pid ${s.pid})`, isAlive(s.pid));
  line(`haproxy :${proxyPort}`, isAlive(proxyPid()));
}

switch (command) {
  case "start":
    await start();
    break;
  case "stop":
    await stop();
    break;
  case "status":
    status();
    break;
  case "reset":
    await stop();
    rmSync(dir, { recursive: true, force: true });
    console.log(`${path.relative(root, dir)} effacé`);
    break;
  default:
    fail("Usage : npm run cluster [-- start | stop | status | reset]");
}
// Detached children are not waited for.
process.exit(0);
