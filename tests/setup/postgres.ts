import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";

process.env.DATABASE_URL = inject("databaseUrl");
// Test files run in parallel with the HTTP servers and Playwright's: keep each pool small so
// the suite stays under the server's max_connections (100 here).
process.env.DATABASE_POOL_MAX ??= "6";
afterAll(() => closeDb());
