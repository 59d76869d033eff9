// One mapping from anything thrown to the answer: AppError → its envelope; zod → validation-error
// with field details; a database that cannot serve now → 503 service-unavailable with
// Retry-After; anything else → 500 internal-error, logged, never its stack.
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import { AppError, isAppError, isConnectionFailure, isUnavailable, pgErrorCode, validationError } from "@/lib/contract/errors";
import { reportDatabaseDown } from "@/db/availability";
import { errorResponse } from "./envelope";

export const onError: ErrorHandler = (err, c) => errorResponse(c, toAppError(err, c));

export const notFound: NotFoundHandler = (c) => errorResponse(c, new AppError("route-not-found"));

function toAppError(err: unknown, c: Context): AppError {
  if (isAppError(err)) return err;
  if (isUnavailable(err)) {
    console.error(`[api] ${c.req.method} ${c.req.path}: database unavailable (${(err as Error).message})`);
    if (isConnectionFailure(err)) reportDatabaseDown();
    return new AppError("service-unavailable");
  }
  if (err instanceof ZodError) return validationError(err.issues);
  if (err instanceof HTTPException) {
    // Raised by Hono's own validators; the body middleware normally answers these first.
    if (err.status === 415) return new AppError("unsupported-media-type");
    if (err.status === 413) return new AppError("payload-too-large");
    if (err.status === 400) return new AppError("validation-error", "JSON mal formé dans le corps de la requête");
  }
  // A data exception (SQLSTATE class 22) comes from a value the caller sent that slipped past
  // validation: their mistake, but a gap in the checks, so log it.
  const sqlState = pgErrorCode(err);
  if (sqlState?.startsWith("22")) {
    console.error(`[api] ${c.req.method} ${c.req.path}: data exception ${sqlState} not caught by validation`, err);
    return new AppError("validation-error");
  }
  console.error(`[api] ${c.req.method} ${c.req.path} failed`, err);
  return new AppError("internal-error");
}
