// SIGTERM on a server of its own, with a drain window: readiness fails at once, calls that still
// reach it are served (their connection closed after), and it exits with status 0 once the window
// and its requests are over. Under load behind a proxy: tests/faults/graceful-stop.test.ts.
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, expect, inject, it } from "vitest";
import { type ApiTenant, makeApiTenant } from "./support/api";
import { freePorts, serverEnv, startProductionServer, waitForHealth } from "./support/processes";

let t: ApiTenant;

beforeAll(async () => {
  t = await makeApiTenant("Graceful stop");
});

it("draining: not ready, still serving with Connection: close, then exits 0", async () => {
  const [port] = await freePorts(1);
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-stop-")), "server.log");
  // The window outlasts a readiness check already in flight at SIGTERM (up to a second) and a
  // slow moment of the machine before the call below.
  const server = startProductionServer({ ...serverEnv(inject("databaseUrl")), SHUTDOWN_DRAIN_MS: "4000" }, port, log);
  const base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, server);
  const exit = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));

  server.kill("SIGTERM");
  let ready: Response | undefined;
  for (let i = 0; i < 100 && ready?.status !== 503; i++) {
    ready = await fetch(`${base}/api/ready`);
    if (ready.status !== 503) await new Promise((r) => setTimeout(r, 20));
  }
  expect({ status: ready?.status, body: await ready?.json() }).toEqual({ status: 503, body: { ready: false, draining: true } });
  const call = await t.call("appointments/list", {}, { base });
  expect({ status: call.status, connection: call.headers.get("connection") }).toEqual({ status: 200, connection: "close" });
  expect(await exit).toBe(0);
  expect(readFileSync(log, "utf8")).toMatch(/SIGTERM : arrêt[\s\S]*Arrêté\./);
});
