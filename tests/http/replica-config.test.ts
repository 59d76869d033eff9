// DATABASE_REPLICA_URL that names no replica: a primary, or nothing listening. The server says
// so at start and serves everything from the primary (DATABASE_URL).
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeApiTenant, type ApiTenant } from "./support/api";
import { freePorts, serverEnv, startProductionServer, stopChild, waitForHealth } from "./support/processes";

let t: ApiTenant;
const children: ChildProcess[] = [];

beforeAll(async () => {
  t = await makeApiTenant("Replica settings");
  await t.book();
});

afterAll(async () => {
  await Promise.all(children.map((c) => stopChild(c)));
});

async function serverWithReplica(replicaUrl: string) {
  const [port] = await freePorts(1);
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-replica-")), "server.log");
  const child = startProductionServer({ ...serverEnv(inject("databaseUrl")), DATABASE_REPLICA_URL: replicaUrl }, port, log);
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child);
  return { url, log: () => readFileSync(log, "utf8") };
}

describe("DATABASE_REPLICA_URL naming no replica", () => {
  it("a primary: reported at start, lists read the primary", async () => {
    const server = await serverWithReplica(inject("databaseUrl"));
    expect(server.log()).toMatch(/DATABASE_REPLICA_URL ne désigne pas une réplique \(pg_is_in_recovery\(\) = false\) : tout est lu sur le primaire/);
    const list = await t.call("appointments/list", {}, { base: server.url });
    expect({ status: list.status, n: list.body.data?.length }).toEqual({ status: 200, n: 1 });
    const ready = await fetch(`${server.url}/api/ready`).then((r) => r.json());
    expect(ready).toEqual({ ready: true, draining: false, replica: "not-a-replica" });
  });

  it("nothing listening: reported at start, lists read the primary", async () => {
    const server = await serverWithReplica("postgres://postgres@127.0.0.1:1/nothing");
    expect(server.log()).toMatch(/réplique injoignable \(ECONNREFUSED[^)]*\) : lectures sur le primaire/);
    const list = await t.call("appointments/list", {}, { base: server.url });
    expect({ status: list.status, n: list.body.data?.length }).toEqual({ status: 200, n: 1 });
  });
});
