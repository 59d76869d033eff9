// What the agents' and services' server actions share: the envelope they check (the domain
// parses the values themselves and answers field errors keyed like the form's), the refresh
// of the company's pages, and the check that a row belongs to the company of the page.
import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { getCompanyBySlug } from "@/lib/catalog";
import { AppError, type ErrorCode } from "@/lib/contract/errors";

export const values = z.record(z.string(), z.unknown());
export const company = z.string().max(100);
export const id = z.string().max(100);

/** Agents and services appear in the new-appointment form, the calendar's columns and filters, the lists: all of the company. */
export function refreshCompany() {
  revalidatePath("/c/[company]", "layout");
}

/** The row, if it belongs to the company of the page (a URL never edits another company's). */
export async function ofCompany<R extends { companyId: string }>(caller: Caller, slug: string, row: Promise<R>, notFound: ErrorCode): Promise<R> {
  const [c, r] = await Promise.all([getCompanyBySlug(caller, slug), row]);
  if (r.companyId !== c.id) throw new AppError(notFound);
  return r;
}
