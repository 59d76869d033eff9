// A graceful stop (SIGTERM, as systemd, Docker or Kubernetes send it) under load: two instances
// behind haproxy, 8 writers booking with Idempotency-Key through it, and one request held in
// flight on the instance being stopped (its insert waits at a gate in the database). Readiness
// fails first, haproxy moves new calls to the other instance while this one still serves, the
// held request finishes, then the process exits, within SHUTDOWN_DRAIN_MS + SHUTDOWN_TIMEOUT_MS.
// A request held past that bound is cut and leaves nothing behind.
import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Gate, openGate, pauseInsert } from "../support/faults";
import { startLoad } from "./support/load";
import { checkWrites, faultCluster, report, saveFigures, WRITERS } from "./support/setup";

const DRAIN_MS = 2500;
const STOP_TIMEOUT_MS = 4000;
let f: Awaited<ReturnType<typeof faultCluster>>;
let gate: Gate;

beforeAll(async () => {
  f = await faultCluster({
    env: { SHUTDOWN_DRAIN_MS: String(DRAIN_MS), SHUTDOWN_TIMEOUT_MS: String(STOP_TIMEOUT_MS), DATABASE_STATEMENT_TIMEOUT_MS: "60000" },
  });
  gate = await openGate(f.cluster.databaseUrl);
});

afterAll(async () => {
  await gate?.end();
  const { closeDb } = await import("@/db");
  await closeDb();
  await f?.cluster.stop();
});

/** A keyed create sent straight to one instance, held at the gate; its outcome, settled. */
async function heldCreate(base: string, slow: Awaited<ReturnType<typeof f.newTenant>>, key: string) {
  const pending = fetch(`${base}/app/${slow.appId}/multi-service/appointments/create`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ apiKey: slow.apiKey, ...slow.body(0) }),
  })
    .then(async (res) => ({ status: res.status, body: (await res.json()) as { data?: { id: string } } }))
    // A connection cut before or while the answer is read: either way, no answer.
    .catch((err: Error) => ({ status: "network" as const, error: err.message }));
  await gate.waiters(1);
  return pending;
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

describe("SIGTERM under load", () => {
  it("readiness fails first, calls move to the other instance, the held request finishes, the process exits in time", async () => {
    const t = await f.newTenant();
    const slow = await f.newTenant();
    const [victim, other] = f.cluster.instances;
    const load = startLoad({ url: f.cluster.url, appId: t.appId, apiKey: t.apiKey, writers: WRITERS, body: t.body });
    const remove = await pauseInsert(gate, "appointments", `NEW.app_id = '${slow.appId}'`, "before");
    try {
      await load.moreAcks(40);
      await gate.close();
      const held = heldCreate(victim.url, slow, `held-${Date.now()}`);
      await gate.waiters(1);

      const exit = exited(victim.child);
      const termAt = load.now();
      victim.child.kill("SIGTERM");
      // Readiness, asked of the instance itself, fails at once; the instance still answers.
      let ready: { status: number; body: unknown } | undefined;
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${victim.url}/api/ready`);
        ready = { status: res.status, body: await res.json() };
        if (res.status === 503) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      const notReadyAt = load.now();
      expect(ready).toEqual({ status: 503, body: { ready: false, draining: true } });
      await f.cluster.waitForProxy({ [victim.name]: "DOWN", [other.name]: "UP" });
      const movedAt = load.now();
      // Taken out of the proxy while still running: the order the stop is made for.
      expect(victim.child.exitCode).toBeNull();

      await gate.open();
      const finished = await held;
      expect(finished.status).toBe(201);
      const { code } = await exit;
      const exitAt = load.now();
      expect(code).toBe(0);
      expect(f.cluster.log(victim)).toMatch(/Arrêté\./);
      await load.moreAcks(40);

      await f.cluster.restart(victim);
      await f.cluster.waitForProxy({ [victim.name]: "UP" });
      await load.moreAcks(40);
      await load.stop();

      const checked = await checkWrites(t.appId, load.acknowledged);
      report("graceful-stop", load, {
        drainMs: DRAIN_MS,
        stopTimeoutMs: STOP_TIMEOUT_MS,
        notReadyAfterMs: Math.round(notReadyAt - termAt),
        outOfProxyAfterMs: Math.round(movedAt - termAt),
        exitedAfterMs: Math.round(exitAt - termAt),
        heldRequest: finished.status,
      }, checked);
      // No client saw the stop.
      expect(load.outcomes.filter((o) => o.status !== 201)).toEqual([]);
      expect(checked).toMatchObject({ lost: [], withoutCreationEvent: [], withoutStoredAnswer: [], answeredOtherwise: [], duplicateAcks: 0 });
    } finally {
      await gate.open();
      await remove();
      await load.stop();
    }
  });

  it("a request held past the bound is cut, the process exits anyway, and the request left nothing", async () => {
    const slow = await f.newTenant();
    const [victim] = f.cluster.instances;
    const key = `cut-${Date.now()}`;
    const remove = await pauseInsert(gate, "appointments", `NEW.app_id = '${slow.appId}'`, "before");
    let waiting: number[] = [];
    try {
      await gate.close();
      const held = heldCreate(victim.url, slow, key);
      waiting = await gate.waiters(1);
      const exit = exited(victim.child);
      const started = Date.now();
      victim.child.kill("SIGTERM");
      const { code } = await exit;
      const exitedAfterMs = Date.now() - started;
      const cut = await held;
      saveFigures("graceful-stop-cut", { test: "graceful-stop-cut", drainMs: DRAIN_MS, stopTimeoutMs: STOP_TIMEOUT_MS, exitedAfterMs, code, request: cut.status });
      expect(cut.status).toBe("network");
      expect(code).toBe(0);
      expect(f.cluster.log(victim)).toMatch(/1 requête\(s\) coupée\(s\) après 4000 ms/);
      expect(f.cluster.log(victim)).not.toMatch(/Arrêt forcé/);
    } finally {
      await gate.open();
      await remove();
    }
    // Its database session, freed from the gate, finds its client gone and rolls back.
    await gate.gone(waiting[0]);
    const { getDb } = await import("@/db");
    const { appointments, idempotencyKeys } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const db = await getDb();
    expect(await db.select().from(appointments).where(eq(appointments.appId, slow.appId))).toEqual([]);
    expect(await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.appId, slow.appId))).toEqual([]);
    await f.cluster.restart(victim);
  });
});
