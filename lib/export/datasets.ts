// What the app's data export holds: one dataset per table, its columns (in CSV order), and
// the caller's share of it. Rows are read in keyset pages on the table's primary key
// (app_id, id): each page is one short query on the index, so an export of any size holds
// one page in memory, never a connection for its whole length (on the embedded database a
// long transaction would stop every other request), and other requests run between pages.
import "server-only";
import { and, asc, eq, getTableColumns, gt, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { withReadDb } from "@/db";
import { agents, appointmentEvents, appointments, companies, customers, services } from "@/db/schema";
import { type Caller, companyScope } from "../auth/caller";

export type Dataset = {
  /** The file name in the ZIP, without extension. */
  name: string;
  columns: readonly string[];
  /** One page after `after` (an id; undefined for the first), at most `limit` rows. */
  page(caller: Caller, after: string | number | undefined, limit: number): Promise<Record<string, unknown>[]>;
};

/** Columns left out: internal bookkeeping, not the business's data. */
const INTERNAL = new Set(["appId", "xid"]);

function dataset(
  name: string,
  table: PgTable & { appId: PgColumn; id: PgColumn },
  scope: (caller: Caller) => SQL | undefined,
): Dataset {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const selected = Object.fromEntries(Object.entries(all).filter(([key]) => !INTERNAL.has(key)));
  return {
    name,
    columns: Object.keys(selected),
    page: (caller, after, limit) =>
      // A long read tolerates a short delay: on the replica when there is one.
      withReadDb(caller.readAfter, (db) =>
        db
          .select(selected)
          .from(table as PgTable)
          .where(and(eq(table.appId, caller.appId), scope(caller), after === undefined ? undefined : gt(table.id, after)))
          .orderBy(asc(table.appId), asc(table.id))
          .limit(limit),
      ),
  };
}

/**
 * A caller limited to some companies gets their companies, catalog, appointments and history,
 * and of the app's shared client book only the customers who booked in one of them.
 */
export const DATASETS: readonly Dataset[] = [
  dataset("companies", companies, (c) => companyScope(c, companies.id)),
  dataset("services", services, (c) => companyScope(c, services.companyId)),
  dataset("agents", agents, (c) => companyScope(c, agents.companyId)),
  dataset("customers", customers, (c) => {
    const limited = companyScope(c, appointments.companyId);
    if (!limited) return undefined;
    return sql`EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.appId} = ${customers.appId}
      AND ${appointments.customerId} = ${customers.id} AND ${limited})`;
  }),
  dataset("appointments", appointments, (c) => companyScope(c, appointments.companyId)),
  dataset("appointment_events", appointmentEvents, (c) => companyScope(c, appointmentEvents.companyId)),
];
