// The one place that opens the database. Nothing else knows which driver runs:
// DATABASE_URL set → a PostgreSQL server through postgres.js (pooled), and with
// DATABASE_REPLICA_URL a streaming replica for the reads that tolerate a short delay (withReadDb);
// unset → the embedded PGlite, its data under PGLITE_DIR (default .data/pglite). Migrated
// when opened; the demo data comes from the start-up path (lib/startup.ts), not from here.
import "server-only";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { track } from "./deadline";
import { requestContext, runWithContext } from "./request-context";
import { EmbeddedFolderError, lockEmbeddedFolder, unlockEmbeddedFolder } from "./embedded-lock";
import { type TransactionClient, transaction } from "./postgres-transaction";
import { parseLsn, ReplicaMonitor } from "./replica";
import * as schema from "./schema";
import { isUnavailable, pgErrorCode } from "../lib/contract/errors";
import { ADVISORY_LOCKS } from "./advisory-locks";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction. */
export type Queryable = Db | Tx;

type PostgresSql = import("postgres").Sql;
type Unlisten = () => Promise<void>;
/** LISTEN on a channel: `onNotify` per notification, `onListen` each time listening (re)starts. */
type Listen = (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<Unlisten>;
type Handle = {
  db: Db;
  driver: "postgres" | "pglite";
  listen: Listen;
  /** Ends the pools; queries still running after `timeoutSeconds` are cut. */
  close: (timeoutSeconds?: number) => Promise<void>;
  /** The replica's pool and its monitor, when DATABASE_REPLICA_URL names one. */
  replica?: { db: Db; monitor: ReplicaMonitor };
};

/**
 * The primary's WAL position a read must include: the caller's last write's (read-your-writes),
 * or a lookup of it, run only when the replica could otherwise serve. Nothing: any recent state.
 */
export type ReadAfter = string | null | undefined | (() => Promise<string | null | undefined>);

declare global {
  // Kept on globalThis so dev reloads reuse the one instance: two PGlite instances on one
  // folder lose writes without an error.
  var __rendezvousDb: Promise<Handle> | undefined;
}

const MIGRATIONS = path.join(process.cwd(), "db/migrations");
// Any fixed number: held while migrating so app instances starting together take turns.
const MIGRATION_LOCK = ADVISORY_LOCKS.migrations;


/**
 * The database, opened and migrated on first use (never at import: `next build` imports
 * modules). Inside `withTransaction`, the open transaction: the domain's functions join it
 * without a handle passed down to them.
 */
export function getDb(): Promise<Db> {
  // The transaction opened by `withTransaction` for the code running inside it; once it ended
  // (`open` false), work started inside and still running (fire-and-forget) uses the database.
  const current = requestContext.getStore()?.transaction;
  if (current?.open) return Promise.resolve(current.tx as unknown as Db);
  // The same promise every call, not an async function: it runs on every query of every
  // request, and each promise made costs the async-context hook on Node 20.
  const opening = handle();
  if (primary?.opening !== opening) primary = { opening, db: opening.then((h) => h.db) };
  return primary.db;
}

let primary: { opening: Promise<Handle>; db: Promise<Db> } | undefined;

/**
 * Runs fn in one transaction that every `getDb()` inside it joins: all its writes commit
 * together or not at all (a domain function's own `db.transaction` becomes a savepoint).
 * fn must not wait for work that queries outside it: on PGlite (one connection) such a query
 * waits for this transaction to end, forever.
 */
export async function withTransaction<T>(fn: () => Promise<T>): Promise<T> {
  const outer = await getDb();
  return outer.transaction(async (tx) => {
    const scope = { tx, open: true };
    try {
      return await runWithContext(Object.assign({}, requestContext.getStore(), { transaction: scope }), fn);
    } finally {
      scope.open = false;
    }
  });
}

/** Whether the caller runs inside `withTransaction`. */
export function inTransaction(): boolean {
  return requestContext.getStore()?.transaction?.open === true;
}

/**
 * Runs fn outside any ambient transaction: for fire-and-forget work (sweeps) started during a
 * request, which must neither join nor outlive the request's transaction.
 */
export function detached<T>(fn: () => T): T {
  const current = requestContext.getStore();
  return current?.transaction ? runWithContext({ ...current, transaction: undefined }, fn) : fn();
}

/**
 * Runs a read that tolerates a delay of up to REPLICA_MAX_LAG_MS (2 s): on the replica when
 * one is configured, answering, close enough behind the primary and past the caller's last
 * write (`after`); on the primary otherwise. A replica that fails the read (gone, or the
 * query cancelled by replay) is left aside until its next check, and the read runs on the
 * primary. Inside a transaction, always the transaction. The read must only read.
 */
export async function withReadDb<T>(after: ReadAfter, read: (db: Db) => Promise<T>): Promise<T> {
  if (inTransaction()) return read(await getDb());
  const h = await handle();
  const replica = h.replica;
  if (replica?.monitor.usable()) {
    const position = parseLsn(typeof after === "function" ? await after() : after);
    if (replica.monitor.usable(position)) {
      try {
        return await read(replica.db);
      } catch (err) {
        if (!replicaFault(err)) throw err;
        replica.monitor.reportFailure(err);
      }
    }
  }
  return read(h.db);
}

/** Whether DATABASE_REPLICA_URL is in use (on a server database): writes then leave their mark. */
export function replicaConfigured(): boolean {
  // As decided when the database opened: the environment is slow to read on every request.
  return replicaInUse ?? Boolean(process.env.DATABASE_URL && process.env.DATABASE_REPLICA_URL);
}

let replicaInUse: boolean | undefined;

/** How far behind the primary a replica may be and still serve reads (REPLICA_MAX_LAG_MS). */
export function replicaMaxLagMs(): number {
  return Number(process.env.REPLICA_MAX_LAG_MS ?? 2000);
}

/**
 * The primary's WAL position now, to be passed back as `after` by the caller's next reads: taken
 * after a write has committed, it is past that write. Null when no replica is in use.
 */
export async function primaryPosition(): Promise<string | null> {
  if (!replicaConfigured()) return null;
  const db = await detached(() => getDb());
  const [row] = await executeRows<{ lsn: string }>(db, sql`select pg_current_wal_lsn()::text as lsn`);
  return row?.lsn ?? null;
}

/** The replica's state (after a check now, if `check`); undefined without one. */
export async function replicaState(options: { check?: boolean } = {}) {
  const monitor = (await handle()).replica?.monitor;
  if (options.check) await monitor?.check();
  return monitor?.current;
}

/**
 * Notifications of a channel (NOTIFY is sent on commit). On a server, one connection of this
 * process listens, reconnecting by itself (`onListen` runs again then: notifications may have
 * been missed meanwhile); on the embedded database, in process.
 */
export async function listen(channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<Unlisten> {
  return (await handle()).listen(channel, onNotify, onListen);
}

export async function getDriver(): Promise<Handle["driver"]> {
  return (await handle()).driver;
}

/** Closes the database; on a server, queries still running after `timeoutSeconds` (5) are cut. */
export async function closeDb(timeoutSeconds = 5): Promise<void> {
  const current = globalThis.__rendezvousDb;
  globalThis.__rendezvousDb = undefined;
  replicaInUse = undefined;
  if (current) await (await current).close(timeoutSeconds);
}

function handle(): Promise<Handle> {
  globalThis.__rendezvousDb ??= open().catch((err) => {
    globalThis.__rendezvousDb = undefined;
    throw err;
  });
  return globalThis.__rendezvousDb;
}

async function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  replicaInUse = Boolean(url && process.env.DATABASE_REPLICA_URL);
  return url ? openServer(url) : openEmbedded(process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data/pglite"));
}

async function openServer(url: string): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const { client, db } = await serverPool(url, Number(process.env.DATABASE_POOL_MAX ?? 10));
  // Migrate on one dedicated connection holding a session advisory lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client: migrator, casing: "snake_case" }), { migrationsFolder: MIGRATIONS });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const replicaUrl = process.env.DATABASE_REPLICA_URL;
  const replica = replicaUrl ? await openReplica(url, replicaUrl) : undefined;
  return {
    db,
    driver: "postgres",
    listen: async (channel, onNotify, onListen) => {
      const request = await client.listen(channel, onNotify, onListen);
      return () => request.unlisten();
    },
    replica: replica && { db: replica.db, monitor: replica.monitor },
    close: async (timeoutSeconds = 5) => {
      await replica?.close(timeoutSeconds);
      await client.end({ timeout: timeoutSeconds });
    },
  };
}

/**
 * The replica's pool and its monitor: two one-connection probes (primary and replica) apart from
 * the pools, so a check never waits behind requests. The first check runs now, so a
 * DATABASE_REPLICA_URL naming a primary or nothing is reported at start.
 */
async function openReplica(primaryUrl: string, replicaUrl: string) {
  const { default: postgres } = await import("postgres");
  const max = Number(process.env.DATABASE_REPLICA_POOL_MAX ?? process.env.DATABASE_POOL_MAX ?? 10);
  const { client, db } = await serverPool(replicaUrl, max);
  const probeOptions = { max: 1, onnotice: () => {}, connect_timeout: 2, connection: { application_name: "rendez-vous-probe" } };
  const primaryProbe = postgres(primaryUrl, probeOptions);
  const replicaProbe = postgres(replicaUrl, probeOptions);
  const monitor = new ReplicaMonitor(primaryProbe, replicaProbe, {
    maxLagMs: replicaMaxLagMs(),
    checkEveryMs: Number(process.env.REPLICA_CHECK_MS ?? 1000),
  });
  await monitor.check();
  monitor.start();
  return {
    db,
    monitor,
    close: async (timeoutSeconds = 5) => {
      monitor.stop();
      await Promise.all([client.end({ timeout: timeoutSeconds }), primaryProbe.end({ timeout: 2 }), replicaProbe.end({ timeout: 2 })]);
    },
  };
}

/** A pool on a PostgreSQL server, as the app queries it. */
async function serverPool(url: string, max: number) {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // A server that went away is asked again soon: postgres.js's default backoff grows to 20 s
    // between attempts, so requests kept failing 5–11 s after PostgreSQL was back.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5),
    connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT_S ?? 5),
    connection: {
      application_name: "rendez-vous",
      // Web requests never wait long on one statement: a slow query answers 503, the process stays.
      statement_timeout: Number(process.env.DATABASE_STATEMENT_TIMEOUT_MS ?? 5000),
      idle_in_transaction_session_timeout: 30_000,
    },
  });
  const db = drizzle({ client: alwaysPrepared(client), schema, casing: "snake_case", logger: process.env.DB_LOG === "1" }) as unknown as Db;
  return { client, db };
}

