// Global setup of the PGlite project: one in-memory database opened (initdb, the slow part:
// seconds per file on 2 cores) and migrated once, dumped to a file; each test file's database
// starts as a copy of it (PGLITE_TEMPLATE, db/index.ts), then migrates as usual (nothing left to do).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { btree_gist } = await import("@electric-sql/pglite/contrib/btree_gist");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = mkdtempSync(path.join(os.tmpdir(), "rdv-pglite-"));
  const file = path.join(dir, "migrated.tar");
  const client = await PGlite.create("memory://", { extensions: { btree_gist } });
  try {
    await migrate(drizzle({ client, casing: "snake_case" }), { migrationsFolder: path.join(project.config.root, "db/migrations") });
    const dump = await client.dumpDataDir("none");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await client.close();
  }
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
