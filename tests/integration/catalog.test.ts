import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apps } from "@/db/schema";
import { systemCaller } from "@/lib/auth/caller";
import {
  createAgent,
  createCompany,
  createCustomer,
  createService,
  editAgent,
  editCompany,
  editCustomer,
  getCompanyBySlug,
  listAgents,
  listCompanies,
  listCustomers,
  listServices,
} from "@/lib/catalog";
import { codeOf, makeTenant, uniquePhone, type Tenant } from "../support/factories";

describe("catalog", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("makes the first company the default and keeps exactly one default", async () => {
    const db = await getDb();
    const [app] = await db.insert(apps).values({ name: "Fresh" }).returning();
    const owner = systemCaller(app.id);
    const first = await createCompany(owner, { name: "Premier Salon" });
    expect(first.isDefault).toBe(true);
    expect(first.timezone).toBe("Africa/Abidjan");
    expect(first.currency).toBe("XOF");
    const second = await createCompany(owner, { name: "Deuxième", isDefault: true });
    const all = await listCompanies(owner);
    expect(all.filter((c) => c.isDefault).map((c) => c.id)).toEqual([second.id]);
    await editCompany(owner, first.id, { isDefault: true });
    expect((await listCompanies(owner)).filter((c) => c.isDefault).map((c) => c.id)).toEqual([first.id]);
    expect(await codeOf(() => editCompany(owner, first.id, { isDefault: false }))).toBe("validation-error");
    // An edit of one field leaves the others alone.
    const renamed = await editCompany(owner, second.id, { name: "Deuxième Salon" });
    expect(renamed.timezone).toBe("Africa/Abidjan");
    expect(renamed.slug).toBe("deuxieme");
  });

  it("generates unique slugs and refuses a taken one", async () => {
    const a = await createCompany(t.owner, { name: "Salon A" });
    expect(a.slug).toBe("salon-a-2");
    expect((await getCompanyBySlug(t.owner, "salon-a-2")).id).toBe(a.id);
    expect(await codeOf(() => createCompany(t.owner, { name: "X", slug: "salon-a" }))).toBe("validation-error");
    const s1 = await createService(t.owner, { companyId: t.companyA.id, name: "Coupe Enfant", basePrice: 2000, duration: 20 });
    const s2 = await createService(t.owner, { companyId: t.companyA.id, name: "Coupe enfant!", basePrice: 2000, duration: 20 });
    const s3 = await createService(t.owner, { companyId: t.companyB.id, name: "Coupe Enfant", basePrice: 2000, duration: 20 });
    expect([s1.slug, s2.slug, s3.slug]).toEqual(["coupe-enfant", "coupe-enfant-2", "coupe-enfant"]);
  });

  it("refuses an unknown time zone, a bad e-mail or phone", async () => {
    expect(await codeOf(() => createCompany(t.owner, { name: "X", timezone: "Mars/Olympus" }))).toBe("validation-error");
    expect(await codeOf(() => createCompany(t.owner, { name: "X", email: "nope" }))).toBe("validation-error");
    expect(await codeOf(() => createCompany(t.owner, { name: "X", telephone: "123" }))).toBe("validation-error");
    expect(await codeOf(() => createService(t.owner, { name: "X", basePrice: 0, duration: 2 }))).toBe("validation-error");
  });

  it("puts a service without companyId in the default company", async () => {
    const s = await createService(t.owner, { name: "Sans entreprise", basePrice: 0, duration: 30 });
    expect(s.companyId).toBe(t.companyA.id);
    const onlyB = t.caller({ companyIds: [t.companyB.id] });
    const sb = await createService(onlyB, { name: "Pour B", basePrice: 0, duration: 30 });
    expect(sb.companyId).toBe(t.companyB.id);
    expect(await codeOf(() => createCompany(onlyB, { name: "Nouvelle" }))).toBe("not-authorized");
  });

  it("keeps an agent's services within the company and replaces them on edit", async () => {
    const extra = await createService(t.owner, { companyId: t.companyA.id, name: "Barbe", basePrice: 1000, duration: 15 });
    const agent = await createAgent(t.owner, { companyId: t.companyA.id, fullname: "Yao", serviceIds: [t.serviceA.id, extra.id] });
    expect(agent.serviceIds.sort()).toEqual([t.serviceA.id, extra.id].sort());
    const edited = await editAgent(t.owner, agent.id, { serviceIds: [extra.id] });
    expect(edited.serviceIds).toEqual([extra.id]);
    expect(await codeOf(() => editAgent(t.owner, agent.id, { serviceIds: [t.serviceB.id] }))).toBe("service-not-found");
    expect((await editAgent(t.owner, agent.id, {})).serviceIds).toEqual([extra.id]);
    const performers = await listAgents(t.owner, { serviceId: extra.id });
    expect(performers.data.map((a) => a.id)).toEqual([agent.id]);
  });

  it("upserts customers by normalised phone", async () => {
    const phone = uniquePhone();
    const national = `0${phone.slice(5)}`.replace(/(\d{2})(?=\d)/g, "$1 ");
    const first = await createCustomer(t.owner, { fullname: "Awa Bamba", telephone: phone });
    expect(first.created).toBe(true);
    const again = await createCustomer(t.owner, { fullname: "Awa B.", telephone: `+225 ${phone.slice(4)}` });
    expect(again).toMatchObject({ created: false, customer: { id: first.customer.id, fullname: "Awa Bamba" } });
    expect(national.length).toBeGreaterThan(10);
    const other = await createCustomer(t.owner, { fullname: "Autre", telephone: uniquePhone() });
    expect(await codeOf(() => editCustomer(t.owner, other.customer.id, { telephone: phone }))).toBe("validation-error");
    const found = await listCustomers(t.owner, { search: phone.slice(-6) });
    expect(found.data.map((c) => c.id)).toEqual([first.customer.id]);
  });

  it("pages catalog lists with a cursor", async () => {
    for (let i = 0; i < 5; i++) await createService(t.owner, { companyId: t.companyB.id, name: `Soin ${i}`, basePrice: 0, duration: 30 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listServices>> = await listServices(t.owner, { companyId: t.companyB.id, limit: 2, cursor });
      seen.push(...page.data.map((s) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = await listServices(t.owner, { companyId: t.companyB.id });
    expect(seen).toEqual(all.data.map((s) => s.id));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
