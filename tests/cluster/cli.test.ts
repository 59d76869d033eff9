// `npm run cluster` refusing to start: a missing tool (with the command that installs it) and a
// port already taken (named), before anything is made.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { root } from "../../scripts/cluster/apps";
import { freePort } from "../support/cluster";

function cluster(env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", "scripts/cluster.ts", "start"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

it("refuses missing PostgreSQL tools or haproxy, saying how to install them", () => {
  const noPg = cluster({ PG_BIN: "/nonexistent" });
  expect(noPg.code).toBe(1);
  expect(noPg.output).toContain("apt-get install -y postgresql");
  const noProxy = cluster({ HAPROXY_BIN: "/nonexistent/haproxy" });
  expect(noProxy.code).toBe(1);
  expect(noProxy.output).toContain("apt-get install -y haproxy");
});

it("stops at a port already in use, naming it, and makes nothing", async () => {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-cli-")), "cluster");
  const taken = await freePort("proxy");
  const blocker = net.createServer();
  await new Promise<void>((resolve, reject) => blocker.once("error", reject).listen(taken, "127.0.0.1", resolve));
  try {
    const r = cluster({
      CLUSTER_DIR: dir,
      CLUSTER_PG_PORT: String(await freePort("pg")),
      CLUSTER_REPLICA_PORT: String(await freePort("pg")),
      CLUSTER_APP_PORT: String(await freePort("app")),
      CLUSTER_INSTANCES: "1",
      CLUSTER_PROXY_PORT: String(taken),
      CLUSTER_STATS_PORT: String(await freePort("proxy")),
    });
    expect(r.code).toBe(1);
    expect(r.output).toContain(`le port ${taken} (haproxy (CLUSTER_PROXY_PORT)) est déjà pris`);
    expect(existsSync(dir)).toBe(false);
  } finally {
    blocker.close();
  }
});
