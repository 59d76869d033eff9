import "server-only";
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db";
import { appointments, customers } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { isUuid } from "../ids";
import { escapeLike } from "../like";
import { parseInput } from "../validation/parse";
import { pageOf } from "../pagination";
import { appointmentCursorKey, decodeAppointmentCursor } from "./cursor";
import { listAppointmentsInput, type ListAppointmentsFilters, type ListAppointmentsInput } from "./schemas";
import { selectAppointments, type AppointmentView } from "./shape";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "./status";

export type AppointmentPage = { data: AppointmentView[]; nextCursor: string | null };

/**
 * A page of the caller's appointments, sorted by (date, id). `from`/`to` bound the start date,
 * half-open. The cursor is the last row's (date, id), so pages neither lose nor repeat rows.
 */
export async function listAppointments(caller: Caller, input: ListAppointmentsInput = {}): Promise<AppointmentPage> {
  requireScope(caller, "appointments:read");
  const filters = parseInput(listAppointmentsInput, input);
  const query = listQuery(await getDb(), caller, filters);
  if (!query) return { data: [], nextCursor: null };
  return pageOf(await query, filters.limit, appointmentCursorKey);
}

/** The list's query (undefined when it cannot match anything); benchmarks EXPLAIN it as built here. */
export function listQuery(db: Queryable, caller: Caller, filters: ListAppointmentsFilters) {
  const where = filterConditions(caller, filters, { withStatus: true });
  if (!where) return undefined;
  const conditions = [where];
  if (filters.cursor) {
    const c = decodeAppointmentCursor(filters.cursor);
    // A row comparison keeps ties on date ordered by id and lets the (…, date, id) index drive.
    conditions.push(
      filters.order === "asc"
        ? sql`(${appointments.date}, ${appointments.id}) > (${c.date.toISOString()}::timestamptz, ${c.id}::uuid)`
        : sql`(${appointments.date}, ${appointments.id}) < (${c.date.toISOString()}::timestamptz, ${c.id}::uuid)`,
    );
  }
  const dir = filters.order === "asc" ? asc : desc;
  return selectAppointments(db, and(...conditions))
    .orderBy(dir(appointments.date), dir(appointments.id))
    .limit(filters.limit + 1);
}

/** Counts per status for the same filters, status aside: the facet counts of the dashboard. */
export async function countAppointmentsByStatus(
  caller: Caller,
  input: ListAppointmentsInput = {},
): Promise<Record<AppointmentStatus, number>> {
  requireScope(caller, "appointments:read");
  const filters = parseInput(listAppointmentsInput, input);
  const counts = Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as Record<AppointmentStatus, number>;
  const where = filterConditions(caller, filters, { withStatus: false });
  if (!where) return counts;
  const db = await getDb();
  const rows = await db
    .select({ status: appointments.status, n: count() })
    .from(appointments)
    .where(where)
    .groupBy(appointments.status);
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

/**
 * The WHERE of a list: app first, then the caller's companies, then the filters.
 * undefined when a filter names an id that cannot exist (the answer is empty).
 */
function filterConditions(
  caller: Caller,
  f: ListAppointmentsFilters,
  options: { withStatus: boolean },
): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(appointments.appId, caller.appId), companyScope(caller, appointments.companyId)];
  const ids = [
    [f.companyId, appointments.companyId],
    [f.serviceId, appointments.serviceId],
    [f.agentId, appointments.agentId],
    [f.customerId, appointments.customerId],
  ] as const;
  for (const [value, column] of ids) {
    if (value === undefined) continue;
    if (!isUuid(value)) return undefined;
    conditions.push(eq(column, value));
  }
  if (options.withStatus && f.status !== undefined) {
    const statuses = Array.isArray(f.status) ? f.status : [f.status];
    if (statuses.length > 0) conditions.push(inArray(appointments.status, statuses));
  }
  if (f.from) conditions.push(gte(appointments.date, f.from));
  if (f.to) conditions.push(lt(appointments.date, f.to));
  if (f.search) conditions.push(searchCondition(f.search));
  return and(...conditions);
}

/** Customer name or phone contains the text; phone matched on digits, whatever the spacing. */
function searchCondition(search: string): SQL {
  const escaped = escapeLike(search);
  const digits = search.replace(/\D/g, "");
  const matchCustomer = or(
    ilike(customers.fullname, `%${escaped}%`),
    digits.length >= 3 ? sql`${customers.telephone} LIKE ${`%${digits}%`}` : undefined,
  );
  return sql`EXISTS (SELECT 1 FROM ${customers} WHERE ${customers.appId} = ${appointments.appId} AND ${customers.id} = ${appointments.customerId} AND ${matchCustomer})`;
}
