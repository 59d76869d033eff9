// What every server action answers, in the browser's terms. Pure: actions build it, forms read it.
import { AppError, type ErrorCode, isAppError } from "./errors";

/** What every server action answers: data, or an error code with a message and field errors. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "unauthenticated"; message: string; fields?: Record<string, string[]>; forceable?: true };

/** An AppError (or anything else) as an action's failure; unknown errors are logged, never shown. */
export function failure(err: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (isAppError(err)) {
    const details = err.details as { fields?: Record<string, string[]>; forceable?: boolean } | undefined;
    // forceable: the caller may confirm and do it anyway (a manager outside working hours).
    return { ok: false, code: err.code, message: err.message, fields: details?.fields, ...(details?.forceable ? { forceable: true as const } : {}) };
  }
  console.error(err);
  const internal = new AppError("internal-error");
  return { ok: false, code: internal.code, message: internal.message };
}
