// Each test file talks to the servers over HTTP and sets up its data through the domain
// functions on the same database.
import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";

process.env.DATABASE_URL = inject("databaseUrl");
// Endpoints saved by the tests point at their local receivers (127.0.0.1), as the servers allow.
process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";
afterAll(() => closeDb());
