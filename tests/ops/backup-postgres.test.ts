// db:backup and db:restore on a PostgreSQL database, run as a user runs them: a round trip
// (backup, damage, restore) gives back the same rows; a database holding data is replaced only
// with --force; a cut backup is refused before anything is dropped.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { seedDemo } from "@/lib/demo/seed";
import { fingerprint, runScript } from "./support";

const server = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `rdv_backup_${process.pid}_${Date.now().toString(36)}`;
const admin = postgres(server, { max: 1, onnotice: () => {} });
const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const dir = mkdtempSync(path.join(tmpdir(), "rdv-backup-"));
const file = path.join(dir, "backup.dump");
let original: Record<string, string>;

beforeAll(async () => {
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_MAX = "2";
  const db = await getDb();
  await seedDemo(db, new Date("2026-12-09T12:00:00Z"));
  original = await fingerprint(db);
  await closeDb();
});

afterAll(async () => {
  await closeDb();
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

async function damage() {
  const db = await getDb();
  await db.execute(sql`DELETE FROM appointments WHERE status = 'COMPLETED'`);
  await db.execute(sql`UPDATE customers SET fullname = 'Effacé'`);
  await db.execute(sql`DROP TABLE login_attempts`);
  const damaged = await fingerprint(db);
  await closeDb();
  return damaged;
}

describe("db:backup / db:restore on PostgreSQL", () => {
  it("round-trips: backup, damage, restore --force, the same rows", async () => {
    const backup = runScript("scripts/backup.ts", [file], { DATABASE_URL: url });
    expect(backup.code, backup.out).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    const damaged = await damage();
    expect(damaged).not.toEqual(original);

    // Not empty: refused without --force, nothing touched.
    const refused = runScript("scripts/restore.ts", [file], { DATABASE_URL: url });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("--force");
    expect(await fingerprint(await getDb())).toEqual(damaged);
    await closeDb();

    // A cut backup: refused before anything is dropped.
    const cut = path.join(dir, "cut.dump");
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const broken = runScript("scripts/restore.ts", [cut, "--force"], { DATABASE_URL: url });
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("illisible ou incomplète");
    expect(await fingerprint(await getDb())).toEqual(damaged);
    await closeDb();

    const restored = runScript("scripts/restore.ts", [file, "--force"], { DATABASE_URL: url });
    expect(restored.code, restored.out).toBe(0);
    expect(await fingerprint(await getDb())).toEqual(original);
    await closeDb();
  });
});
