import { afterAll, inject } from "vitest";
import { closeDb } from "@/db";

process.env.DATABASE_URL = inject("databaseUrl");
afterAll(() => closeDb());
