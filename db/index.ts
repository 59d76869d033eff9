// The one place that opens the database. Nothing else knows which driver runs:
// DATABASE_URL set → a PostgreSQL server through postgres.js (pooled);
// unset → the embedded PGlite, its data under PGLITE_DIR (default .data/pglite). Migrated
// when opened; the demo data comes from the start-up path (lib/startup.ts), not from here.
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { EmbeddedFolderError, lockEmbeddedFolder, unlockEmbeddedFolder } from "./embedded-lock";
import { type TransactionClient, transaction } from "./postgres-transaction";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or an open transaction. */
export type Queryable = Db | Tx;

type PostgresSql = import("postgres").Sql;
type Unlisten = () => Promise<void>;
/** LISTEN on a channel: `onNotify` per notification, `onListen` each time listening (re)starts. */
type Listen = (channel: string, onNotify: (payload: string) => void, onListen?: () => void) => Promise<Unlisten>;
type Handle = { db: Db; driver: "postgres" | "pglite"; close: () => Promise<void>; listen: Listen };

declare global {
  // Kept on globalThis so dev reloads reuse the one instance: two PGlite instances on one
  // folder lose writes without an error.
  var __rendezvousDb: Promise<Handle> | undefined;
}

const MIGRATIONS = path.join(process.cwd(), "db/migrations");
// Any fixed number: held while migrating so app instances starting together take turns.
const MIGRATION_LOCK = 727_001;

/**
 * The transaction opened by `withTransaction` for the code running inside it. `open` turns
 * false when it ends, so work started inside and still running after (fire-and-forget) falls
 * back to the database instead of a finished transaction.
 */
const ambient = new AsyncLocalStorage<{ tx: Tx; open: boolean }>();

/**
 * The database, opened and migrated on first use (never at import: `next build` imports
 * modules). Inside `withTransaction`, the open transaction: the domain's functions join it
 * without a handle passed down to them.
 */
export async function getDb(): Promise<Db> {
  const current = ambient.getStore();
  if (current?.open) return current.tx as unknown as Db;
  return (await handle()).db;
}

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
      return await ambient.run(scope, fn);
    } finally {
      scope.open = false;
    }
  });
}

/** Whether the caller runs inside `withTransaction`. */
export function inTransaction(): boolean {
  return ambient.getStore()?.open === true;
}

/**
 * Runs fn outside any ambient transaction: for fire-and-forget work (sweeps) started during a
 * request, which must neither join nor outlive the request's transaction.
 */
export function detached<T>(fn: () => T): T {
  return ambient.exit(fn);
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

export async function closeDb(): Promise<void> {
  const current = globalThis.__rendezvousDb;
  globalThis.__rendezvousDb = undefined;
  if (current) await (await current).close();
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
  return url ? openServer(url) : openEmbedded(process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data/pglite"));
}

async function openServer(url: string): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
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
  // Migrate on one dedicated connection holding a session advisory lock.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client: migrator, casing: "snake_case" }), { migrationsFolder: MIGRATIONS });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  const listen: Listen = async (channel, onNotify, onListen) => {
    const request = await client.listen(channel, onNotify, onListen);
    return () => request.unlisten();
  };
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }), listen };
}

/**
 * Drizzle asks postgres.js for unnamed statements unless a query is `.prepare()`d by name, so
 * every query is parsed and planned again. Measured on `get`: twice the requests per second
 * with named prepared statements. This makes every query (transactions too) a prepared one;
 * postgres.js keeps them per connection, keyed by the SQL text. Transactions run through
 * ./postgres-transaction.ts rather than postgres.js's `begin()`, which mishandles a connection
 * lost mid-transaction.
 */
function alwaysPrepared<T extends object>(sql: T): T {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "unsafe") {
        return (query: string, params?: unknown[], options?: object) =>
          (value as (...a: unknown[]) => unknown).call(target, query, params, { ...options, prepare: true });
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
    client = await PGlite.create(dir, { extensions: { btree_gist } });
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
  const listen: Listen = async (channel, onNotify, onListen) => {
    const unlisten = await client.listen(channel, onNotify);
    onListen?.();
    return () => unlisten();
  };
  return {
    db,
    driver: "pglite",
    listen,
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
