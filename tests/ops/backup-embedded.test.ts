// db:backup and db:restore on the embedded database folder: a round trip gives back the same
// rows, the folder in use by a running app is refused, a database holding data is replaced only
// with --force (its former folder kept beside it), a cut backup is refused before anything moves.
// The folder's lock also stops a second server from opening it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { prepareDatabase } from "@/lib/startup";
import { fingerprint, runScript } from "./support";

const root = mkdtempSync(path.join(tmpdir(), "rdv-embedded-"));
const dataDir = path.join(root, "pglite");
const file = path.join(root, "backup.tar.gz");
const env = { PGLITE_DIR: dataDir, DATABASE_URL: "" };
let original: Record<string, string>;

beforeAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = dataDir;
  // Starting on the empty folder migrates it and fills it with the demo.
  await prepareDatabase();
  original = await fingerprint(await getDb());
});

afterAll(async () => {
  await closeDb();
  rmSync(root, { recursive: true, force: true });
});

describe("db:backup / db:restore on the embedded database", () => {
  it("a folder another process has open: the backup and a second server refuse, naming it", async () => {
    const busy = runScript("scripts/backup.ts", [file], env);
    expect(busy.code).toBe(1);
    expect(busy.out).toContain("déjà ouverte par un autre processus");
    const server = runScript("server/index.ts", [], { ...env, AUTH_SECRET: "ops-test-secret", PORT: "0" });
    expect(server.code).toBe(1);
    expect(server.out).toContain(`La base embarquée ${dataDir} est déjà ouverte`);
    expect(server.out).not.toMatch(/\n\s+at /);
    await closeDb();
  });

  it("round-trips: backup, damage, restore --force, the same rows", async () => {
    const backup = runScript("scripts/backup.ts", [file], env);
    expect(backup.code, backup.out).toBe(0);

    const db = await getDb();
    await db.execute(sql`DELETE FROM appointments WHERE status = 'COMPLETED'`);
    await db.execute(sql`UPDATE customers SET fullname = 'Effacé'`);
    const damaged = await fingerprint(db);
    expect(damaged).not.toEqual(original);
    await closeDb();

    const refused = runScript("scripts/restore.ts", [file], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("--force");

    const cut = path.join(root, "cut.tar.gz");
    const bytes = readFileSync(file);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const broken = runScript("scripts/restore.ts", [cut, "--force"], env);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("illisible ou incomplète");
    expect(await fingerprint(await getDb())).toEqual(damaged);
    await closeDb();

    const restored = runScript("scripts/restore.ts", [file, "--force"], env);
    expect(restored.code, restored.out).toBe(0);
    expect(await fingerprint(await getDb())).toEqual(original);
    // The damaged folder was moved aside, not deleted.
    expect(readdirSync(root).some((f) => f.startsWith("pglite.before-restore-"))).toBe(true);
    expect(existsSync(dataDir)).toBe(true);
  });
});
