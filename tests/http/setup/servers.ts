// Global setup of the HTTP tests: a throwaway PostgreSQL database, the production server
// (server/index.ts: /app/ straight to Hono) and plain `next start` (the route-handler mount),
// both on the same `next build` output and database. Tests get their URLs through inject().
//
// Needs a build in NEXT_DIST_DIR (default .next): `npm test` builds first; locally
// `NEXT_DIST_DIR=.next-api npx next build` then `NEXT_DIST_DIR=.next-api npx vitest run --project http`.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { freePorts, root, serverEnv, start, startProductionServer, stopChild, waitForHealth } from "../support/processes";

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
    await Promise.all(children.map((child) => stopChild(child)));
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };

  try {
    const [apiPort, nextPort] = await freePorts(2);
    const env = serverEnv(databaseUrl);
    // The production server migrates the database; `next start` waits for it so the two do
    // not race on an empty database (the migration lock would make them take turns anyway).
    const serverLog = path.join(logDir, "server.log");
    children.push(startProductionServer(env, apiPort, serverLog));
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