/**
 * A read on the replica that failed because of the replica: unreachable or lost (the same
 * errors that make the primary answer 503), or cancelled by a conflict with replay (40001).
 */
function replicaFault(err: unknown): boolean {
  return isUnavailable(err) || pgErrorCode(err) === "40001";
}

/**
 * Drizzle asks postgres.js for unnamed statements unless a query is `.prepare()`d by name, so
 * every query is parsed and planned again. Measured on `get`: twice the requests per second
 * with named prepared statements. This makes every query (transactions too) a prepared one;
 * postgres.js keeps them per connection, keyed by the SQL text. Transactions run through
 * ./postgres-transaction.ts rather than postgres.js's `begin()`, which mishandles a connection
 * lost mid-transaction.
 */
const notPipelined = () => false;
// Merged with Object.assign on every query: on Node 20 `{ ...options, key }` costs ~300 ns.
const PREPARED = { prepare: true, onexecute: notPipelined };

function alwaysPrepared<T extends object>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "unsafe") {
        // Tracked: a request given up at its deadline drops or cancels them (./deadline.ts).
        // No pipelining (onexecute answering false marks the connection full until this
        // statement is done): a statement written behind another request's on a busy connection
        // could be neither cancelled (PostgreSQL's cancel stops what that backend runs) nor
        // dropped at its deadline, so a create answered 503 could commit once a lock went.
        // Waiting in the pool's queue instead, it is dropped (./deadline.ts).
        return (query: string, params?: unknown[], options?: object) =>
          track(
            (value as (...a: unknown[]) => ReturnType<PostgresSql["unsafe"]>).call(target, query, params, Object.assign({}, options, PREPARED)),
          );
      }
      if (prop === "begin") {
        return (...args: unknown[]) => {
          const fn = args[args.length - 1] as (tx: TransactionClient) => Promise<unknown>;
          const options = args.length > 1 ? String(args[0]) : "";
          return transaction(target as unknown as PostgresSql, fn, options);
        };
      }
      return value;
    },
  });
}

