// Each test file gets its own in-memory PGlite, migrated on first use.
process.env.PGLITE_DIR = "memory://";
delete process.env.DATABASE_URL;

import { afterAll } from "vitest";
import { closeDb } from "@/db";

afterAll(() => closeDb());
