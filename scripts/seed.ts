// `npm run db:seed [-- --reset | --refresh]`: adds the demo app to DATABASE_URL (or the
// embedded database). --reset removes an existing demo app first; --refresh plans the demo's
// appointments again around now (the rest of the demo stays); otherwise an existing one is
// left alone.
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "../db";
import { apps } from "../db/schema";
import { deleteDemo, printDemoBanner, refreshDemo, seedDemo } from "../lib/demo/seed";
import { DEMO } from "../lib/demo/catalog";

process.env.SEED_DEMO = "0";
const db = await getDb();
const exists = (await db.select({ id: apps.id }).from(apps).where(eq(apps.id, DEMO.appId))).length > 0;
if (exists && process.argv.includes("--refresh")) {
  await refreshDemo(db, new Date(), { force: true });
  console.log("Rendez-vous de démonstration replanifiés autour de maintenant.");
} else if (exists && !process.argv.includes("--reset")) {
  console.log("Les données de démonstration existent déjà (--refresh pour replanifier leurs rendez-vous, --reset pour les recréer).");
} else {
  if (exists) await deleteDemo(db);
  await seedDemo(db);
  printDemoBanner();
}
await closeDb();
