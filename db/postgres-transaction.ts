// Transactions on postgres.js (the server driver) without its own `begin()`.
//
// postgres.js 3.4.9 answers a connection lost inside a transaction (PostgreSQL restarted, the
// backend terminated, the network cut) by writing ROLLBACK to it all the same: the write lands
// on the closed socket from a timer, an uncaught TypeError, and the connection keeps the
// unsent bytes, so every later reconnect of it ends in CONNECT_TIMEOUT; queries sent to it in
// the meantime hang (porsager/postgres#1208, #1215; reproduced here with pg_terminate_backend).
// Here a transaction runs on a reserved connection, and once that connection is lost nothing
// more is written to it and it is not handed back: the pool reconnects it, clean, when needed.
// A transaction of a request given up at its deadline (./deadline.ts) never begins if it was
// still waiting for its connection, and rolls back instead of committing otherwise.
// The rest follows postgres.js: a query that failed inside a transaction or savepoint fails it
// even if the code caught the error (PostgreSQL would turn the COMMIT into a ROLLBACK), and a
// savepoint's failure rolls back to it.
import type postgres from "postgres";
import { AppError } from "../lib/contract/errors";
import { abandoned, track } from "./deadline";

type Sql = postgres.Sql;
type Reserved = postgres.ReservedSql;
type Query = ReturnType<Sql["unsafe"]>;
/** What postgres.js hands the `onexecute` hook: the connection, whose `onclose` it calls. */
type Connection = { onclose?: ((err: unknown) => void) | null };

/** The client a transaction's queries go through, as drizzle uses it. */
export type TransactionClient = {
  unsafe: (query: string, params?: unknown[], options?: object) => Query;
  savepoint: (...args: unknown[]) => Promise<unknown>;
};

/** An error after which the connection is gone: nothing more may be written to it. */
export function isConnectionLoss(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const { code, severity } = err as { code?: unknown; severity?: unknown };
  if (severity === "FATAL" || severity === "PANIC") return true;
  if (typeof code !== "string") return false;
  return (
    code.startsWith("CONNECTION_") ||
    ["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNREFUSED"].includes(code) ||
    // connection_exception, and admin/crash shutdown, database dropped… (not 57014, a cancel)
    code.startsWith("08") ||
    code.startsWith("57P")
  );
}

type Link = { conn: Reserved; lost: unknown; savepoints: number };

/** A transaction, or a savepoint inside one: the client its code queries through. */
function scope(link: Link) {
  let failure: { err: unknown } | undefined;
  const client: TransactionClient = {
    unsafe(query, params, options) {
      if (link.lost) return lostQuery(link.lost);
      // Object.assign: a spread then a key costs ~300 ns a query on Node 20.
      const q = track(link.conn.unsafe(query, params as never[], Object.assign({}, options, { prepare: true })));
      // Watches the outcome beside the caller (who may catch it); the query runs as before.
      q.catch((err: unknown) => {
        failure ??= { err };
        if (isConnectionLoss(err)) link.lost ??= err;
      });
      return q;
    },
    async savepoint(...args: unknown[]) {
      const fn = args[args.length - 1] as (client: TransactionClient) => Promise<unknown>;
      const name = `s${++link.savepoints}`;
      await client.unsafe(`savepoint ${name}`);
      const inner = scope(link);
      try {
        const result = await fn(inner.client);
        inner.check();
        return result;
      } catch (err) {
        if (!link.lost) await client.unsafe(`rollback to ${name}`);
        throw err;
      }
    },
  };
  return {
    client,
    /** Throws the first failed query's error, if any. */
    check() {
      if (failure) throw failure.err;
    },
  };
}

/** Runs fn in a transaction on one reserved connection of `sql` (see the top of the file). */
export async function transaction<T>(sql: Sql, fn: (client: TransactionClient) => Promise<T>, options = ""): Promise<T> {
  // As postgres.js reads its `begin(options, fn)`: isolation level, read only…
  const mode = options.replace(/[^a-z ]/gi, "");
  const conn = await sql.reserve();
  // Its request was given up while it waited for a connection: it must not begin.
  if (abandoned()) {
    conn.release();
    throw givenUp();
  }
  const link: Link = { conn, lost: undefined, savepoints: 0 };
  let connection: Connection | undefined;
  const onexecute = (c: Connection) => {
    connection = c;
    // Also lost between two queries, while our code runs: the pool calls this on close.
    c.onclose = (err) => {
      link.lost ??= err ?? new Error("connection closed");
    };
    return true;
  };
  const root = scope(link);
  try {
    await root.client.unsafe(mode ? `begin ${mode}` : "begin", [], { onexecute });
    const result = await fn(root.client);
    root.check();
    // Its request was answered 503 at its deadline: what it did must not stay.
    if (abandoned()) throw givenUp();
    await root.client.unsafe("commit");
    return result;
  } catch (err) {
    if (!link.lost) await root.client.unsafe("rollback").catch(() => {});
    throw err;
  } finally {
    if (!link.lost) {
      if (connection) connection.onclose = null;
      conn.release();
    }
  }
}

function givenUp(): AppError {
  return new AppError("service-unavailable", "La requête a attendu trop longtemps la base de données, réessayez dans quelques secondes");
}

/** A query refused without being sent: it rejects when awaited (never unhandled otherwise). */
function lostQuery(cause: unknown): Query {
  const err = Object.assign(new Error("connection lost during the transaction", { cause }), {
    code: "CONNECTION_CLOSED",
  });
  const fail = () => Promise.reject(err);
  const query = {
    then: (onValue?: (v: never) => unknown, onError?: (e: unknown) => unknown) => fail().then(onValue, onError),
    catch: (onError: (e: unknown) => unknown) => fail().catch(onError),
    finally: (fn: () => void) => fail().finally(fn),
    values: () => query,
    raw: () => query,
  };
  return query as unknown as Query;
}
