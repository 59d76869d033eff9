import "server-only";
import { and, like, ne, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { AppError } from "../contract/errors";
import { freeSlug, slugify } from "../contract/slug";

/**
 * The slug to store: the one asked for (refused when taken) or one made from the name,
 * suffixed -2, -3… until free within `scope` (the app for companies, the company for services).
 */
export async function chooseSlug(
  db: Queryable,
  table: PgTable & { slug: PgColumn; id: PgColumn },
  scope: SQL,
  options: { asked?: string; name: string; exceptId?: string },
): Promise<string> {
  const base = options.asked ?? slugify(options.name);
  const others = options.exceptId ? ne(table.id, options.exceptId) : undefined;
  const rows = await db
    .select({ slug: table.slug })
    .from(table)
    .where(and(scope, like(table.slug, `${base}%`), others));
  const taken = new Set(rows.map((r) => r.slug as string));
  if (options.asked) {
    if (taken.has(options.asked)) throw slugTaken();
    return options.asked;
  }
  return freeSlug(base, taken);
}

export function slugTaken(): AppError {
  return new AppError("validation-error", "Cet identifiant (slug) est déjà utilisé", {
    details: { fields: { slug: ["Déjà utilisé"] } },
  });
}

