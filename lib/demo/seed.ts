// Demo data: one app, two companies of Abidjan, their catalog, a client book and about 300
// appointments over the last and next two weeks in every status, each with its history.
// Runs on the first start of an empty embedded database, and with `npm run db:seed`.
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db";
import * as t from "../../db/schema";
import { serviceFieldsSchema } from "../contract/fields";
import { digestApiKey } from "../auth/api-key-secret";
import { hashPassword } from "../auth/password";
import { SCOPES } from "../contract/scopes";
import { defaultMessageSettings } from "../contract/message-settings";
import { DEMO, DEMO_COMPANIES, demoCustomers, seededRandom } from "./catalog";
import { planDemoAppointments, refreshDemo } from "./appointments";
import { DEMO_TIMEZONE, demoOpeningHours } from "./plan";

export { refreshDemo };

/**
 * On start: an empty database gets the demo app; a demo planned on an earlier day gets its
 * appointments planned again around today.
 */
export async function seedDemoIfEmpty(db: Db, now = new Date()): Promise<void> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t.apps);
  if (Number(row.n) > 0) {
    if (await refreshDemo(db, now)) console.log("  Rendez-vous — démonstration replanifiée autour d'aujourd'hui");
    return;
  }
  await seedDemo(db, now);
  printDemoBanner();
}

export function printDemoBanner(): void {
  console.log(
    [
      "",
      "  Rendez-vous — données de démonstration créées",
      `  App id     : ${DEMO.appId}`,
      `  Connexion  : ${DEMO.owner.email} / ${DEMO.owner.password}`,
      `  Accueil spa: ${DEMO.staff.email} / ${DEMO.staff.password}`,
      `  Clé API    : ${DEMO.apiKey}`,
      "",
    ].join("\n"),
  );
}

/** Removes the demo app and everything under it (not the users, who may belong elsewhere). */
export async function deleteDemo(db: Db): Promise<void> {
  await db.delete(t.apps).where(eq(t.apps.id, DEMO.appId));
}

export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const random = seededRandom(20260115);
  const appId = DEMO.appId;
  const [ownerHash, staffHash] = await Promise.all([hashPassword(DEMO.owner.password), hashPassword(DEMO.staff.password)]);

  await db.transaction(async (tx) => {
    await tx.insert(t.apps).values({ id: appId, name: DEMO.appName });

    await tx.insert(t.customers).values(demoCustomers(random).map((c) => ({ ...c, appId })));
    // Messages on, through the journal only: the demo shows what would be sent, and sends nothing.
    await tx.insert(t.messageProviders).values({ appId, channel: "journal" });

    const companyIds: Record<string, string> = {};
    for (const demo of DEMO_COMPANIES) {
      const { services: demoServices, agents: demoAgents, ...companyData } = demo;
      const [company] = await tx
        .insert(t.companies)
        .values({ ...companyData, appId, timezone: DEMO_TIMEZONE, currency: "XOF", openingHours: demoOpeningHours() })
        .returning();
      companyIds[demo.slug] = company.id;
      await tx.insert(t.messageSettings).values({ appId, companyId: company.id, settings: { ...defaultMessageSettings(), enabled: true } });

      const services = await tx
        .insert(t.services)
        .values(demoServices.map((s) => ({ ...s, fields: serviceFieldsSchema.parse(s.fields), appId, companyId: company.id })))
        .returning();
      const serviceBySlug = new Map(services.map((s) => [s.slug, s]));

      const agents = await tx
        .insert(t.agents)
        .values(demoAgents.map(({ services: _, ...a }) => ({ ...a, appId, companyId: company.id })))
        .returning();
      await tx.insert(t.agentServices).values(
        demoAgents.flatMap((a, i) =>
          a.services.map((slug) => ({ appId, companyId: company.id, agentId: agents[i].id, serviceId: serviceBySlug.get(slug)!.id })),
        ),
      );
    }
    await planDemoAppointments(tx, now);

    const [owner, staff] = await Promise.all(
      [
        { ...DEMO.owner, passwordHash: ownerHash },
        { ...DEMO.staff, passwordHash: staffHash },
      ].map(async (u) => {
        await tx
          .insert(t.users)
          .values({ email: u.email, name: u.name, passwordHash: u.passwordHash })
          .onConflictDoNothing({ target: t.users.email });
        const [user] = await tx.select().from(t.users).where(eq(t.users.email, u.email));
        return user;
      }),
    );
    await tx.insert(t.memberships).values([
      { appId, userId: owner.id, role: "owner" },
      { appId, userId: staff.id, role: "staff" },
    ]);
    await tx
      .insert(t.membershipCompanies)
      .values({ appId, userId: staff.id, companyId: companyIds["spa-lagune-plateau"] });

    await tx.insert(t.apiKeys).values({
      appId,
      name: "Clé de démonstration",
      prefix: DEMO.apiKey.slice(0, 12),
      digest: digestApiKey(DEMO.apiKey),
      scopes: [...SCOPES],
    });
  });
}
