// withTransaction (db/index.ts): the domain's getDb() joins it, a savepoint fails alone, work
// detached from it does not join it. On PostgreSQL, a connection lost inside a transaction
// fails that transaction and leaves the pool whole (db/postgres-transaction.ts).
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterEach, describe, expect, it } from "vitest";
import { detached, executeRows, getDb, inTransaction, withTransaction } from "@/db";
import { apps } from "@/db/schema";

const onServer = Boolean(process.env.DATABASE_URL);

async function appExists(id: string) {
  const db = await getDb();
  return (await db.select({ id: apps.id }).from(apps).where(eq(apps.id, id))).length === 1;
}

async function insertApp(name: string) {
  const db = await getDb();
  const [app] = await db.insert(apps).values({ name }).returning({ id: apps.id });
  return app.id;
}

describe("withTransaction", () => {
  it("commits what getDb() wrote inside it, or nothing when it throws", async () => {
    const kept = await withTransaction(async () => {
      expect(inTransaction()).toBe(true);
      return insertApp("tx kept");
    });
    expect(inTransaction()).toBe(false);
    expect(await appExists(kept)).toBe(true);

    let dropped = "";
    await expect(
      withTransaction(async () => {
        dropped = await insertApp("tx dropped");
        expect(await appExists(dropped)).toBe(true);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(dropped).not.toBe("");
    expect(await appExists(dropped)).toBe(false);
  });

  it("a domain function's own transaction is a savepoint: its failure alone is undone", async () => {
    const [outer, inner] = await withTransaction(async () => {
      const outer = await insertApp("outer");
      let inner = "";
      const db = await getDb();
      await expect(
        db.transaction(async (tx) => {
          [{ id: inner }] = await tx.insert(apps).values({ name: "inner" }).returning({ id: apps.id });
          await tx.execute(sql`SELECT 1 / 0`);
        }),
      ).rejects.toThrow();
      return [outer, inner];
    });
    expect(await appExists(outer)).toBe(true);
    expect(await appExists(inner)).toBe(false);
  });

  it("work detached from the transaction does not join it", async () => {
    const { id, outside } = await withTransaction(async () => {
      const id = await insertApp("not yet committed");
      const outside = detached(async () => {
        expect(inTransaction()).toBe(false);
        return appExists(id);
      });
      // PostgreSQL answers it on another connection at once, before the commit; PGlite (one
      // connection) only once the transaction is over, so it is awaited after.
      return { id, outside: onServer ? await outside : outside };
    });
    expect(await outside).toBe(!onServer);
    expect(await appExists(id)).toBe(true);
  });
});

describe.runIf(onServer)("a connection lost inside a transaction (PostgreSQL)", () => {
  const url = process.env.DATABASE_URL!;
  const uncaught: unknown[] = [];
  const record = (err: unknown) => uncaught.push(err);
  afterEach(() => {
    process.off("uncaughtException", record);
  });

  /**
   * Every connection of the pool answers: more queries at once than it holds, twice. In the
   * first round the connection that was lost reconnects, and postgres.js 3.4.9 fails the first
   * query it runs there with the old backend's error (it keeps the last ErrorResponse across
   * the reconnect; any query cut by a backend's death does this, in or out of a transaction).
   */
  async function poolAnswers() {
    const db = await getDb();
    const width = Number(process.env.DATABASE_POOL_MAX ?? 10) * 2;
    const round = () =>
      Promise.all(
        Array.from({ length: width }, (_, i) =>
          executeRows<{ i: number }>(db, sql`SELECT ${i}::int AS i, pg_sleep(0.02)`).then(
            ([r]) => r.i,
            (err: unknown) => (err as { cause?: { code?: string } }).cause?.code ?? String(err),
          ),
        ),
      );
    const first = await round();
    const stale = first.filter((x) => typeof x !== "number");
    expect(stale.length).toBeLessThanOrEqual(1);
    for (const code of stale) expect(code).toBe("57P01");
    return round();
  }

  it.each(["during a query", "between two queries"])("%s: the transaction fails, nothing is kept, the pool stays whole", async (when) => {
    process.on("uncaughtException", record);
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    const gateKey = Math.floor(Math.random() * 2 ** 31);
    const name = `lost ${randomUUID()}`;
    try {
      await admin`SELECT pg_advisory_lock(${gateKey}::bigint)`;
      const outcome = withTransaction(async () => {
        const db = await getDb();
        await db.insert(apps).values({ name });
        const [{ pid }] = await executeRows<{ pid: number }>(db, sql`SELECT pg_backend_pid() AS pid`);
        if (when === "during a query") {
          const waiting = executeRows(db, sql`SELECT pg_advisory_lock_shared(${gateKey}::bigint)`);
          // It fails as soon as the client sees the close, which on a loaded machine can come
          // before the admin's answer to pg_terminate_backend: handled now, awaited below.
          waiting.catch(() => {});
          await waitFor(admin, waitingAtGate(pid));
          await admin`SELECT pg_terminate_backend(${pid})`;
          await waiting;
        } else {
          await admin`SELECT pg_terminate_backend(${pid})`;
          await waitFor(admin, `SELECT count(*) = 0 AS ok FROM pg_stat_activity WHERE pid = ${pid}`);
          // Let the client take in the close before the next query (the case under test: the
          // loss is known, no query in flight; a close racing a write is postgres.js's own).
          await new Promise((r) => setTimeout(r, 200));
          await executeRows(db, sql`SELECT 1`);
        }
        return "committed";
      }).then(
        (value) => ({ value }),
        (err: unknown) => ({ err }),
      );
      const result = await outcome;
      expect("err" in result).toBe(true);
    } finally {
      await admin`SELECT pg_advisory_unlock(${gateKey}::bigint)`;
      await admin.end({ timeout: 5 });
    }
    const db = await getDb();
    expect(await db.select().from(apps).where(eq(apps.name, name))).toHaveLength(0);
    const width = Number(process.env.DATABASE_POOL_MAX ?? 10) * 2;
    expect(await poolAnswers()).toEqual(Array.from({ length: width }, (_, i) => i));
    // A transaction after it works too.
    const id = await withTransaction(() => insertApp("after the loss"));
    expect(await appExists(id)).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(uncaught).toEqual([]);
  });
});

function waitingAtGate(pid: number) {
  return `SELECT count(*) = 1 AS ok FROM pg_locks WHERE pid = ${pid} AND locktype = 'advisory' AND NOT granted`;
}

async function waitFor(admin: postgres.Sql, query: string) {
  for (let i = 0; i < 400; i++) {
    const [row] = await admin.unsafe<{ ok: boolean }[]>(query);
    if (row.ok) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`never true: ${query}`);
}
