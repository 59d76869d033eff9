// A request's deadline, kept by the database layer because only it can make "given up" mean
// "nothing done". Answering 503 at the deadline while the request's statements went on would
// let a write the client was told had failed commit later, once the pool or a lock let it through
// (seen with a table lock held past the deadline). So at the deadline:
// - statements of the request still queued in the pool are dropped, running ones cancelled;
// - a transaction that had not got its connection yet never begins, and one that had does not
//   COMMIT (it rolls back);
// - the request then has a moment to end with its true outcome (usually the cancellation: a
//   503); past that it is answered 503 and whatever it still does cannot commit.
// The API's read-only calls (every get, list and search) keep no such account: undoing a read
// is moot, and the request context that tracks queries costs every promise of the process on
// Node 20 (request-context.ts). They are answered 503 at the deadline itself; their key check, which
// counts the call against its rate limit, is tracked all the same (`track(query, scope)`).
import { requestContext, runWithContext } from "./request-context";

type Cancellable = {
  cancel(): unknown;
  canceller?: ((query: unknown) => unknown) | null;
  /** postgres.js settles a query through these two (a cursor, unused here, replaces them). */
  resolve?: (value: unknown) => unknown;
  reject?: (err: unknown) => unknown;
};
type Scope = {
  abandoned: boolean;
  pending: Set<Cancellable>;
  /** Set by a request that only reads: at the deadline it is answered 503 at once, nothing to undo. */
  readOnly?: boolean;
};
export type DeadlineScope = Scope;

/** Whether the running request was given up at its deadline: it must not write anything more. */
export function abandoned(): boolean {
  return requestContext.getStore()?.deadline?.abandoned === true;
}

/**
 * Registers a query of a request until it settles: of `scope`, or else of the running request
 * (no-op outside any deadline).
 */
export function track<Q extends PromiseLike<unknown> & Cancellable>(query: Q, scope = requestContext.getStore()?.deadline): Q {
  if (!scope) return query;
  scope.pending.add(query);
  const { resolve, reject } = query;
  if (resolve && reject) {
    // Told as the driver settles it: a `then` here would make promises on every query (each
    // runs the async-context hook on Node 20) where these calls make none.
    query.resolve = (value) => (scope.pending.delete(query), resolve(value));
    query.reject = (err) => (scope.pending.delete(query), reject(err));
  } else {
    query.then(
      () => scope.pending.delete(query),
      () => scope.pending.delete(query),
    );
  }
  return query;
}

/** Runs fn with `scope` as the running request's deadline (nothing more without a scope). */
export function runInDeadline<T>(scope: Scope | undefined, fn: () => Promise<T>): Promise<T> {
  return scope ? runWithContext(Object.assign({}, requestContext.getStore(), { deadline: scope }), fn) : fn();
}

/**
 * Runs `fn` with a deadline of `ms`, handing it the deadline's scope: only the queries given it
 * (`track(query, scope)`) or run inside `runInDeadline(scope, …)` are the request's. On time:
 * its result. Late: those queries are dropped or cancelled, then it has `graceMs` to settle (its
 * result, whatever it is, is then the truth); otherwise `onTimeout()` is thrown and nothing it
 * does afterwards can commit. A read-only scope is answered `onTimeout()` at the deadline.
 * Written with one promise and plain timers: it wraps every API request.
 */
export function withDeadline<T>(ms: number, fn: (scope: Scope) => Promise<T>, onTimeout: () => Error, graceMs = 1000): Promise<T> {
  const scope: Scope = { abandoned: false, pending: new Set() };
  let work: Promise<T>;
  try {
    work = fn(scope);
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise<T>((resolve, reject) => {
    let grace: ReturnType<typeof setTimeout> | undefined;
    const timer = setTimeout(() => {
      scope.abandoned = true;
      cancelUntilSettled(scope);
      grace = setTimeout(() => reject(onTimeout()), scope.readOnly ? 0 : graceMs);
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        clearTimeout(grace);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        clearTimeout(grace);
        // Given up: a failure now is the cancellation's doing (a cancelled statement, or the
        // driver's confusion after one), so it is answered as the deadline, not as a fault.
        reject(scope.abandoned ? onTimeout() : err);
      },
    );
  });
}

/** How often a given-up request's statements still running are cancelled again. */
const CANCEL_AGAIN_MS = 100;
/** Past this, a statement still running is left to statement_timeout or its lost connection. */
const CANCEL_FOR_MS = 30_000;

/**
 * Cancels the scope's statements, again and again until each has settled. PostgreSQL ignores a
 * cancel that reaches a backend before it has read the statement (it is then waiting for its
 * client's next command): on a loaded machine a statement written just before the deadline can
 * get its cancel first, then wait on a lock and commit once the lock goes, after the request was
 * answered 503. A cancel sent again once the backend runs the statement stops it. Repeated
 * cancels can at worst reach the next statement on that connection (another request's, which
 * then answers 503 with nothing done), never make a write stay.
 */
function cancelUntilSettled(scope: Scope): void {
  const until = Date.now() + CANCEL_FOR_MS;
  const round = () => {
    for (const query of scope.pending) cancel(query);
    if (scope.pending.size > 0 && Date.now() < until) setTimeout(round, CANCEL_AGAIN_MS).unref();
  };
  round();
}

const cancellers = new WeakMap<Cancellable, (query: unknown) => unknown>();

/**
 * postgres.js's `query.cancel()` drops a queued query, or asks the server to cancel a running
 * one; it discards the promise of that request, which rejects unhandled (and ends the process)
 * when the server cannot be reached. Its canceller is called here instead, its failure ignored:
 * the statement then ends by statement_timeout or with its lost connection. postgres.js forgets
 * the canceller after one call; it is kept here to cancel again.
 */
function cancel(query: Cancellable): void {
  if (typeof query.canceller === "function") cancellers.set(query, query.canceller);
  const canceller = cancellers.get(query);
  if (canceller) {
    query.canceller = null;
    Promise.resolve(canceller(query)).catch(() => {});
  } else query.cancel();
}
