// Global setup of the HTTP tests: a throwaway PostgreSQL database, the production server
// (server/index.ts: /app/ straight to Hono) and plain `next start` (the route-handler mount),
// both on the same `next build` output and database. Tests get their URLs through inject().
//
// Needs a build in NEXT_DIST_DIR (default .next): `npm test` builds first; locally
// `NEXT_DIST_DIR=.next-api npx next build` then `NEXT_DIST_DIR=.next-api npx vitest run --project http`.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The production server: /app/ answered by Hono directly. */
    apiUrl: string;
    /** `next start`: /app/ answered by the Next route handler. */
    nextUrl: string;
    /** Where the production server's output goes (the tests check what it logs). */
    serverLog: string;
  }
}

const root = path.resolve(import.meta.dirname, "../../..");

export default async function setup(project: TestProject) {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No Next build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first (npm test does).`);
  }

  const serverUrl = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `rdv_http_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();

  const logDir = mkdtempSync(path.join(os.tmpdir(), "rdv-http-"));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };

  try {
    const [apiPort, nextPort] = await freePorts(2);
    const env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: distDir,
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production" as const,
      AUTH_SECRET: "http-tests-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    // The production server migrates the database; `next start` waits for it so the two do
    // not race on an empty database (the migration lock would make them take turns anyway).
    const serverLog = path.join(logDir, "server.log");
    children.push(
      start(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", "server/index.ts"], { ...env, PORT: String(apiPort) }, serverLog),
    );
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHealth(apiUrl, children[0]);

    const nextBin = path.join(root, "node_modules/next/dist/bin/next");
    children.push(
      start(process.execPath, [nextBin, "start", "-p", String(nextPort), "-H", "127.0.0.1"], env, path.join(logDir, "next.log")),
    );
    const nextUrl = `http://127.0.0.1:${nextPort}`;
    await waitForHealth(nextUrl, children[1]);

    project.provide("databaseUrl", databaseUrl);
    project.provide("apiUrl", apiUrl);
    project.provide("nextUrl", nextUrl);
    project.provide("serverLog", serverLog);
  } catch (err) {
    await stop();
    throw err;
  }
  return stop;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  (child as ChildProcess & { logFile?: string }).logFile = logFile;
  return child;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const logFile = (child as ChildProcess & { logFile?: string }).logFile;
  throw new Error(`Server at ${baseUrl} did not become healthy (exit code ${child.exitCode}); see ${logFile}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
    }, 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Free TCP ports (HTTP_TEST_PORT_BASE sets where to look: parallel runs stay apart). */
async function freePorts(count: number): Promise<number[]> {
  const base = Number(process.env.HTTP_TEST_PORT_BASE ?? 3200);
  const ports: number[] = [];
  for (let port = base; port < base + 100 && ports.length < count; port++) {
    if (await isFree(port)) ports.push(port);
  }
  if (ports.length < count) throw new Error(`No free ports from ${base}`);
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
