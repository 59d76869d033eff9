// Builds a fresh tenant per test: every query is scoped by app, so tests sharing a database
// never see each other's rows.
import { getDb } from "@/db";
import { apps } from "@/db/schema";
import { type Caller, systemCaller } from "@/lib/auth/caller";
import type { Scope } from "@/lib/contract/scopes";
import { SCOPES } from "@/lib/contract/scopes";
import { createAgent, createCompany, createCustomer, createService } from "@/lib/catalog";
import { createAppointment } from "@/lib/appointments";
import type { ServiceFieldInput } from "@/lib/contract/fields";

export const ALL_FIELD_TYPES: ServiceFieldInput[] = [
  {
    name: "type_coupe",
    label: "Type de coupe",
    type: "select",
    required: true,
    options: [
      { label: "Classique", value: "classique", price: 0 },
      { label: "Dégradé", value: "degrade", price: 1000 },
    ],
  },
  {
    name: "soins",
    label: "Soins",
    type: "multipleSelect",
    options: [
      { label: "Masque", value: "masque", price: 2000 },
      { label: "Huile", value: "huile", price: 1500 },
    ],
  },
  { name: "commentaires", label: "Commentaires", type: "text", maxLength: 20 },
  { name: "age", label: "Âge", type: "number" },
  { name: "email_recu", label: "E-mail", type: "email" },
  { name: "telephone_rappel", label: "Téléphone", type: "phone" },
  { name: "date_evenement", label: "Date de l'événement", type: "date" },
];

let phoneCounter = 0;
export function uniquePhone(): string {
  phoneCounter += 1;
  return `+22507${String(Date.now() % 1e5).padStart(5, "0")}${String(phoneCounter).padStart(3, "0")}`;
}

export async function makeTenant(name = "Test") {
  const db = await getDb();
  const [app] = await db.insert(apps).values({ name }).returning();
  const owner = systemCaller(app.id, "Test owner");
  const companyA = await createCompany(owner, { name: "Salon A" });
  const companyB = await createCompany(owner, { name: "Spa B", timezone: "Europe/Paris" });
  const serviceA = await createService(owner, {
    companyId: companyA.id,
    name: "Coupe",
    basePrice: 3000,
    duration: 30,
    fields: ALL_FIELD_TYPES,
  });
  const serviceB = await createService(owner, { companyId: companyB.id, name: "Massage", basePrice: 20000, duration: 60 });
  const agentA = await createAgent(owner, { companyId: companyA.id, fullname: "Awa Koné", serviceIds: [serviceA.id] });
  const agentB = await createAgent(owner, { companyId: companyB.id, fullname: "Serge Kouadio", serviceIds: [serviceB.id] });
  const { customer } = await createCustomer(owner, { fullname: "Aya Kouadio", telephone: uniquePhone() });

  /** A caller limited to some companies and scopes, like an API key or a staff member. */
  const caller = (options: { companyIds?: string[] | "all"; scopes?: readonly Scope[] } = {}): Caller => ({
    appId: app.id,
    companyIds: options.companyIds ?? "all",
    scopes: options.scopes ?? [...SCOPES],
    actor: { type: "api_key", id: "00000000-0000-4000-8000-000000000000", name: "test key" },
  });

  let slot = 0;
  /** A free slot for agentA: every call returns a later hour. */
  const nextSlot = () => new Date(Date.UTC(2030, 0, 1, 8, 0) + slot++ * 3_600_000);

  /** A booking of serviceA with agentA at its next free slot, as the API takes it. */
  const bookingBody = () => ({
    serviceId: serviceA.id,
    customerId: customer.id,
    agentId: agentA.id,
    date: nextSlot().toISOString(),
    filledFields: { type_coupe: "classique" },
  });
  const book = (overrides: Partial<Parameters<typeof createAppointment>[1]> = {}, as: Caller = owner) =>
    createAppointment(as, { ...bookingBody(), ...overrides });

  return { appId: app.id, owner, caller, companyA, companyB, serviceA, serviceB, agentA, agentB, customer, book, bookingBody, nextSlot };
}

export type Tenant = Awaited<ReturnType<typeof makeTenant>>;

/** Runs `fn` and returns the AppError code it threw (or "no-error"). */
export async function codeOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
    return "no-error";
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (typeof code === "string" && code.includes("-")) return code;
    throw err;
  }
}

/**
 * Waits until every event of the app is settled: the feed holds an event back while any older
 * write transaction is open on the PostgreSQL server — other tests' too, since transaction ids
 * are the server's. A test that reads the feed right after writing waits here first.
 */
export async function eventsSettled(appId: string): Promise<void> {
  const { executeRows, getDb } = await import("@/db");
  const { sql } = await import("drizzle-orm");
  const db = await getDb();
  for (let i = 0; i < 600; i++) {
    const [row] = await executeRows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM appointment_events WHERE app_id = ${appId}::uuid AND xid >= pg_snapshot_xmin(pg_current_snapshot())`,
    );
    if (Number(row.n) === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the app's events are still held back after a minute");
}
