// Each test file gets its own in-memory PGlite: a copy of the migrated one made by the global
// setup (./pglite-template.ts), migrated again on first use (already up to date).
process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;

import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";

process.env.PGLITE_TEMPLATE = inject("pgliteTemplate");
afterAll(() => closeDb());
