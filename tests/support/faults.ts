// Faults injected with real parts: triggers the test creates on its throwaway database, which
// fail or hold a chosen write. Each trigger fires only for the rows its condition names (the
// test's own app), so test files sharing the database are not touched.
import { randomBytes, randomInt } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { getDb } from "@/db";

export type Timing = "before" | "after" | "at-commit";

async function installTrigger(table: string, timing: Timing, when: string, body: string): Promise<() => Promise<void>> {
  const name = `rdv_fault_${randomBytes(6).toString("hex")}`;
  const db = await getDb();
  await db.execute(
    sql.raw(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF ${when} THEN ${body} END IF;
        RETURN NEW;
      END $$`),
  );
  // At COMMIT: a deferred constraint trigger runs while the transaction commits, before it is.
  const create =
    timing === "at-commit"
      ? `CREATE CONSTRAINT TRIGGER ${name} AFTER INSERT ON ${table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${name}()`
      : `CREATE TRIGGER ${name} ${timing.toUpperCase()} INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`;
  await db.execute(sql.raw(create));
  return async () => {
    const db = await getDb();
    await db.execute(sql.raw(`DROP TRIGGER IF EXISTS ${name} ON ${table}`));
    await db.execute(sql.raw(`DROP FUNCTION IF EXISTS ${name}()`));
  };
}

/**
 * Inserts into `table` whose row matches `when` (SQL on NEW) fail with an internal error
 * (SQLSTATE XX000, not the caller's fault) until the returned function removes the trigger.
 */
export function failInsert(table: string, when: string, timing: Timing = "before") {
  return installTrigger(table, timing, when, `RAISE EXCEPTION 'fault injected on ${table}' USING ERRCODE = 'XX000';`);
}

/**
 * A gate on the PostgreSQL server: while it is closed, the writes a `pauseInsert` trigger
 * watches wait in the database, inside their transaction, for it to open. The test holds the
 * gate as a session advisory lock on a connection of its own, sees who waits in pg_locks, and
 * may then kill or cut off the waiting request before opening.
 */
export async function openGate(databaseUrl: string) {
  // Random: test files run side by side on one database, each with its own gates.
  const key = randomInt(1, 2 ** 31);
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const conn = await admin.reserve();
  let closed = false;
  return {
    key,
    async close() {
      await conn`SELECT pg_advisory_lock(${key}::bigint)`;
      closed = true;
    },
    async open() {
      if (closed) await conn`SELECT pg_advisory_unlock(${key}::bigint)`;
      closed = false;
    },
    /** The backend pids waiting at the gate now. */
    async waiting(): Promise<number[]> {
      const rows = await conn<{ pid: number }[]>`
        SELECT pid FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND classid = 0 AND objid = ${key} AND objsubid = 1`;
      return rows.map((r) => r.pid);
    },
    /** The backend pids waiting at the gate, once `count` of them are. */
    async waiters(count = 1): Promise<number[]> {
      for (let i = 0; i < 600; i++) {
        const pids = await this.waiting();
        if (pids.length >= count) return pids;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`nobody reached gate ${key}`);
    },
    /** Cuts a backend's connection, as a PostgreSQL restart would. */
    async terminate(pid: number) {
      await conn`SELECT pg_terminate_backend(${pid})`;
      await this.gone(pid);
    },
    /** Waits until a backend has ended (its transaction committed or rolled back). */
    async gone(pid: number) {
      for (let i = 0; i < 600; i++) {
        const [row] = await conn<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`;
        if (row.n === 0) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`backend ${pid} did not end`);
    },
    async end() {
      await this.open();
      conn.release();
      await admin.end({ timeout: 5 });
    },
  };
}

export type Gate = Awaited<ReturnType<typeof openGate>>;

/**
 * Inserts into `table` whose row matches `when` wait at `gate` while it is closed (and pass
 * at once while it is open): the request holding them stops there, inside its transaction.
 */
export function pauseInsert(gate: Gate, table: string, when: string, timing: Timing) {
  return installTrigger(table, timing, when, `PERFORM pg_advisory_xact_lock_shared(${gate.key}::bigint);`);
}
