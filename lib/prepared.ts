import "server-only";
import { Column, DrizzleQueryError, fillPlaceholders, getTableName, is, noopDecoder, SQL, Subquery } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { PostgresJsPreparedQuery } from "drizzle-orm/postgres-js/session";
import { type Db, type Queryable, rowsOf } from "@/db";
import { type DeadlineScope, track } from "@/db/deadline";

/** `deadline`: the request whose query it is, when not the running one (db/deadline.ts). */
type Execute = (values?: Record<string, unknown>, deadline?: DeadlineScope) => Promise<unknown[]>;
type Preparable = { prepare: (name: string) => { execute: Execute } };
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
    prepared = direct(withCompiledMapper(build().prepare(`rdv_${++counter}`)));
    byName.set(name, prepared);
  }
  return prepared;
}

type DriverQuery = Promise<unknown[]> & { values(): Promise<unknown[][]>; cancel(): unknown };
type PostgresJsQuery = {
  client: { unsafe(text: string, params: unknown[], options: { prepare: boolean }): DriverQuery };
  queryString: string;
  params: unknown[];
  fields?: unknown;
  customResultMapper?: (rows: unknown[][]) => unknown[];
};

/**
 * On PostgreSQL, the prepared query run straight on the driver: Drizzle's execute passes each
 * call through four async layers, its tracer and its cache check (both unused here), a dozen
 * promises a query, and on Node 20 every promise runs the async-context hook (seen in the API's
 * CPU profiles). Same text, values, row mapping and errors (DrizzleQueryError around the
 * driver's). Queries mapped by Drizzle's own per-row mapping, and PGlite, keep Drizzle's path.
 */
function direct<P extends Prepared>(prepared: P): P {
  if (!is(prepared, PostgresJsPreparedQuery)) return prepared;
  const q = prepared as unknown as PostgresJsQuery;
  const { client, queryString: text, params: template, fields, customResultMapper: mapper } = q;
  if (fields && !mapper) return prepared;
  const failed = (params: unknown[]) => (err: unknown): never => {
    throw new DrizzleQueryError(text, params, err as Error);
  };
  prepared.execute = (values: Record<string, unknown> = {}, deadline?: DeadlineScope) => {
    const params = fillPlaceholders(template, values);
    const query = client.unsafe(text, params, { prepare: true });
    if (deadline) track(query, deadline);
    // then(…, failed) rather than catch: postgres.js's catch goes through its then, twice the promises.
    return mapper ? query.values().then(mapper, failed(params)) : query.then((rows) => rows, failed(params));
  };
  return prepared;
}

type Decoder = { mapFromDriverValue: (value: unknown) => unknown };
type SelectedField = { path: string[]; field: unknown };
type MappedQuery = { fields?: SelectedField[]; joinsNotNullableMap?: Record<string, boolean>; customResultMapper?: (rows: unknown[][]) => unknown };

/**
 * A select's rows mapped by a function compiled once for its fields, giving what Drizzle's own
 * mapping (mapResultRow) gives: the same nested objects, keys in the same order, values through
 * the same column decoders, and a left-joined part null when its first column is. Drizzle
 * works all of that out again for every column of every row, and a generic loop calls every
 * column's decoder from one place, which V8 then cannot inline. The compiled function builds each
 * row as one object literal and calls each decoder from a place of its own, and not at all when it
 * gives back what it is given (measured on the bench's rows: a 50-row list page 87–110 → 33–35 µs,
 * a 33-column detail row 2.1 → 0.7 µs). Selections it does not cover (deeper nesting) keep Drizzle's mapping.
 */
