// A second app (tenant) the demo owner also belongs to, joined after the demo one: sign-in still
// lands in the demo app, and the account menu offers the switch (tests/e2e/app-switcher.spec.ts).
import { getDb } from "../../../db";
import { apps } from "../../../db/schema";
import { systemCaller } from "../../../lib/auth/caller";
import { addMember } from "../../../lib/auth/team";
import { createCompany } from "../../../lib/catalog";
import { OWNER, SECOND_APP } from "./accounts";

export async function addSecondApp() {
  const db = await getDb();
  await db.insert(apps).values({ id: SECOND_APP.id, name: SECOND_APP.name });
  const caller = systemCaller(SECOND_APP.id);
  await createCompany(caller, { name: SECOND_APP.company.name, slug: SECOND_APP.company.slug, timezone: "Africa/Abidjan", currency: "XOF" });
  // The demo owner's account already exists: only a membership is added (no password).
  await addMember(caller, { email: OWNER.email, name: OWNER.name, role: "admin" });
}
