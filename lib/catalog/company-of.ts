import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db";
import { companies } from "@/db/schema";
import { type Caller, canSeeCompany } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";

/**
 * The company a new service or agent goes to: the one named, or the app's default
 * (or, for a caller limited to one company, that company). Unknown or not the caller's:
 * company-not-found.
 */
export async function resolveCompanyId(db: Queryable, caller: Caller, companyId: string | undefined): Promise<string> {
  if (companyId === undefined && caller.companyIds !== "all" && caller.companyIds.length === 1) {
    return caller.companyIds[0];
  }
  if (companyId !== undefined && (!isUuid(companyId) || !canSeeCompany(caller, companyId))) {
    throw new AppError("company-not-found");
  }
  const [row] = await db
    .select({ id: companies.id })
    .from(companies)
    .where(
      and(
        eq(companies.appId, caller.appId),
        companyId !== undefined ? eq(companies.id, companyId) : eq(companies.isDefault, true),
      ),
    )
    .orderBy(desc(companies.isDefault))
    .limit(1);
  if (!row || !canSeeCompany(caller, row.id)) throw new AppError("company-not-found");
  return row.id;
}
