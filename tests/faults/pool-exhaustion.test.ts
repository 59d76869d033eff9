// The pool exhausted by slow statements: two instances with two connections each
// (DATABASE_POOL_MAX=2) behind haproxy, 8 writers booking with Idempotency-Key, and the test
// holding an exclusive lock on the appointments table for a while. Requests wait a bounded time
// (REQUEST_TIMEOUT_MS, statement_timeout) then answer 503 service-unavailable with
// Retry-After; the processes stay up and serve again once the lock is gone.
import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { madeDespiteFailure, startLoad } from "./support/load";
import { between, checkWrites, faultCluster, report, saveFigures, WRITERS } from "./support/setup";

const REQUEST_TIMEOUT_MS = 3000;
let f: Awaited<ReturnType<typeof faultCluster>>;

beforeAll(async () => {
  // Statements may wait longer than requests: a request given up at its deadline must then
  // leave nothing behind when the lock goes and its statements could run after all.
  f = await faultCluster({
    env: { DATABASE_POOL_MAX: "2", REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), DATABASE_STATEMENT_TIMEOUT_MS: "30000" },
  });
});

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  await f?.cluster.stop();
});

it("a table lock held while 8 writers book: bounded waits, 503 with Retry-After, every process up, nothing lost or half done", async () => {
  const t = await f.newTenant();
  const load = startLoad({ url: f.cluster.url, appId: t.appId, apiKey: t.apiKey, writers: WRITERS, body: t.body });
  const locker = postgres(f.cluster.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await load.moreAcks(40);
    const conn = await locker.reserve();
    await conn`begin`;
    await conn`lock table appointments in access exclusive mode`;
    const lockedAt = load.now();
    // Every writer waits, then is answered 503, more than once.
    await load.moreFailures(WRITERS * 2);
    const list = await fetch(`${f.cluster.url}/app/${t.appId}/multi-service/appointments/list`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ apiKey: t.apiKey }),
    });
    expect({ status: list.status, retryAfter: list.headers.get("retry-after"), code: ((await list.json()) as { error?: { code?: string } }).error?.code }).toEqual({
      status: 503,
      retryAfter: "2",
      code: "service-unavailable",
    });
    for (const i of f.cluster.instances) expect({ name: i.name, exited: i.child.exitCode }).toEqual({ name: i.name, exited: null });
    await conn`commit`;
    conn.release();
    const releasedAt = load.now();
    await load.moreAcks(40);
    await load.stop();

    const during = between(load.outcomes, lockedAt, releasedAt).filter((o) => o.status !== 201);
    const checked = await checkWrites(t.appId, load.acknowledged);
    const waits = during.map((o) => o.ms).sort((a, b) => a - b);
    report("pool-exhaustion", load, {
      poolMax: 2,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      lockHeldMs: Math.round(releasedAt - lockedAt),
      failureWaitMs: { median: Math.round(waits[Math.floor(waits.length / 2)] ?? 0), max: Math.round(waits.at(-1) ?? 0) },
    }, checked);

    const kinds = new Set(load.outcomes.filter((o) => o.status !== 201).map((o) => `${o.status} ${o.code} ${o.retryAfter}`));
    expect(kinds).toContain("503 service-unavailable 2");
    for (const kind of kinds) expect(["503 service-unavailable 2", "409 idempotency-conflict null"]).toContain(kind);
    for (const i of f.cluster.instances) expect(i.child.exitCode).toBeNull();
    expect(checked).toMatchObject({ lost: [], withoutCreationEvent: [], withoutStoredAnswer: [], answeredOtherwise: [], duplicateAcks: 0 });
    expect(madeDespiteFailure(load.outcomes)).toEqual([]);
    expect(load.abandoned).toEqual([]);
  } finally {
    await load.stop();
    await locker.end({ timeout: 2 });
  }
});

it("writes answered 503 at their deadline stay undone when the lock goes after (no Idempotency-Key to save them)", async () => {
  const t = await f.newTenant();
  const { getDb } = await import("@/db");
  const { appointments } = await import("@/db/schema");
  const { and, eq, inArray } = await import("drizzle-orm");
  const pending = await t.tenant.book({ date: new Date(Date.UTC(2033, 0, 1, 8)) });
  const call = (route: string, body: Record<string, unknown>) =>
    fetch(`${f.cluster.url}/app/${t.appId}/multi-service/${route}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ apiKey: t.apiKey, ...body }),
    }).then(async (res) => ({ status: res.status, code: ((await res.json()) as { error?: { code?: string } }).error?.code }));
  const locker = postgres(f.cluster.databaseUrl, { max: 1, onnotice: () => {} });
  const conn = await locker.reserve();
  const creates = Array.from({ length: WRITERS }, (_, w) => t.body(w));
  try {
    await conn`begin`;
    await conn`lock table appointments in access exclusive mode`;
    // More calls than connections: some wait in the database for the lock, others in the pool.
    const answers = await Promise.all([
      ...creates.map((body) => call("appointments/create", body)),
      call(`appointments/${pending.id}/status`, { status: "CONFIRMED" }),
    ]);
    expect(answers).toEqual(answers.map(() => ({ status: 503, code: "service-unavailable" })));
  } finally {
    await conn`commit`;
    conn.release();
    await locker.end({ timeout: 2 });
  }
  // The lock is gone: had any of them still been waiting, it would now go through. The
  // instances serve again once their pools are free, which a new call shows.
  // One call to each instance (round robin), after whatever their pools still held.
  for (let i = 0; i < 2; i++) expect((await call("appointments/create", t.body(i))).status).toBe(201);
  const db = await getDb();
  const { sql } = await import("drizzle-orm");
  for (let i = 0; i < 100; i++) {
    const [{ busy }] = (await db.execute(
      sql`select count(*)::int as busy from pg_stat_activity where application_name = 'rendez-vous' and state <> 'idle' and pid <> pg_backend_pid()`,
    )) as unknown as { busy: number }[];
    if (busy === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const made = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.appId, t.appId), inArray(appointments.date, creates.map((b) => new Date(b.date)))));
  expect(made).toEqual([]);
  saveFigures("deadline-undone", { test: "deadline-undone", calls: creates.length + 1, answered503: creates.length + 1, madeAfterwards: made.length });
  const [row] = await db.select({ status: appointments.status }).from(appointments).where(and(eq(appointments.appId, t.appId), eq(appointments.id, pending.id)));
  expect(row.status).toBe("PENDING");
});
