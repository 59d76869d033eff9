// Idempotent creates when something fails between the steps, over HTTP against production
// servers: a server killed mid-request or mid-COMMIT, the request's database connection cut,
// the answer's store failing. A retry with the same key must answer the first result: never a
// second booking, never agent-unavailable for a booking that was made. The faults are real:
// extra server processes started here and killed with SIGKILL, pg_terminate_backend, triggers
// on the test database that hold a write at a gate or fail it (tests/support/faults.ts).
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db";
import { appointments, idempotencyKeys } from "@/db/schema";
import { failInsert, type Gate, openGate, pauseInsert } from "../support/faults";
import { type Answer, type ApiTenant, makeApiTenant } from "./support/api";
import { freePorts, serverEnv, startProductionServer, stopChild, waitForHealth } from "./support/processes";

type Instance = { url: string; child: ChildProcess };

let t: ApiTenant;
let gate: Gate;
/** More production servers on the same database, one per test that breaks one. */
let instances: Instance[] = [];
let n = 0;
const idem = () => ({ "idempotency-key": `fault-${Date.now()}-${n++}` });

async function startInstances(count: number): Promise<Instance[]> {
  const ports = await freePorts(count);
  const started = ports.map((port) => {
    const log = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-instance-")), "server.log");
    const child = startProductionServer(serverEnv(inject("databaseUrl")), port, log);
    return { url: `http://127.0.0.1:${port}`, child };
  });
  await Promise.all(started.map((i) => waitForHealth(i.url, i.child)));
  return started;
}

beforeAll(async () => {
  t = await makeApiTenant("Idempotency faults");
  gate = await openGate(inject("databaseUrl"));
  instances = await startInstances(3);
});

afterAll(async () => {
  await gate?.end();
  await Promise.all(instances.map((i) => stopChild(i.child)));
});

async function bookingsAt(date: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.appId, t.appId), eq(appointments.date, new Date(date))));
  return Number(row.n);
}

async function storedKeys(key: string) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.appId, t.appId), eq(idempotencyKeys.key, key)));
  return Number(row.n);
}

function kill(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    instance.child.once("exit", () => resolve());
    instance.child.kill("SIGKILL");
  });
}

/** Sends a create that is expected never to answer (its server dies): its outcome, settled. */
function unanswered(base: string, body: Record<string, unknown>, headers: Record<string, string>) {
  return t.call("appointments/create", body, { headers, base }).then(
    (answer) => ({ answer }),
    (err: unknown) => ({ err }),
  );
}

/** The caller's retry on the main server, and a second one, which must replay the first. */
async function retryTwice(body: Record<string, unknown>, headers: Record<string, string>) {
  const first = await t.call("appointments/create", body, { headers });
  const second = await t.call("appointments/create", body, { headers });
  return [first, second];
}

