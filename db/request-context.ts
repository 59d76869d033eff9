// What the code running for one request carries without being passed it: the request's deadline
// (deadline.ts) and its open transaction (index.ts). One AsyncLocalStorage for both: on Node 20
// every storage in use adds work to every promise the process makes (measured on a chain of
// awaits: one storage about triples a promise's cost, a second adds some 15 %).
import { AsyncLocalStorage } from "node:async_hooks";
import type { DeadlineScope } from "./deadline";
import type { Tx } from "./index";

export type RequestContext = {
  deadline?: DeadlineScope;
  /** `open` turns false when the transaction ends (index.ts, withTransaction). */
  transaction?: { tx: Tx; open: boolean };
};

export const requestContext = new AsyncLocalStorage<RequestContext>();

// Before Node 24 a storage is carried by an async hook that runs for every promise of the process,
// whoever made it, from its first `run` until it is disabled: measured on the API's `get`, which
// never uses it, 20–25 % of its requests per second while a single write had ever used it. So it
// is disabled whenever no `runWithContext` is running, and `run` enables it again. Node 24 carries
// storages in the async context frame instead, with no such cost (and no need to disable them).
const SWITCHED = Number(process.versions.node.split(".")[0]) < 24;
let running = 0;

/**
 * Runs fn with `store` as the request context (AsyncLocalStorage.run), counting it as running
 * until fn, or the promise it returns, has ended. Work it started and left running (fire and
 * forget) may find no context afterwards, as if started outside: give it none to rely on
 * (`detached`).
 */
export function runWithContext<T>(store: RequestContext, fn: () => T): T {
  running++;
  let result: T;
  try {
    result = requestContext.run(store, fn);
  } catch (err) {
    leave();
    throw err;
  }
  const pending = result as Partial<PromiseLike<unknown>> | undefined;
  if (typeof pending?.then === "function") pending.then(leave, leave);
  else leave();
  return result;
}

function leave(): void {
  if (--running === 0 && SWITCHED) requestContext.disable();
}

/** How many `runWithContext` calls are running (tests). */
export function contextsRunning(): number {
  return running;
}