function withCompiledMapper<P>(prepared: P): P {
  const query = prepared as MappedQuery;
  const fields = query.fields;
  if (!fields || query.customResultMapper || fields.some((f) => f.path.length > 2)) return prepared;
  const decoders = fields.map(({ field }) => decoderOf(field));
  const value = (i: number) => (isIdentity(decoders[i]) ? `row[${i}]` : `(row[${i}] === null ? null : d[${i}].mapFromDriverValue(row[${i}]))`);
  // Top-level keys and nested objects in the order of their first column, as Drizzle's
  // `result[parent] ??= {}` places them.
  const entries: { key: string; columns: number[]; nested: boolean }[] = [];
  const nestedByName = new Map<string, { key: string; columns: number[]; nested: boolean }>();
  fields.forEach(({ path }, i) => {
    if (path.length === 1) return void entries.push({ key: path[0], columns: [i], nested: false });
    let entry = nestedByName.get(path[0]);
    if (!entry) nestedByName.set(path[0], (entry = { key: path[0], columns: [], nested: true })), entries.push(entry);
    entry.columns.push(i);
  });
  const literal = entries
    .map(({ key, columns, nested }) =>
      nested
        ? `${JSON.stringify(key)}: { ${columns.map((i) => `${JSON.stringify(fields[i].path[1])}: ${value(i)}`).join(", ")} }`
        : `${JSON.stringify(key)}: ${value(columns[0])}`,
    )
    .join(",\n");
  const nulls = nullableParts(fields, query.joinsNotNullableMap).map(
    ({ name, first }) => `if (${value(first)} === null) result[${JSON.stringify(name)}] = null;`,
  );
  const body = `return function mapRows(rows) {
  const out = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const result = {\n${literal}\n};
    ${nulls.join("\n    ")}
    out[r] = result;
  }
  return out;
}`;
  query.customResultMapper = new Function("d", body)(decoders) as (rows: unknown[][]) => unknown[];
  return prepared;
}

/**
 * Drizzle's rule: a nested object is null when its first column (of a table) is null, all its
 * columns come from that one table, and that table's join may be absent.
 */
function nullableParts(fields: SelectedField[], notNullable: Record<string, boolean> | undefined): { name: string; first: number }[] {
  if (!notNullable) return [];
  const seen = new Map<string, { first: number; table: string | false }>();
  fields.forEach(({ path, field }, i) => {
    if (path.length !== 2 || !is(field, Column)) return;
    const table = getTableName(field.table);
    const entry = seen.get(path[0]);
    if (!entry) seen.set(path[0], { first: i, table });
    else if (entry.table !== table) entry.table = false;
  });
  const nullable: { name: string; first: number }[] = [];
  for (const [name, { first, table }] of seen) if (table !== false && !notNullable[table]) nullable.push({ name, first });
  return nullable;
}

/** A decoder that gives back what it is given: Drizzle's base column's, and a plain SQL field's. */
function isIdentity(decoder: Decoder): boolean {
  return decoder.mapFromDriverValue === Column.prototype.mapFromDriverValue || decoder.mapFromDriverValue === noopDecoder.mapFromDriverValue;
}

function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field as unknown as Decoder;
  if (is(field, SQL)) return (field as unknown as { decoder: Decoder }).decoder;
  if (is(field, Subquery)) return (field as unknown as { _: { sql: { decoder: Decoder } } })._.sql.decoder;
  return (field as { sql: { decoder: Decoder } }).sql.decoder;
}

type Session = { prepareQuery: (query: Query, fields: undefined, name: string, arrayMode: false) => Prepared };
type Query = { sql: string; params: unknown[] };
type Statement = { execute: <T>(values: Record<string, unknown>, deadline?: DeadlineScope) => Promise<T[]> };
const statements = new WeakMap<Queryable, Map<string, Statement>>();
/** Each shape's text, made once for the process: a transaction's handle lives for one request. */
const texts = new Map<string, Query>();
const dialect = new PgDialect({ casing: "snake_case" });

/**
 * A raw statement (sql`…` with `sql.placeholder`s) turned into text once per name, then only
 * executed, on the database or inside a transaction: turning a long statement into text on
 * every request costs more CPU than Postgres spends on it. The name must say everything that
 * changes the text (the statement's shape); values go through placeholders.
 */
export function preparedStatement(db: Queryable, name: string, build: () => SQL): Statement {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name);
  if (!statement) {
    let query = texts.get(name);
    if (!query) texts.set(name, (query = dialect.sqlToQuery(build())));
    const session = (db as unknown as { _: { session: Session } })._.session;
    const prepared = direct(session.prepareQuery(query, undefined, `rdv_${++counter}`, false));
    statement = { execute: <T>(values: Record<string, unknown>, deadline?: DeadlineScope) => prepared.execute(values, deadline).then((result) => rowsOf<T>(result)) };
    byName.set(name, statement);
  }
  return statement;
}
