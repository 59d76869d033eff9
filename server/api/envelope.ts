// The answers' shape: { success: true, data } or { success: false, error: { code, message, details? } },
// and how they are sent: as a Response with a plain header object. Headers set through Hono's
// c.header() live in a web Headers object that @hono/node-server then copies out again for the
// socket (measured under load: the API's headers cost more CPU than its JSON); a plain object
// goes to writeHead as it is.
import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { AppError, defaultMessage, type ErrorCode, RETRY_AFTER_SECONDS } from "@/lib/contract/errors";
import type { ApiEnv } from "./env";
import { ANSWERS_PLAIN, PlainAnswer } from "./plain-answer";

type ApiContext = Context<ApiEnv>;

/** The web Responses built here: their headers are complete (the API's middleware adds none after). */
const sent = new WeakSet<Response>();

/**
 * Sets a header of the answer to come, whatever answers: the route, an error, the not-found
 * handler.
 */
export function setHeader(c: Context, name: string, value: string): void {
  const headers = (c as ApiContext).get("headers");
  if (headers) headers[name] = value;
  else (c as ApiContext).set("headers", { [name]: value });
}

const JSON_CONTENT = { "content-type": "application/json" };

/**
 * A JSON answer with the headers set so far: what c.json answers, without a Headers object; for
 * the production server's listener, not even a Response (plain-answer.ts).
 */
export function jsonAnswer<T, S extends ContentfulStatusCode>(c: Context, body: T, status: S): Response & TypedResponse<JSONParsed<T>, S, "json"> {
  const text = JSON.stringify(body);
  // Not a spread: see the headers' creation in app.ts.
  const headers = Object.assign({}, (c as ApiContext).get("headers"), JSON_CONTENT);
  if ((c as { [ANSWERS_PLAIN]?: true })[ANSWERS_PLAIN]) return new PlainAnswer(status, text, headers) as unknown as Response & TypedResponse<JSONParsed<T>, S, "json">;
  const res = new Response(text, { status, headers });
  sent.add(res);
  return res as Response & TypedResponse<JSONParsed<T>, S, "json">;
}

/** Adds the headers set so far to an answer built otherwise (c.json, c.body: a stream, a file). */
export function completeHeaders(c: ApiContext): void {
  const headers = c.get("headers");
  if (!headers || c.res instanceof PlainAnswer || sent.has(c.res)) return;
  for (const name in headers) c.res.headers.set(name, headers[name]);
}

export function errorBody(err: AppError) {
  return {
    success: false as const,
    error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
  };
}

export function errorResponse(c: Context, err: AppError): Response {
  if (err.code === "service-unavailable") setHeader(c, "Retry-After", String(RETRY_AFTER_SECONDS));
  return jsonAnswer(c, errorBody(err), err.status as ContentfulStatusCode);
}

export function errorOf(code: ErrorCode, message = defaultMessage(code)): AppError {
  return new AppError(code, message);
}
