// Throwaway PostgreSQL clusters on one machine: a primary made with initdb, a streaming replica
// made from it with pg_basebackup, each in its own folder and on its own port, reachable on
// 127.0.0.1 with trust authentication (for a developer's machine and tests, never a server).
import { existsSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { PostgresRunner } from "./tools";

export type PgCluster = {
  /** The data folder (owned by the tools' user). */
  dir: string;
  port: number;
  /** The server's log, beside the data folder. */
  log: string;
};

export function pgCluster(root: string, name: string, port: number): PgCluster {
  return { dir: path.join(root, name), port, log: path.join(root, "pg-logs", `${name}.log`) };
}

export function pgUrl(cluster: PgCluster, database = "postgres"): string {
  return `postgres://postgres@127.0.0.1:${cluster.port}/${database}`;
}

export function isInitialised(cluster: PgCluster): boolean {
  return existsSync(path.join(cluster.dir, "PG_VERSION"));
}

/** initdb once: trust for local connections and replication from 127.0.0.1 (initdb's defaults). */
export function initPrimary(pg: PostgresRunner, cluster: PgCluster): void {
  if (isInitialised(cluster)) return;
  pg.folder(cluster.dir, 0o700);
  pg.run("initdb", ["-D", cluster.dir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
}

/** A streaming replica of `primary` in its own folder (standby.signal and primary_conninfo by -R). */
export function makeReplica(pg: PostgresRunner, primary: PgCluster, replica: PgCluster): void {
  if (isInitialised(replica)) return;
  pg.folder(replica.dir, 0o700);
  // -c fast: the backup's checkpoint now, rather than spread over the checkpoint interval.
  pg.run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primary.port), "-U", "postgres", "-D", replica.dir, "-R", "-X", "stream", "-c", "fast"]);
}

/**
 * Starts a cluster (and waits until it accepts connections). Port, address and socket folder
 * are given here, not written in its configuration: a replica copies the primary's files.
 */
export function startPg(pg: PostgresRunner, cluster: PgCluster, settings: Record<string, string | number> = {}): void {
  pg.folder(path.dirname(cluster.log));
  pg.run("pg_ctl", ["-D", cluster.dir, "-l", cluster.log, "-w", "-t", "120", "-o", serverOptions(cluster, settings), "start"]);
}

function serverOptions(cluster: PgCluster, settings: Record<string, string | number> = {}): string {
  return [
    `-p ${cluster.port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${cluster.dir}`,
    // A replica paused or slow must not lose the WAL it still needs (no replication slot here).
    "-c wal_keep_size=512MB",
    ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`),
  ].join(" ");
}

/** pg_ctl start/stop without blocking the caller, for clusters already set up (tests under load). */
export async function restartPgAsync(
  pg: PostgresRunner,
  cluster: PgCluster,
  action: "stop-fast" | "stop-immediate" | "start",
  settings: Record<string, string | number> = {},
): Promise<void> {
  if (action === "start") {
    await pg.runAsync("pg_ctl", ["-D", cluster.dir, "-l", cluster.log, "-w", "-t", "120", "-o", serverOptions(cluster, settings), "start"]);
  } else {
    await pg.runAsync("pg_ctl", ["-D", cluster.dir, "-m", action === "stop-fast" ? "fast" : "immediate", "-w", "-t", "60", "stop"]);
  }
}

/** Stops a cluster if it runs: `fast` ends sessions and checkpoints, `immediate` is a crash. */
export function stopPg(pg: PostgresRunner, cluster: PgCluster, mode: "fast" | "immediate" = "fast"): void {
  if (!isInitialised(cluster) || !isPgRunning(pg, cluster)) return;
  pg.run("pg_ctl", ["-D", cluster.dir, "-m", mode, "-w", "-t", "60", "stop"]);
}

export function isPgRunning(pg: PostgresRunner, cluster: PgCluster): boolean {
  return isInitialised(cluster) && pg.run("pg_ctl", ["-D", cluster.dir, "status"], { allowFailure: true }).code === 0;
}

/** Creates a database on the cluster unless it exists. */
export async function ensureDatabase(cluster: PgCluster, name: string): Promise<string> {
  const admin = postgres(pgUrl(cluster), { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as found from pg_database where datname = ${name}`;
    if (!row) await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return pgUrl(cluster, name);
}

/** Waits until the replica has replayed everything the primary had written when asked. */
export async function waitForReplay(primaryUrl: string, replicaUrl: string, timeoutMs = 60_000): Promise<void> {
  const primary = postgres(primaryUrl, { max: 1, onnotice: () => {} });
  const replica = postgres(replicaUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ lsn }] = await primary`select pg_current_wal_lsn()::text as lsn`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [{ caught }] = await replica`select coalesce(pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn, false) as caught`;
      if (caught) return;
      if (Date.now() > deadline) throw new Error(`La réplique n'a pas rejoué jusqu'à ${lsn} en ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await Promise.all([primary.end({ timeout: 2 }), replica.end({ timeout: 2 })]);
  }
}
