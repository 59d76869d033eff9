import "server-only";
import type { Db } from "@/db";

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