describe("idempotent create under faults", () => {
  it("a server killed after the booking, before COMMIT: nothing is kept, the retry elsewhere books once", async () => {
    const headers = idem();
    const body = t.bookingBody();
    const remove = await pauseInsert(gate, "appointments", `NEW.app_id = '${t.appId}'`, "after");
    try {
      await gate.close();
      const lost = unanswered(instances[0].url, body, headers);
      const [pid] = await gate.waiters(1);
      // Meanwhile, the same key on the other server: the first is still in flight.
      const duplicate = await t.call("appointments/create", body, { headers });
      expect({ status: duplicate.status, code: duplicate.body.error?.code, inFlight: duplicate.body.error?.details?.inFlight }).toEqual({
        status: 409,
        code: "idempotency-conflict",
        inFlight: true,
      });
      await kill(instances[0]);
      await gate.open();
      // Its backend finishes the statement, finds the client gone and rolls back.
      await gate.gone(pid);
      expect("err" in (await lost)).toBe(true);
    } finally {
      await gate.open();
      await remove();
    }
    expect(await bookingsAt(body.date)).toBe(0);
    expect(await storedKeys(headers["idempotency-key"])).toBe(0);

    const [retry, replay] = await retryTwice(body, headers);
    expect({ status: retry.status, replayed: retry.headers.get("idempotent-replayed") }).toEqual({ status: 201, replayed: null });
    expect({ status: replay.status, replayed: replay.headers.get("idempotent-replayed"), body: replay.body }).toEqual({
      status: 201,
      replayed: "true",
      body: retry.body,
    });
    expect(await bookingsAt(body.date)).toBe(1);
  });

  it("a server killed during COMMIT, its answer never sent: the retry elsewhere replays the booking, not agent-unavailable", async () => {
    const headers = idem();
    const body = t.bookingBody();
    const remove = await pauseInsert(gate, "idempotency_keys", `NEW.app_id = '${t.appId}'`, "at-commit");
    try {
      await gate.close();
      const lost = unanswered(instances[1].url, body, headers);
      const [pid] = await gate.waiters(1);
      await kill(instances[1]);
      await gate.open();
      // The COMMIT had reached the database: it completes without its client.
      await gate.gone(pid);
      expect("err" in (await lost)).toBe(true);
    } finally {
      await gate.open();
      await remove();
    }
    expect(await bookingsAt(body.date)).toBe(1);
    expect(await storedKeys(headers["idempotency-key"])).toBe(1);
    const db = await getDb();
    const [booked] = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.appId, t.appId), eq(appointments.date, new Date(body.date))));

    // Without the key, the caller's retry would be told the slot is taken:
    const keyless = await t.call("appointments/create", body);
    expect({ status: keyless.status, code: keyless.body.error?.code }).toEqual({ status: 409, code: "agent-unavailable" });
    const retry = await t.call("appointments/create", body, { headers });
    expect({ status: retry.status, replayed: retry.headers.get("idempotent-replayed"), id: retry.body.data?.id }).toEqual({
      status: 201,
      replayed: "true",
      id: booked.id,
    });
    expect(await bookingsAt(body.date)).toBe(1);
  });

  it("the request's database connection cut before COMMIT: 503 with Retry-After, nothing kept, the same server books the retry once", async () => {
    const headers = idem();
    const body = t.bookingBody();
    const server = instances[2].url;
    const remove = await pauseInsert(gate, "appointments", `NEW.app_id = '${t.appId}'`, "after");
    let cut: Answer;
    try {
      await gate.close();
      const pending = t.call("appointments/create", body, { headers, base: server });
      // Should the server fail in the network instead of answering, the failure is awaited
      // below, not reported as unhandled while the test waits for the backend to end.
      pending.catch(() => {});
      const [pid] = await gate.waiters(1);
      await gate.terminate(pid);
      cut = await pending;
    } finally {
      await gate.open();
      await remove();
    }
    // A lost connection is not the caller's fault: "try again shortly", and nothing stays.
    expect({ status: cut.status, code: cut.body.error?.code }).toEqual({ status: 503, code: "service-unavailable" });
    expect(cut.headers.get("retry-after")).toBe("2");
    expect(await bookingsAt(body.date)).toBe(0);
    expect(await storedKeys(headers["idempotency-key"])).toBe(0);

    // The caller retries on the same server. postgres.js 3.4.9 may fail the first query on the
    // reconnected connection with the old backend's error (a 503 that stores nothing, like any
    // failure): retried as a caller would.
    let retry = await t.call("appointments/create", body, { headers, base: server });
    for (let i = 0; i < 2 && retry.status === 503; i++) {
      expect(retry.body.error?.code).toBe("service-unavailable");
      expect(await storedKeys(headers["idempotency-key"])).toBe(0);
      retry = await t.call("appointments/create", body, { headers, base: server });
    }
    expect({ status: retry.status, replayed: retry.headers.get("idempotent-replayed") }).toEqual({ status: 201, replayed: null });
    const replay = await t.call("appointments/create", body, { headers });
    expect({ replayed: replay.headers.get("idempotent-replayed"), body: replay.body }).toEqual({ replayed: "true", body: retry.body });
    expect(await bookingsAt(body.date)).toBe(1);
  });

  it("storing the answer fails: 500, the booking is rolled back with it, the retry books once", async () => {
    const headers = idem();
    const body = t.bookingBody();
    const remove = await failInsert("idempotency_keys", `NEW.app_id = '${t.appId}' AND NEW.key = '${headers["idempotency-key"]}'`);
    let failed: Answer;
    try {
      failed = await t.call("appointments/create", body, { headers });
    } finally {
      await remove();
    }
    expect({ status: failed.status, code: failed.body.error?.code }).toEqual({ status: 500, code: "internal-error" });
    expect(await bookingsAt(body.date)).toBe(0);
    expect(await storedKeys(headers["idempotency-key"])).toBe(0);

    const [retry, replay] = await retryTwice(body, headers);
    expect({ status: retry.status, replayed: retry.headers.get("idempotent-replayed") }).toEqual({ status: 201, replayed: null });
    expect({ replayed: replay.headers.get("idempotent-replayed"), body: replay.body }).toEqual({ replayed: "true", body: retry.body });
    expect(await bookingsAt(body.date)).toBe(1);
  });
});
