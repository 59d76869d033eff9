// A throwaway cluster for one test file, built with the same pieces as `npm run cluster`
// (scripts/cluster/): a PostgreSQL primary (initdb) and optionally a streaming replica
// (pg_basebackup), in a temporary folder on free ports; app instances (the production server) on
// the build in NEXT_DIST_DIR; haproxy in front. Everything is stopped and removed by stop().
//
// Needs PostgreSQL's server tools and haproxy (Debian: apt-get install -y postgresql haproxy);
// without them the suite fails at once with that command.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isPortFree, root, startInstance, waitForOk } from "../../scripts/cluster/apps";
import { haproxyArgs, proxyStates, writeProxyConfig } from "../../scripts/cluster/haproxy";
import { ensureDatabase, initPrimary, isPgRunning, makeReplica, type PgCluster, pgCluster, pgUrl, startPg, stopPg } from "../../scripts/cluster/postgres";
import { haproxyBin, postgresRunner } from "../../scripts/cluster/tools";

/** Port ranges the tests take from (npm run cluster's defaults sit below them). */
const RANGES = { pg: [5442, 5459], app: [3110, 3199], proxy: [8082, 8099] } as const;
const taken = new Set<number>();

/** A free port in a range, not handed out before in this process. Other processes may race: ranges differ per kind. */
export async function freePort(kind: keyof typeof RANGES): Promise<number> {
  const [from, to] = RANGES[kind];
  const offset = (process.pid * 7) % (to - from + 1);
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((offset + i) % (to - from + 1));
    if (taken.has(port)) continue;
    if (await isPortFree(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`Aucun port libre entre ${from} et ${to}`);
}

export type Instance = { name: string; port: number; url: string; log: string; child: ChildProcess; env: NodeJS.ProcessEnv };

export type TestCluster = Awaited<ReturnType<typeof startCluster>>;

export type ClusterOptions = {
  replica?: boolean;
  instances?: number;
  /** More environment for the instances. */
  env?: Record<string, string>;
  /** Settings for the primary (postgresql.conf names). */
  primarySettings?: Record<string, string | number>;
};

export async function startCluster(options: ClusterOptions = {}) {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No Next build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first.`);
  }
  const pg = postgresRunner();
  const haproxy = haproxyBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), "rdv-cluster-"));
  pg.folder(dir, 0o755);
  const primary = pgCluster(dir, "primary", await freePort("pg"));
  initPrimary(pg, primary);
  startPg(pg, primary, options.primarySettings);
  const databaseUrl = await ensureDatabase(primary, "rendezvous");
  let replica: PgCluster | undefined;
  let replicaUrl: string | undefined;
  if (options.replica) {
    replica = pgCluster(dir, "replica", await freePort("pg"));
    makeReplica(pg, primary, replica);
    startPg(pg, replica);
    replicaUrl = pgUrl(replica, "rendezvous");
  }

  const logs = path.join(dir, "logs");
  mkdirSync(logs, { recursive: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    ...(replicaUrl ? { DATABASE_REPLICA_URL: replicaUrl } : {}),
    AUTH_SECRET: "cluster-tests-secret-not-for-production-0123456789",
    SHUTDOWN_DRAIN_MS: "2500",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const instances: Instance[] = [];
  const count = options.instances ?? 2;
  for (let i = 0; i < count; i++) {
    const port = await freePort("app");
    const name = `app${i + 1}`;
    const log = path.join(logs, `${name}.log`);
    // The first one migrates; the others start once it has (they would take turns anyway).
    const child = startInstance(env, port, log);
    const instance = { name, port, url: `http://127.0.0.1:${port}`, log, child, env };
    instances.push(instance);
    if (i === 0) await waitReady(instance);
  }
  await Promise.all(instances.slice(1).map(waitReady));

  // With no instance, no proxy either (tests of the database alone).
  let proxy: ChildProcess | undefined;
  let proxyPort = 0;
  let statsPort = 0;
  const proxyLog = path.join(logs, "haproxy.log");
  if (count > 0) {
    const proxyDir = path.join(dir, "haproxy");
    mkdirSync(proxyDir, { recursive: true });
    proxyPort = await freePort("proxy");
    statsPort = await freePort("proxy");
    const config = writeProxyConfig({
      dir: proxyDir,
      port: proxyPort,
      statsPort,
      instances: instances.map((i) => ({ name: i.name, port: i.port })),
      foreground: true,
    });
    const proxyOut = openSync(proxyLog, "w");
    proxy = spawn(haproxy, haproxyArgs(config, { foreground: true }), { stdio: ["ignore", proxyOut, proxyOut] });
    closeSync(proxyOut);
  }
  const url = `http://127.0.0.1:${proxyPort}`;

  const cluster = {
    dir,
    pg,
    primary,
    replica,
    databaseUrl,
    replicaUrl,
    instances,
    url,
    statsPort,
    proxyLog,
    /** The state of each instance in haproxy's `ready` pool. */
    async readyStates(): Promise<Record<string, string>> {
      const states = await proxyStates(statsPort);
      return Object.fromEntries(states.filter((s) => s.proxy === "ready").map((s) => [s.server, s.status]));
    },
    /** Waits until haproxy sees each named instance in `status` (UP or DOWN). */
    async waitForProxy(expected: Record<string, "UP" | "DOWN">, timeoutMs = 30_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const states = await cluster.readyStates().catch(() => ({}) as Record<string, string>);
        if (Object.entries(expected).every(([name, s]) => states[name]?.split(" ")[0] === s)) return;
        if (Date.now() > deadline) throw new Error(`haproxy: ${JSON.stringify(states)}, attendu ${JSON.stringify(expected)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** Starts an instance again on its port (after it was killed or stopped). */
    async restart(instance: Instance): Promise<void> {
      instance.child = startInstance(instance.env, instance.port, instance.log);
      await waitReady(instance);
    },
    log(instance: Instance): string {
      return readFileSync(instance.log, "utf8");
    },
    async stop(): Promise<void> {
      proxy?.kill("SIGKILL");
      await Promise.all(instances.map((i) => endChild(i.child)));
      if (replica) stopPg(pg, replica, "immediate");
      if (isPgRunning(pg, primary)) stopPg(pg, primary, "immediate");
      if (process.env.KEEP_CLUSTER !== "1") rmSync(dir, { recursive: true, force: true });
    },
  };
  if (count > 0) await cluster.waitForProxy(Object.fromEntries(instances.map((i) => [i.name, "UP"])));
  return cluster;
}

async function waitReady(instance: Instance): Promise<void> {
  const child = instance.child;
  const ok = await waitForOk(`${instance.url}/api/ready`, { alive: () => child.exitCode === null && child.signalCode === null });
  if (!ok) throw new Error(`${instance.name} did not become ready; see ${instance.log}:\n${readFileSync(instance.log, "utf8").slice(-2000)}`);
}

/** Ends a test's child process (SIGTERM, then SIGKILL after 15 s). */
export function endChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}
