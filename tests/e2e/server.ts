// The e2e web server: a fresh PostgreSQL database with the demo data (plus a company in
// Europe/Paris, a busy company and a second app the demo owner belongs to), then the production server (server/index.ts) on the build. Dropped again on exit.
// Run by Playwright's webServer; by hand: npx tsx --import ./scripts/register.mjs tests/e2e/server.ts
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { databaseUrl as urlOf, PG_SERVER_URL } from "./support/database";

const port = process.env.E2E_PORT ?? "3310";
const distDir = process.env.NEXT_DIST_DIR ?? ".next";
// Named by the Playwright runner (its pid first, so a killed run's database is found stale).
const name = process.env.E2E_DATABASE ?? `rdv_e2e_${process.pid}_${Date.now().toString(36)}`;

if (!existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`No production build in ${distDir}/: run \`npm run build\` first (NEXT_DIST_DIR=${distDir}).`);
  process.exit(1);
}

const admin = postgres(PG_SERVER_URL, { max: 1, onnotice: () => {} });
await dropStale();
await admin.unsafe(`CREATE DATABASE "${name}"`);
const databaseUrl = urlOf(name);

process.env.DATABASE_URL = databaseUrl;
process.env.SEED_DEMO = "0";
const { closeDb, getDb } = await import("../../db");
const { seedDemo } = await import("../../lib/demo/seed");
const { addParisCompany } = await import("./support/paris-company");
const { addDenseCompany } = await import("./support/dense-company");
const { addSecondApp } = await import("./support/second-app");
const { addMessagesFixture } = await import("./support/messages-fixture");
const db = await getDb(); // migrates
await seedDemo(db);
await addParisCompany();
await addDenseCompany();
await addSecondApp();
await addMessagesFixture();
await closeDb();

// The production server (`npm start`): pages through Next, /app/ straight to the API.
const next = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", "server/index.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: distDir,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789",
    // A process zone far from the companies' zones: dates must follow the company, not the server.
    TZ: process.env.E2E_SERVER_TZ ?? "Pacific/Kiritimati",
    NEXT_TELEMETRY_DISABLED: "1",
    // The webhooks test's receiver listens on 127.0.0.1.
    WEBHOOKS_ALLOW_LOOPBACK: "1",
    WEBHOOKS_POLL_MS: "200",
  },
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) {
    next.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        next.kill("SIGKILL");
        resolve(null);
      }, 5000);
      next.once("exit", () => {
        clearTimeout(timer);
        resolve(null);
      });
    });
  }
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await admin.end({ timeout: 2 });
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 1));

/** Databases left by runs that were killed (their process is gone). */
async function dropStale() {
  const rows = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE 'rdv_e2e_%'`;
  for (const { datname } of rows) {
    const pid = Number(datname.split("_")[2]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
}
