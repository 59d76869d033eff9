// The answers' shape: { success: true, data } or { success: false, error: { code, message, details? } }.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, defaultMessage, type ErrorCode, RETRY_AFTER_SECONDS } from "@/lib/contract/errors";

export function errorBody(err: AppError) {
  return {
    success: false as const,
    error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
  };
}

export function errorResponse(c: Context, err: AppError): Response {
  if (err.code === "service-unavailable") c.header("Retry-After", String(RETRY_AFTER_SECONDS));
  return c.json(errorBody(err), err.status as ContentfulStatusCode);
}

export function errorOf(code: ErrorCode, message = defaultMessage(code)): AppError {
  return new AppError(code, message);
}
