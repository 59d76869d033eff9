import "server-only";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { type Db, rowsOf } from "@/db";

type Preparable = { prepare: (name: string) => { execute: (values?: Record<string, unknown>) => Promise<unknown[]> } };
type Prepared = ReturnType<Preparable["prepare"]>;

const cache = new WeakMap<Db, Map<string, Prepared>>();
let counter = 0;

/**
 * A query with placeholders, built and prepared once per database handle and name. Building
 * a Drizzle query costs more CPU than running a small one (measured: most of a `get`), so hot
 * paths build each shape of query once and only fill in values afterwards.
 */
export function preparedFor(db: Db, name: string, build: () => Preparable): Prepared {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map()));
  let prepared = byName.get(name);
  if (!prepared) {
    prepared = build().prepare(`rdv_${++counter}`);
    byName.set(name, prepared);
  }
  return prepared;
}

type Session = { prepareQuery: (query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: false) => Prepared };
type Statement = { execute: <T>(values: Record<string, unknown>) => Promise<T[]> };
const statements = new WeakMap<Db, Map<string, Statement>>();
const dialect = new PgDialect({ casing: "snake_case" });

/**
 * A raw statement (sql`…` with `sql.placeholder`s) turned into text once per database handle
 * and name, then only executed: turning a long statement into text on every request costs
 * more CPU than Postgres spends on it.
 */
export function preparedStatement(db: Db, name: string, build: () => SQL): Statement {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name);
  if (!statement) {
    const session = (db as unknown as { _: { session: Session } })._.session;
    const prepared = session.prepareQuery(dialect.sqlToQuery(build()), undefined, `rdv_${++counter}`, false);
    statement = { execute: async <T>(values: Record<string, unknown>) => rowsOf<T>(await prepared.execute(values)) };
    byName.set(name, statement);
  }
  return statement;
}
