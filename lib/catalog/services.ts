import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { services } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError, pgErrorCode } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { escapeLike } from "../like";
import { decodeCursor, pageOf } from "../contract/pagination";
import { parseInput } from "../contract/parse";
import { resolveCompanyId } from "./company-of";
import { catalogListInput, serviceEdit, serviceInput, type CatalogListInput, type ServiceEdit, type ServiceInput } from "../contract/catalog-inputs";
import { chooseSlug, slugTaken } from "./unique-slug";

const visible = (caller: Caller) => and(eq(services.appId, caller.appId), companyScope(caller, services.companyId));

export async function listServices(caller: Caller, input: CatalogListInput = {}) {
  requireScope(caller, "catalog:read");
  const f = parseInput(catalogListInput, input);
  if (f.companyId !== undefined && !isUuid(f.companyId)) return { data: [], nextCursor: null };
  const db = await getDb();
  const conditions = [visible(caller)];
  if (f.companyId) conditions.push(eq(services.companyId, f.companyId));
  if (f.isActive !== undefined) conditions.push(eq(services.isActive, f.isActive));
  if (f.search) conditions.push(or(ilike(services.name, `%${escapeLike(f.search)}%`), ilike(services.slug, `%${escapeLike(f.search)}%`)));
  if (f.cursor) {
    const [name, id] = decodeCursor(f.cursor, 2);
    if (!isUuid(id)) return { data: [], nextCursor: null };
    conditions.push(sql`(${services.name}, ${services.id}) > (${name}, ${id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(services)
    .where(and(...conditions))
    .orderBy(asc(services.name), asc(services.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => [r.name, r.id]);
}

export async function getService(caller: Caller, id: string) {
  requireScope(caller, "catalog:read");
  if (!isUuid(id)) throw new AppError("service-not-found");
  const db = await getDb();
  const [row] = await db.select().from(services).where(and(visible(caller), eq(services.id, id))).limit(1);
  if (!row) throw new AppError("service-not-found");
  return row;
}

export async function createService(caller: Caller, input: ServiceInput) {
  requireScope(caller, "catalog:write");
  const data = parseInput(serviceInput, input);
  const db = await getDb();
  const companyId = await resolveCompanyId(db, caller, data.companyId);
  try {
    return await db.transaction(async (tx) => {
      const scope = and(eq(services.appId, caller.appId), eq(services.companyId, companyId))!;
      const slug = await chooseSlug(tx, services, scope, { asked: data.slug, name: data.name });
      const [row] = await tx
        .insert(services)
        .values({ ...data, companyId, slug, appId: caller.appId })
        .returning();
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw slugTaken();
    throw err;
  }
}

/** Changing the fields changes what future appointments must fill; booked ones keep theirs. */
export async function editService(caller: Caller, id: string, input: ServiceEdit) {
  requireScope(caller, "catalog:write");
  const data = parseInput(serviceEdit, input);
  const current = await getService(caller, id);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const scope = and(eq(services.appId, caller.appId), eq(services.companyId, current.companyId))!;
      const slug =
        data.slug !== undefined && data.slug !== current.slug
          ? await chooseSlug(tx, services, scope, { asked: data.slug, name: current.name, exceptId: id })
          : undefined;
      const [row] = await tx
        .update(services)
        .set({ ...data, ...(slug ? { slug } : {}), updatedAt: sql`now()` })
        .where(and(eq(services.appId, caller.appId), eq(services.id, id)))
        .returning();
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw slugTaken();
    throw err;
  }
}

export type ServiceView = Awaited<ReturnType<typeof getService>>;
