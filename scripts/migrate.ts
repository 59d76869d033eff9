// `npm run db:migrate`: applies db/migrations to DATABASE_URL (or the embedded database).
import { closeDb, getDb, getDriver } from "../db";

process.env.SEED_DEMO ??= "0";
await getDb();
console.log(`Migrations appliquées (${await getDriver()}).`);
await closeDb();
