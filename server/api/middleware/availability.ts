// A call that waits too long (pool exhausted, a lock, the database stalled) is answered 503
// service-unavailable with Retry-After after REQUEST_TIMEOUT_MS (10 s) instead of hanging, and
// whatever it had not finished by then cannot commit afterwards (db/deadline.ts): a 503 means
// nothing was done. While the server drains (SIGTERM) calls are still served, with their
// connection closed after the answer: the proxy is moving new ones to other instances, and those
// that reach this one meanwhile should not fail.
// The steps before the route give the deadline to their one query; the route then runs inside
// the deadline's context (`routeScope`), unless it only reads (db/deadline.ts says why).
import type { Context, MiddlewareHandler } from "hono";
import { runInDeadline, withDeadline } from "@/db/deadline";
import { AppError } from "@/lib/contract/errors";
import { isDraining } from "../../lifecycle";
import { setHeader } from "../envelope";
import type { ApiEnv } from "../env";

const TIMEOUT_MS = Number(process.env.REQUEST_TIMEOUT_MS ?? 10_000);

export const availability: MiddlewareHandler<ApiEnv> = (c, next) => {
  if (isDraining()) setHeader(c, "Connection", "close");
  return withDeadline(
    TIMEOUT_MS,
    (deadline) => {
      c.set("deadline", deadline);
      return next();
    },
    timedOut,
  );
};

/** How a route runs: a route that writes inside its call's deadline, a read-only one outside. */
export function routeScope<T>(c: Context<ApiEnv>, next: () => Promise<T>, readOnly: boolean): Promise<T> {
  const deadline = c.get("deadline");
  if (!readOnly) return runInDeadline(deadline, next);
  if (deadline) deadline.readOnly = true;
  return next();
}

const timedOut = () => new AppError("service-unavailable", "La requête a attendu trop longtemps la base de données, réessayez dans quelques secondes");
