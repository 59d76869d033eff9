// Each test file talks to the servers over HTTP and sets up its data through the domain
// functions on the same database.
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";

process.env.DATABASE_URL = inject("databaseUrl");
afterAll(() => closeDb());
