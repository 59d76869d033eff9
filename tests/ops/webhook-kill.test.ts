// A webhook worker killed (SIGKILL) while a delivery's POST is in flight: no outcome was
// recorded, so the delivery stays leased to the dead worker; a new worker sends it again once
// the lease has run out, with the same webhook-id (the receiver can de-duplicate), and the log
// records it delivered once. At least once to the receiver, exactly one delivery in the log.
import { type ChildProcess, spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import { createWebhook, listDeliveries } from "@/lib/webhooks";
import { makeTenant } from "../support/factories";
import { type Receiver, startReceiver } from "../support/receiver";

const server = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `rdv_hookkill_${process.pid}_${Date.now().toString(36)}`;
const admin = postgres(server, { max: 1, onnotice: () => {} });
const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const env = {
  DATABASE_URL: url,
  DATABASE_POOL_MAX: "3",
  WEBHOOKS_ALLOW_LOOPBACK: "1",
  WEBHOOK_SECRET_KEY: "webhook-kill-test-key",
  // A lease of timeout + 5 s = 10 s: the killed attempt is taken again after that, not before.
  WEBHOOKS_TIMEOUT_S: "5",
  WEBHOOKS_LEASE_S: "0",
  WEBHOOKS_POLL_MS: "100",
};
Object.assign(process.env, env);

let rx: Receiver;
const children: ChildProcess[] = [];

/** Starts a worker process and waits until it says it runs. */
async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", "tests/ops/webhook-worker.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => c.toString().includes("worker started") && resolve());
    child.on("exit", (code) => reject(new Error(`worker exited (${code}): ${out}`)));
  });
  return child;
}

beforeAll(async () => {
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  rx = await startReceiver();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await rx?.close();
  await closeDb();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe("webhook worker killed mid-delivery", () => {
  it("sends the delivery again after its lease, with the same webhook-id, and logs it delivered once", async () => {
    const t = await makeTenant("Webhook kill");
    // The first POST hangs (the worker dies waiting for it); later ones are answered 200.
    rx.on("/kill", (_req, res, nth) => {
      if (nth > 1) res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    });
    const { endpoint } = await createWebhook(t.owner, { url: rx.url("/kill"), types: ["appointment.created"] });
    const first = await startWorker();
    await t.book();

    await rx.until(() => rx.at("/kill").length === 1, 60_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));

    // Killed in flight: the attempt claimed (counted at claim) but no outcome recorded, the
    // lease still held by the dead worker.
    const db = await getDb();
    const [held] = await db
      .select({
        id: webhookDeliveries.id,
        status: webhookDeliveries.status,
        attempt: webhookDeliveries.attempt,
        httpStatus: webhookDeliveries.httpStatus,
        error: webhookDeliveries.error,
        lockedUntil: webhookDeliveries.lockedUntil,
      })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.appId, t.appId), eq(webhookDeliveries.endpointId, endpoint.id)));
    expect([held.status, held.attempt, held.httpStatus, held.error]).toEqual(["pending", 1, null, null]);
    expect(held.lockedUntil!.getTime()).toBeGreaterThan(rx.at("/kill")[0].at);

    await startWorker();
    await rx.until(() => rx.at("/kill").length === 2, 60_000);
    const [killed, again] = rx.at("/kill");
    // Not before the dead worker's lease ran out; the same webhook-id and body.
    expect(again.at).toBeGreaterThanOrEqual(held.lockedUntil!.getTime());
    expect(again.headers["webhook-id"]).toBe(killed.headers["webhook-id"]);
    expect(again.body).toBe(killed.body);

    // Recorded delivered, once: one delivery in the log, and no third POST after it.
    let log = await listDeliveries(t.owner, endpoint.id);
    for (let i = 0; i < 200 && log[0]?.status !== "delivered"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      log = await listDeliveries(t.owner, endpoint.id);
    }
    expect(log.map((d) => [d.id, d.status, d.httpStatus, d.attempt, d.webhookId])).toEqual([[held.id, "delivered", 200, 2, killed.headers["webhook-id"]]]);
    // A few more polls of the new worker: still two requests.
    await new Promise((r) => setTimeout(r, 1000));
    expect(rx.at("/kill")).toHaveLength(2);
  });
});