async function openEmbedded(dir: string): Promise<Handle> {
  if (process.env.DATABASE_REPLICA_URL) console.log("[db] DATABASE_REPLICA_URL ignorée : la base embarquée n'a pas de réplique");
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const inMemory = dir.startsWith("memory://");
  if (!inMemory) {
    mkdirSync(dir, { recursive: true });
    lockEmbeddedFolder(dir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    // PGLITE_TEMPLATE (the tests): an in-memory database starts from this dump of a migrated
    // one (PGlite's dumpDataDir) rather than from initdb, the slow part of opening one.
    const template = inMemory ? process.env.PGLITE_TEMPLATE : undefined;
    const loadDataDir = template ? new Blob([readFileSync(template)]) : undefined;
    client = await PGlite.create(dir, { extensions: { btree_gist }, loadDataDir });
    await client.query("select 1");
  } catch (err) {
    if (!inMemory) unlockEmbeddedFolder(dir);
    throw new EmbeddedFolderError(
      `La base embarquée ${dir} ne s'ouvre pas (${(err as Error).message ?? err}). ` +
        "Disque plein : libérez de la place. Dossier endommagé : restaurez une sauvegarde " +
        "(npm run db:restore -- <fichier>) ou déplacez le dossier pour repartir d'une base neuve.",
    );
  }
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  await migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder: MIGRATIONS });
  return {
    db,
    driver: "pglite",
    listen: async (channel, onNotify, onListen) => {
      const unlisten = await client.listen(channel, onNotify);
      onListen?.();
      return () => unlisten();
    },
    close: async () => {
      await client.close();
      if (!inMemory) unlockEmbeddedFolder(dir);
    },
  };
}

/** Rows of a raw `db.execute(sql…)`: postgres.js answers an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function executeRows<T>(db: Queryable, query: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}

export { schema };
