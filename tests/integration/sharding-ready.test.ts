// Ready to distribute by app (Citus): read from the catalog of the migrated database, every
// tenant table carries app_id, and app_id is part of each of its primary keys, unique and
// exclusion constraints, unique indexes and foreign keys (Citus requires the distribution
// column in them). A new table or constraint without it fails here.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";

/**
 * Tables without a tenant: the tenant root, people who may belong to several apps, sign-in
 * throttling, the webhook dispatcher's and the message planner's one-row places in the whole feed.
 */
const NOT_TENANT = new Set(["apps", "users", "login_attempts", "webhook_dispatch", "message_planner"]);
/** Tables that stay whole on every node (Citus reference tables): tenant tables may point at them. */
const REFERENCE = new Set(["users"]);

type Constraint = { table: string; name: string; type: string; columns: string[]; ref: string | null; refColumns: string[] | null };

let tables: string[] = [];
let columns: Map<string, string[]>;
let constraints: Constraint[] = [];
let uniqueIndexes: { table: string; name: string; columns: string[] }[] = [];

beforeAll(async () => {
  const db = await getDb();
  tables = (
    await executeRows<{ name: string }>(
      db,
      sql`SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    )
  ).map((r) => r.name);
  const cols = await executeRows<{ table: string; column: string }>(
    db,
    sql`SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  columns = new Map();
  for (const c of cols) columns.set(c.table, [...(columns.get(c.table) ?? []), c.column]);
  const names = (rel: string, nums: number[] | null) => (nums ?? []).map((n) => attname.get(`${rel}:${n}`) ?? `expr${n}`);
  const attrs = await executeRows<{ rel: string; num: number; name: string }>(
    db,
    sql`SELECT a.attrelid::regclass::text AS rel, a.attnum AS num, a.attname AS name
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped`,
  );
  const attname = new Map(attrs.map((a) => [`${unquote(a.rel)}:${a.num}`, a.name]));
  const raw = await executeRows<{ table: string; name: string; type: string; conkey: number[]; ref: string | null; confkey: number[] | null }>(
    db,
    sql`SELECT conrelid::regclass::text AS table, conname AS name, contype::text AS type, conkey,
               CASE WHEN confrelid = 0 THEN NULL ELSE confrelid::regclass::text END AS ref, confkey
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'x', 'f')`,
  );
  constraints = raw.map((c) => ({
    table: unquote(c.table),
    name: c.name,
    type: c.type,
    columns: names(unquote(c.table), pgArray(c.conkey)),
    ref: c.ref ? unquote(c.ref) : null,
    refColumns: c.ref ? names(unquote(c.ref), pgArray(c.confkey)) : null,
  }));
  const idx = await executeRows<{ table: string; name: string; keys: string }>(
    db,
    sql`SELECT i.indrelid::regclass::text AS table, ic.relname AS name, i.indkey::text AS keys
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
        WHERE n.nspname = 'public' AND i.indisunique
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  uniqueIndexes = idx.map((i) => ({ table: unquote(i.table), name: i.name, columns: names(unquote(i.table), i.keys.split(" ").map(Number)) }));
});

function unquote(name: string): string {
  return name.replace(/^"|"$/g, "");
}

/** int2[] arrives as an array from postgres.js and as "{1,2}" text from some paths. */
function pgArray(v: number[] | string | null): number[] | null {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map(Number);
  return v.replace(/[{}]/g, "").split(",").filter(Boolean).map(Number);
}

const tenant = (table: string) => !NOT_TENANT.has(table);

describe("sharding readiness (distribution by app_id)", () => {
  it("reads a real catalog", () => {
    expect(tables).toEqual(expect.arrayContaining(["appointments", "appointment_events", "companies", "customers"]));
    expect(constraints.length).toBeGreaterThan(20);
  });

  it("every tenant table has an app_id column", () => {
    const missing = tables.filter((t) => tenant(t) && !(columns.get(t) ?? []).includes("app_id"));
    expect(missing).toEqual([]);
  });

  it("every primary key, unique and exclusion constraint and unique index of a tenant table includes app_id", () => {
    const bad = [
      ...constraints.filter((c) => c.type !== "f" && tenant(c.table) && !c.columns.includes("app_id")).map((c) => `${c.table}.${c.name}`),
      ...uniqueIndexes.filter((i) => tenant(i.table) && !i.columns.includes("app_id")).map((i) => `${i.table}.${i.name}`),
    ];
    expect(bad).toEqual([]);
  });

  it("every foreign key of a tenant table goes app_id to app_id (or to the tenant root, or to a reference table)", () => {
    const bad = constraints
      .filter((c) => c.type === "f" && tenant(c.table))
      .filter((c) => {
        if (c.ref === "apps") return !(c.columns.length === 1 && c.columns[0] === "app_id");
        if (c.ref && REFERENCE.has(c.ref)) return false;
        const i = c.columns.indexOf("app_id");
        return i < 0 || c.refColumns?.[i] !== "app_id";
      })
      .map((c) => `${c.table}.${c.name} → ${c.ref}`);
    expect(bad).toEqual([]);
  });

  it("has each rule checked against something: tables with app_id in their keys and foreign keys", () => {
    expect(constraints.filter((c) => c.type === "x").map((c) => c.name)).toContain("appointments_agent_no_overlap");
    expect(constraints.filter((c) => c.type === "f" && c.columns.includes("app_id")).length).toBeGreaterThan(10);
  });
});
