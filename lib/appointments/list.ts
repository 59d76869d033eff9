import "server-only";
import { and, asc, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { type Db, type Queryable, withReadDb } from "@/db";
import { appointments, customers } from "@/db/schema";
import { type Caller, companyScope, requireScope, scopeCompanies } from "../auth/caller";
import { isUuid } from "../contract/ids";
import { escapeLike } from "../like";
import { parseInput } from "../contract/parse";
import { pageOf } from "../contract/pagination";
import { preparedFor } from "../prepared";
import { appointmentCursorKey, decodeAppointmentCursor } from "../contract/cursor";
import { listAppointmentsInput, type ListAppointmentsFilters, type ListAppointmentsInput } from "../contract/appointment-inputs";
import { selectAppointmentPage, type AppointmentView } from "./shape";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "../contract/status";

export type AppointmentPage = { data: AppointmentView[]; nextCursor: string | null };

/**
 * A page of the caller's appointments, sorted by (date, id). `from`/`to` bound the start date,
 * half-open. The cursor is the last row's (date, id), so pages neither lose nor repeat rows.
 */
export async function listAppointments(caller: Caller, input: ListAppointmentsInput = {}): Promise<AppointmentPage> {
  requireScope(caller, "appointments:read");
  const filters = parseInput(listAppointmentsInput, input);
  const built = listQuery(caller, filters);
  if (!built) return { data: [], nextCursor: null };
  // A list tolerates a short delay: on the replica when there is one (read-your-writes kept).
  const rows = await withReadDb(caller.readAfter, (db) => preparedFor(db, `list:${built.shape}`, () => built.query(db)).execute(built.values));
  return pageOf(rows as AppointmentView[], filters.limit, appointmentCursorKey);
}

/**
 * The list's query with placeholders, the values to fill them, and its shape (which filters
 * are present): one prepared statement per shape, built once. Undefined when it cannot match
 * anything. Benchmarks EXPLAIN it as built here.
 */
export function listQuery(caller: Caller, filters: ListAppointmentsFilters) {
  // The page is chosen on its own alias of the table, then joined (selectAppointmentPage).
  const p = pageAlias;
  const where = filterConditions(caller, filters, { withStatus: true }, p);
  if (!where) return undefined;
  const fetched = fetchSize(filters.limit);
  let shape = `${where.shape}:${fetched}`;
  // Object.assign, not a spread: the cursor's values are added below (slow on a spread copy on Node 20).
  const values = Object.assign({}, where.values);
  const conditions = [where.sql];
  if (filters.cursor) {
    const c = decodeAppointmentCursor(filters.cursor);
    Object.assign(values, { cursorDate: c.date.toISOString(), cursorId: c.id });
    shape += filters.order === "asc" ? ">" : "<";
    // A row comparison keeps ties on date ordered by id and lets the (…, date, id) index drive.
    const key = sql`(${p.date}, ${p.id})`;
    const at = sql`(${sql.placeholder("cursorDate")}::timestamptz, ${sql.placeholder("cursorId")}::uuid)`;
    conditions.push(filters.order === "asc" ? sql`${key} > ${at}` : sql`${key} < ${at}`);
  }
  shape += filters.order;
  const dir = filters.order === "asc" ? asc : desc;
  return {
    shape,
    values,
    query: (db: Queryable) =>
      selectAppointmentPage(
        db,
        db
          .select({ appId: p.appId, id: p.id })
          .from(p)
          .where(and(...conditions))
          .orderBy(dir(p.date), dir(p.id))
          // Written into the statement, not bound: see fetchSize.
          .limit(sql.raw(String(fetched)) as unknown as number),
        [dir(appointments.date), dir(appointments.id)],
      ),
  };
}

const FETCH_SIZES = [10, 25, 50, 100, 200];

/**
 * How many rows a page's statement fetches: the limit rounded up to one of a few sizes, plus
 * one that tells whether a next page exists (pageOf cuts the rest). The number is part of the
 * SQL text because with `LIMIT $n` Postgres cannot cost a generic plan and so plans the list
 * afresh on every call: measured ~5 ms of planning for ~1 ms of execution at 1 M rows. With a
 * literal it keeps a generic plan after five calls (planning ~0.03 ms). The few sizes keep the
 * prepared statements per shape few.
 */
export function fetchSize(limit: number): number {
  return (FETCH_SIZES.find((size) => size >= limit) ?? limit) + 1;
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
  const query = (d: Db) =>
    d.select({ status: appointments.status, n: count() }).from(appointments).where(where.sql).groupBy(appointments.status);
  const rows = (await withReadDb(caller.readAfter, (db) => preparedFor(db, `count:${where.shape}`, () => query(db)).execute(where.values))) as {
    status: AppointmentStatus;
    n: number;
  }[];
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

const ph = (name: string) => sql.placeholder(name);
const pageAlias = alias(appointments, "page");
/** The table, or its alias for choosing a page: filters read the same columns on either. */
type AppointmentsTable = typeof appointments | typeof pageAlias;

/**
 * The WHERE of a list, with placeholders: app first, then the caller's companies, then the
 * filters. Undefined when a filter names an id that cannot exist (the answer is empty).
 */
function filterConditions(
  caller: Caller,
  f: ListAppointmentsFilters,
  options: { withStatus: boolean },
  t: AppointmentsTable = appointments,
): { sql: SQL; values: Record<string, unknown>; shape: string } | undefined {
  const values: Record<string, unknown> = { appId: caller.appId };
  const conditions: SQL[] = [eq(t.appId, ph("appId"))];
  let shape = "";
  const scope = companyScope(caller, t.companyId, ph("scope"));
  if (scope) {
    values.scope = scopeCompanies(caller);
    conditions.push(scope);
    shape += "S";
  }
  const ids = [
    ["companyId", "C", f.companyId, t.companyId],
    ["serviceId", "V", f.serviceId, t.serviceId],
    ["agentId", "A", f.agentId, t.agentId],
    ["customerId", "U", f.customerId, t.customerId],
  ] as const;
  for (const [name, letter, value, column] of ids) {
    if (value === undefined) continue;
    if (!isUuid(value)) return undefined;
    values[name] = value;
    conditions.push(eq(column, ph(name)));
    shape += letter;
  }
  if (options.withStatus && f.status !== undefined) {
    const statuses = [...new Set(Array.isArray(f.status) ? f.status : [f.status])];
    if (statuses.length === 1) {
      // One status as an equality: the (…, status, date, id) index then yields rows in order.
      values.status = statuses[0];
      conditions.push(eq(t.status, ph("status")));
      shape += "t";
    } else if (statuses.length > 1) {
      values.statuses = statuses;
      // Through text[]: PGlite serialises arrays of built-in types only.
      conditions.push(sql`${t.status} = ANY(${ph("statuses")}::text[]::appointment_status[])`);
      shape += "T";
    }
  }
  if (f.cancellation) {
    values.cancellation = f.cancellation;
    conditions.push(sql`${t.status} = 'CANCELLED' AND COALESCE(${t.cancellationKind}, 'cancelled') = ${ph("cancellation")}`);
    shape += "k";
  }
  if (f.from) {
    values.from = f.from.toISOString();
    conditions.push(gte(t.date, ph("from")));
    shape += "f";
  }
  if (f.to) {
    values.to = f.to.toISOString();
    conditions.push(lt(t.date, ph("to")));
    shape += "o";
  }
  if (f.search) {
    const digits = f.search.replace(/\D/g, "");
    values.name = `%${escapeLike(f.search)}%`;
    if (digits.length >= 3) values.digits = `%${digits}%`;
    conditions.push(searchCondition(digits.length >= 3, t));
    shape += digits.length >= 3 ? "Q" : "q";
  }
  return { sql: and(...conditions)!, values, shape };
}

/** Customer name or phone contains the text; phone matched on digits, whatever the spacing. */
function searchCondition(withDigits: boolean, t: AppointmentsTable): SQL {
  const byName = sql`${customers.fullname} ILIKE ${ph("name")}`;
  const match = withDigits ? sql`(${byName} OR ${customers.telephone} LIKE ${ph("digits")})` : byName;
  return sql`EXISTS (SELECT 1 FROM ${customers} WHERE ${customers.appId} = ${t.appId} AND ${customers.id} = ${t.customerId} AND ${match})`;
}
