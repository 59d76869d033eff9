// A call answered 503 at its deadline (REQUEST_TIMEOUT_MS) has done nothing, even if what held
// it lets go afterwards: its statements still waiting in the pool are dropped, the ones waiting
// in the database cancelled, its transaction never commits. A server of its own with a short
// deadline and two connections; the test's inserts wait at a gate (a trigger on this tenant's
// rows) until the calls have been answered.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { getDb } from "@/db";
import { appointments } from "@/db/schema";
import { type Gate, openGate, pauseInsert } from "../support/faults";
import { type ApiTenant, makeApiTenant } from "./support/api";
import { freePorts, serverEnv, startProductionServer, stopChild, waitForHealth } from "./support/processes";

let t: ApiTenant;
let gate: Gate;
let server: ChildProcess;
let base: string;

beforeAll(async () => {
  t = await makeApiTenant("Deadline");
  gate = await openGate(inject("databaseUrl"));
  const [port] = await freePorts(1);
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-deadline-")), "server.log");
  server = startProductionServer({ ...serverEnv(inject("databaseUrl")), REQUEST_TIMEOUT_MS: "1000", DATABASE_POOL_MAX: "2" }, port, log);
  base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, server);
});

afterAll(async () => {
  await gate?.end();
  await stopChild(server);
});

it("creates answered 503 at the deadline are not made when the database lets them through afterwards", async () => {
  const bodies = Array.from({ length: 5 }, () => t.bookingBody());
  const remove = await pauseInsert(gate, "appointments", `NEW.app_id = '${t.appId}'`, "before");
  try {
    await gate.close();
    // Two wait at the gate (the pool's two connections), the rest in the pool; one is keyed
    // (a transaction waiting for its connection).
    const answers = await Promise.all(
      bodies.map((body, i) => t.call("appointments/create", body, { base, headers: i === 4 ? { "idempotency-key": `deadline-${Date.now()}` } : {} })),
    );
    expect(answers.map((a) => ({ status: a.status, code: a.body.error?.code, retryAfter: a.headers.get("retry-after") }))).toEqual(
      bodies.map(() => ({ status: 503, code: "service-unavailable", retryAfter: "2" })),
    );
  } finally {
    await gate.open();
    await remove();
  }
  // The server takes calls again (its pool is free), and none of the five was made meanwhile.
  const later = await t.call("appointments/create", { ...bodies[0], date: t.nextSlot().toISOString() }, { base });
  expect(later.status).toBe(201);
  const db = await getDb();
  const made = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.appId, t.appId), inArray(appointments.date, bodies.map((b) => new Date(b.date)))));
  expect(made).toEqual([]);
});

it("reads whose key check waits are answered 503 at the deadline, the check cancelled; then served again", async () => {
  const made = await t.call("appointments/create", t.bookingBody(), { base });
  expect(made.status).toBe(201);
  const reader = await t.keyRecord({ name: "reader" });
  // The key check counts the call in the key's rate-limit bucket: for this key, it waits at the gate.
  const remove = await pauseInsert(gate, "rate_limit_buckets", `NEW.api_key_id = '${reader.id}'`, "before");
  try {
    await gate.close();
    const reads = await Promise.all([
      t.call(`appointments/${made.body.data.id}`, {}, { base, key: reader.secret }),
      t.call("appointments/list", { companyId: t.companyA.id }, { base, key: reader.secret }),
    ]);
    expect(reads.map((a) => ({ status: a.status, code: a.body.error?.code, retryAfter: a.headers.get("retry-after") }))).toEqual(
      reads.map(() => ({ status: 503, code: "service-unavailable", retryAfter: "2" })),
    );
    // Answered once their statements were cancelled: none still waits (the gate is still closed).
    expect(await gate.waiting()).toEqual([]);
  } finally {
    await gate.open();
    await remove();
  }
  const again = await t.call(`appointments/${made.body.data.id}`, {}, { base, key: reader.secret });
  expect({ status: again.status, id: again.body.data?.id }).toEqual({ status: 200, id: made.body.data.id });
});
