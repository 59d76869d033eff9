import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { customers } from "@/db/schema";
import { type Caller, requireAnyScope } from "../auth/caller";
import { AppError, pgErrorCode } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { escapeLike } from "../like";
import { decodeCursor, pageOf } from "../contract/pagination";
import { parseInput } from "../contract/parse";
import { catalogListInput, customerEdit, customerInput, type CatalogListInput, type CustomerEdit, type CustomerInput } from "../contract/catalog-inputs";

// One client book per app, shared by its companies: customers are scoped by app only.
const inApp = (caller: Caller) => eq(customers.appId, caller.appId);
const canRead = (caller: Caller) => requireAnyScope(caller, "catalog:read", "appointments:read");
const canWrite = (caller: Caller) => requireAnyScope(caller, "catalog:write", "appointments:write");

/** Customers by name; `search` matches the name or the phone's digits. */
export async function listCustomers(caller: Caller, input: CatalogListInput = {}) {
  canRead(caller);
  const f = parseInput(catalogListInput, input);
  const conditions = [inApp(caller)];
  if (f.search) {
    const digits = f.search.replace(/\D/g, "");
    conditions.push(
      or(
        ilike(customers.fullname, `%${escapeLike(f.search)}%`),
        digits.length >= 3 ? sql`${customers.telephone} LIKE ${`%${digits}%`}` : undefined,
      )!,
    );
  }
  if (f.cursor) {
    const [name, id] = decodeCursor(f.cursor, 2);
    if (!isUuid(id)) return { data: [], nextCursor: null };
    conditions.push(sql`(${customers.fullname}, ${customers.id}) > (${name}, ${id}::uuid)`);
  }
  const db = await getDb();
  const rows = await db
    .select()
    .from(customers)
    .where(and(...conditions))
    .orderBy(asc(customers.fullname), asc(customers.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => [r.fullname, r.id]);
}

export async function getCustomer(caller: Caller, id: string) {
  canRead(caller);
  if (!isUuid(id)) throw new AppError("customer-not-found");
  const db = await getDb();
  const [row] = await db.select().from(customers).where(and(inApp(caller), eq(customers.id, id))).limit(1);
  if (!row) throw new AppError("customer-not-found");
  return row;
}

/**
 * Upsert by phone (normalised to E.164): a booking app may send the same customer twice,
 * and gets the existing one back, unchanged, with created = false.
 */
export async function createCustomer(caller: Caller, input: CustomerInput) {
  canWrite(caller);
  const data = parseInput(customerInput, input);
  const db = await getDb();
  const [created] = await db
    .insert(customers)
    .values({ ...data, appId: caller.appId })
    .onConflictDoNothing({ target: [customers.appId, customers.telephone] })
    .returning();
  if (created) return { customer: created, created: true };
  const [existing] = await db
    .select()
    .from(customers)
    .where(and(inApp(caller), eq(customers.telephone, data.telephone)))
    .limit(1);
  return { customer: existing, created: false };
}

export async function editCustomer(caller: Caller, id: string, input: CustomerEdit) {
  canWrite(caller);
  const data = parseInput(customerEdit, input);
  await getCustomer(caller, id);
  const db = await getDb();
  try {
    const [row] = await db
      .update(customers)
      .set({ ...data, updatedAt: sql`now()` })
      .where(and(inApp(caller), eq(customers.id, id)))
      .returning();
    return row;
  } catch (err) {
    if (pgErrorCode(err) === "23505") {
      throw new AppError("validation-error", "Ce numéro appartient déjà à un autre client", {
        details: { fields: { telephone: ["Déjà utilisé par un autre client"] } },
      });
    }
    throw err;
  }
}

export type CustomerView = Awaited<ReturnType<typeof getCustomer>>;
