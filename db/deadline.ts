// A request's deadline, kept by the database layer because only it can make "given up" mean
// "nothing done". Answering 503 at the deadline while the request's statements went on would
// let a write the client was told had failed commit later, once the pool or a lock let it through
// (seen with a table lock held past the deadline). So at the deadline:
// - statements of the request still queued in the pool are dropped, running ones cancelled;
// - a transaction that had not got its connection yet never begins, and one that had does not
//   COMMIT (it rolls back);
// - the request then has a moment to end with its true outcome (usually the cancellation: a
//   503); past that it is answered 503 and whatever it still does cannot commit.
import { AsyncLocalStorage } from "node:async_hooks";

type Cancellable = { cancel(): unknown; canceller?: ((query: unknown) => unknown) | null };
type Scope = { abandoned: boolean; pending: Set<Cancellable> };

const scopes = new AsyncLocalStorage<Scope>();

/** Whether the running request was given up at its deadline: it must not write anything more. */
export function abandoned(): boolean {
  return scopes.getStore()?.abandoned === true;
}

/** Registers a query of the running request until it settles (no-op outside withDeadline). */
export function track<Q extends PromiseLike<unknown> & Cancellable>(query: Q): Q {
  const scope = scopes.getStore();
  if (!scope) return query;
  scope.pending.add(query);
  const done = () => void scope.pending.delete(query);
  query.then(done, done);
  return query;
}

/**
 * Runs `fn` with a deadline of `ms`. On time: its result. Late: its queries are dropped or
 * cancelled, then it has `graceMs` to settle (its result, whatever it is, is then the truth);
 * otherwise `onTimeout()` is thrown and nothing it does afterwards can commit.
 */
export async function withDeadline<T>(ms: number, fn: () => Promise<T>, onTimeout: () => Error, graceMs = 1000): Promise<T> {
  const scope: Scope = { abandoned: false, pending: new Set() };
  const work = scopes.run(scope, fn);
  const settled = work.then(
    () => true,
    () => true,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const after = (wait: number) => new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), wait)));
  try {
    if (await Promise.race([settled, after(ms)])) return await work;
    clearTimeout(timer);
    scope.abandoned = true;
    for (const query of scope.pending) cancel(query);
    if (await Promise.race([settled, after(graceMs)])) {
      // Given up: a failure now is the cancellation's doing (a cancelled statement, or the
      // driver's confusion after one), so it is answered as the deadline, not as a fault.
      return await work.catch(() => {
        throw onTimeout();
      });
    }
    throw onTimeout();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * postgres.js's `query.cancel()` drops a queued query, or asks the server to cancel a running
 * one; it discards the promise of that request, which rejects unhandled (and ends the process)
 * when the server cannot be reached. Its canceller is called here instead, its failure ignored:
 * the statement then ends by statement_timeout or with its lost connection.
 */
function cancel(query: Cancellable): void {
  if (typeof query.canceller === "function") {
    const request = query.canceller(query);
    query.canceller = null;
    Promise.resolve(request).catch(() => {});
  } else query.cancel();
}
