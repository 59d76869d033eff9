import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { companies } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError, pgErrorCode } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import { companyEdit, companyInput, type CompanyEdit, type CompanyInput } from "../contract/catalog-inputs";
import { chooseSlug, slugTaken } from "./unique-slug";

const visible = (caller: Caller) => and(eq(companies.appId, caller.appId), companyScope(caller, companies.id));

/** The companies the caller may see, the default first. */
export async function listCompanies(caller: Caller) {
  requireScope(caller, "catalog:read");
  const db = await getDb();
  return db.select().from(companies).where(visible(caller)).orderBy(desc(companies.isDefault), asc(companies.name));
}

export async function getCompany(caller: Caller, id: string) {
  requireScope(caller, "catalog:read");
  if (!isUuid(id)) throw new AppError("company-not-found");
  const db = await getDb();
  const [row] = await db.select().from(companies).where(and(visible(caller), eq(companies.id, id))).limit(1);
  if (!row) throw new AppError("company-not-found");
  return row;
}

/** Dashboard URLs name companies by slug. */
export async function getCompanyBySlug(caller: Caller, slug: string) {
  requireScope(caller, "catalog:read");
  const db = await getDb();
  const [row] = await db.select().from(companies).where(and(visible(caller), eq(companies.slug, slug))).limit(1);
  if (!row) throw new AppError("company-not-found");
  return row;
}

/** A caller limited to some companies cannot add or reshape companies of the app. */
function requireWholeApp(caller: Caller) {
  requireScope(caller, "catalog:write");
  if (caller.companyIds !== "all") {
    throw new AppError("not-authorized", "Réservé aux accès couvrant toute l'application", { status: 403 });
  }
}

/** The first company of an app is its default; asking for isDefault moves the default here. */
export async function createCompany(caller: Caller, input: CompanyInput) {
  requireWholeApp(caller);
  const data = parseInput(companyInput, input);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const slug = await chooseSlug(tx, companies, eq(companies.appId, caller.appId), {
        asked: data.slug,
        name: data.name,
      });
      const [existing] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(companies)
        .where(eq(companies.appId, caller.appId));
      const isDefault = data.isDefault === true || Number(existing.n) === 0;
      if (isDefault) await clearDefault(tx, caller.appId);
      const [row] = await tx
        .insert(companies)
        .values({ ...data, slug, isDefault, appId: caller.appId })
        .returning();
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw slugTaken();
    throw err;
  }
}

export async function editCompany(caller: Caller, id: string, input: CompanyEdit) {
  requireScope(caller, "catalog:write");
  const data = parseInput(companyEdit, input);
  const current = await getCompany(caller, id);
  if (data.isDefault !== undefined && caller.companyIds !== "all") requireWholeApp(caller);
  if (data.isDefault === false && current.isDefault) {
    throw new AppError("validation-error", "Choisissez une autre entreprise par défaut plutôt que de retirer celle-ci", {
      details: { fields: { isDefault: ["Une application garde toujours une entreprise par défaut"] } },
    });
  }
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const slug =
        data.slug !== undefined && data.slug !== current.slug
          ? await chooseSlug(tx, companies, eq(companies.appId, caller.appId), {
              asked: data.slug,
              name: current.name,
              exceptId: id,
            })
          : undefined;
      if (data.isDefault === true && !current.isDefault) await clearDefault(tx, caller.appId);
      const [row] = await tx
        .update(companies)
        .set({ ...data, ...(slug ? { slug } : {}), updatedAt: sql`now()` })
        .where(and(eq(companies.appId, caller.appId), eq(companies.id, id)))
        .returning();
      return row;
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw slugTaken();
    throw err;
  }
}

async function clearDefault(tx: Tx, appId: string) {
  await tx
    .update(companies)
    .set({ isDefault: false })
    .where(and(eq(companies.appId, appId), eq(companies.isDefault, true)));
}

export type CompanyView = Awaited<ReturnType<typeof getCompany>>;
