// API_WORKERS=2 with the API-only process: two processes share the port and both answer, a
// worker that dies is replaced, and SIGTERM stops the whole group gracefully.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiTenant, makeApiTenant } from "./support/api";
import { freePorts, serverEnv, startProductionServer, stopChild, waitForHealth } from "./support/processes";

/**
 * The live API workers whose parent is `pid` (from /proc): processes running the server, not the
 * esbuild service tsx starts beside them when its transform cache is cold (a fresh machine).
 */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ");
      if (Number(fields[1]) !== pid || fields[0] === "Z") continue;
      if (readFileSync(`/proc/${entry}/cmdline`, "utf8").includes("server/index.ts")) found.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, tries = 300): Promise<T> {
  let value = await read();
  for (let i = 0; i < tries && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}

let t: ApiTenant;
let base: string;
let server: ReturnType<typeof startProductionServer>;
let log: string;

beforeAll(async () => {
  t = await makeApiTenant("API workers");
  const [port] = await freePorts(1, Number(process.env.HTTP_TEST_PORT_BASE ?? 3200) + 60);
  log = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-api-workers-")), "server.log");
  server = startProductionServer({ ...serverEnv(inject("databaseUrl")), RDV_ROLE: "api", API_WORKERS: "2" }, port, log);
  base = `http://127.0.0.1:${port}`;
  await waitForHealth(base, server);
});

afterAll(() => stopChild(server));

describe("API_WORKERS", () => {
  it("runs two processes that both answer the API on one port", async () => {
    const workers = await until(() => childrenOf(server.pid!), (w) => w.length === 2);
    expect(workers).toHaveLength(2);
    // Both listen once ready: each says so in the shared log.
    const ready = await until(() => readFileSync(log, "utf8").match(/Rendez-vous prêt/g)?.length ?? 0, (n) => n === 2);
    expect(ready).toBe(2);
    const answers = await Promise.all(Array.from({ length: 8 }, () => t.call("companies/list", {}, { base })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  });

  it("replaces a worker that dies, and keeps answering meanwhile", async () => {
    const [victim, other] = await until(() => childrenOf(server.pid!), (w) => w.length === 2);
    process.kill(victim, "SIGKILL");
    // Kept-alive connections to the dead one close with it; a new request takes the other. A
    // request sent on such a connection before its close was seen fails in the network, and a
    // client sends it again.
    let res: Awaited<ReturnType<typeof t.call>> | undefined;
    for (let i = 0; i < 5 && !res; i++) res = await t.call("companies/list", {}, { base }).catch(() => undefined);
    expect(res?.status).toBe(200);
    const after = await until(() => childrenOf(server.pid!), (w) => w.length === 2 && !w.includes(victim));
    expect(after).toContain(other);
    expect(after).toHaveLength(2);
    expect(readFileSync(log, "utf8")).toMatch(/Processus API \d arrêté \(SIGKILL\) : relancé/);
    // The replacement is ready when it says so (a third time in the log).
    const ready = await until(() => readFileSync(log, "utf8").match(/Rendez-vous prêt/g)?.length ?? 0, (n) => n === 3);
    expect(ready).toBe(3);
  });

  it("stops every worker on SIGTERM, then exits", async () => {
    const workers = childrenOf(server.pid!);
    const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
    server.kill("SIGTERM");
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
    expect(readFileSync(log, "utf8").match(/Arrêté\./g)?.length).toBe(2);
  });
});
