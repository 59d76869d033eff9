// db/deadline.ts on PostgreSQL: a request given up at its deadline cancels its statements until
// each has stopped. PostgreSQL ignores a cancel that reaches the backend before it has read the
// statement (seen on a loaded machine: a create answered 503 committed once a lock went); here
// that lost cancel is injected, and the write must still never land.
import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { runInDeadline, track, withDeadline } from "@/db/deadline";
import { requestContext } from "@/db/request-context";

const url = process.env.DATABASE_URL;

describe.runIf(url)("a given-up request's statements (PostgreSQL)", () => {
  const admin = postgres(url!, { max: 1, onnotice: () => {} });
  const client = postgres(url!, { max: 2, onnotice: () => {} });
  // The schema (getDb migrates the test database).
  beforeAll(() => getDb());
  afterAll(() => Promise.all([admin.end(), client.end()]));

  type Query = ReturnType<typeof client.unsafe> & { canceller?: ((q: unknown) => unknown) | null };

  /** An insert into apps that first waits on the advisory lock `key`, as a write waits on a lock. */
  function gatedInsert(name: string, key: number): Query {
    return client.unsafe(`INSERT INTO apps (name) SELECT $1 FROM (SELECT pg_advisory_xact_lock($2::bigint)) AS gate`, [name, key]) as Query;
  }

  /** Makes the query's cancels get lost while `lose()` says so (counting every attempt). */
  function losing(q: Query, lose: () => boolean) {
    const real = q.canceller!;
    const attempts = { lost: 0, sent: 0 };
    q.canceller = (query) => {
      if (lose()) return void attempts.lost++;
      attempts.sent++;
      return real(query);
    };
    return attempts;
  }

  async function stored(name: string) {
    return (await admin`SELECT count(*)::int AS n FROM apps WHERE name = ${name}`)[0].n as number;
  }

  it("a lost cancel is sent again: the statement stops within the grace, and nothing lands after the lock goes", async () => {
    const key = Math.floor(Math.random() * 2 ** 31);
    const name = `late ${randomUUID()}`;
    await admin`SELECT pg_advisory_lock(${key}::bigint)`;
    let query: Query | undefined;
    let attempts = { lost: 0, sent: 0 };
    let first = true;
    try {
      const outcome = withDeadline(
        300,
        (scope) =>
          runInDeadline(scope, async () => {
            query = track(gatedInsert(name, key));
            attempts = losing(query, () => (first ? !(first = false) : false));
            return query;
          }),
        () => new Error("given up"),
        2000,
      );
      await expect(outcome).rejects.toThrow("given up");
      await expect(query!).rejects.toMatchObject({ code: "57014" });
    } finally {
      await admin`SELECT pg_advisory_unlock(${key}::bigint)`;
    }
    expect(attempts.lost).toBe(1);
    expect(attempts.sent).toBeGreaterThanOrEqual(1);
    expect(await stored(name)).toBe(0);
  });

  it("past the grace the request is answered, and its statement is still cancelled until it stops", async () => {
    const key = Math.floor(Math.random() * 2 ** 31);
    const name = `later ${randomUUID()}`;
    await admin`SELECT pg_advisory_lock(${key}::bigint)`;
    let query: Query | undefined;
    let attempts = { lost: 0, sent: 0 };
    let answered = false;
    try {
      const outcome = withDeadline(
        200,
        (scope) =>
          runInDeadline(scope, async () => {
            query = track(gatedInsert(name, key));
            // Every cancel is lost until the request has been answered.
            attempts = losing(query, () => !answered);
            return query;
          }),
        () => new Error("given up"),
        300,
      );
      await expect(outcome).rejects.toThrow("given up");
      answered = true;
      await expect(query!).rejects.toMatchObject({ code: "57014" });
    } finally {
      await admin`SELECT pg_advisory_unlock(${key}::bigint)`;
    }
    expect(attempts.lost).toBeGreaterThanOrEqual(1);
    expect(attempts.sent).toBeGreaterThanOrEqual(1);
    expect(await stored(name)).toBe(0);
  });

  it("statements that ended before the deadline are left alone: only the one still running is cancelled", async () => {
    const key = Math.floor(Math.random() * 2 ** 31);
    const name = `after reads ${randomUUID()}`;
    await admin`SELECT pg_advisory_lock(${key}::bigint)`;
    // Every cancel is sent, and counted (losing none).
    const ended: { lost: number; sent: number }[] = [];
    let running: Query | undefined;
    let runningCancels = { lost: 0, sent: 0 };
    try {
      const outcome = withDeadline(
        300,
        (scope) =>
          runInDeadline(scope, async () => {
            // Settled one way and the other: the deadline must forget both.
            const ok = track(client.unsafe("SELECT 1 AS one") as Query);
            ended.push(losing(ok, () => false));
            await ok;
            const failed = track(client.unsafe("SELECT 1/0") as Query);
            ended.push(losing(failed, () => false));
            await failed.catch(() => {});
            running = track(gatedInsert(name, key));
            runningCancels = losing(running, () => false);
            return running;
          }),
        () => new Error("given up"),
        2000,
      );
      await expect(outcome).rejects.toThrow("given up");
      await expect(running!).rejects.toMatchObject({ code: "57014" });
    } finally {
      await admin`SELECT pg_advisory_unlock(${key}::bigint)`;
    }
    expect(ended.map((a) => a.sent)).toEqual([0, 0]);
    expect(runningCancels.sent).toBeGreaterThanOrEqual(1);
    expect(await stored(name)).toBe(0);
  });

  it("outside the request context, a statement given its deadline is cancelled all the same; a read-only call is answered at once", async () => {
    const key = Math.floor(Math.random() * 2 ** 31);
    const name = `explicit ${randomUUID()}`;
    await admin`SELECT pg_advisory_lock(${key}::bigint)`;
    let query: Query | undefined;
    let cancels = { lost: 0, sent: 0 };
    let read: Query | undefined;
    try {
      const outcome = withDeadline(
        300,
        async (scope) => {
          expect(requestContext.getStore()?.deadline).toBeUndefined();
          query = track(gatedInsert(name, key), scope);
          cancels = losing(query, () => false);
          return query;
        },
        () => new Error("given up"),
        2000,
      );
      await expect(outcome).rejects.toThrow("given up");
      await expect(query!).rejects.toMatchObject({ code: "57014" });
      expect(cancels.sent).toBeGreaterThanOrEqual(1);

      // A read-only call's statement is not its deadline's: nothing waits for it (a grace far
      // longer than the test's timeout would fail the test), and it is left to run.
      const answered = withDeadline(
        100,
        async (scope) => {
          scope.readOnly = true;
          read = client.unsafe(`SELECT 1 AS ran FROM (SELECT pg_advisory_xact_lock($1::bigint)) AS gate`, [key]) as Query;
          return read;
        },
        () => new Error("given up"),
        10 * 60_000,
      );
      await expect(answered).rejects.toThrow("given up");
    } finally {
      await admin`SELECT pg_advisory_unlock(${key}::bigint)`;
    }
    expect(await read!).toEqual([{ ran: 1 }]);
    expect(await stored(name)).toBe(0);
  });
});
