// OpenAPIHono with each route's request checked by one synchronous step in front of its
// handler. The library's `openapi()` adds a middleware per request part (path, headers, media
// type, body), each an async function that parses with zod's async parser: about 35 promises
// per call, two fifths of what a `get` made (counted), and on Node 20 each runs the
// async-context hook. Same document (the route is registered as the library does), same checks,
// same validated data for `c.req.valid()`, and a failure is the same validation-error.
// A route may say it only reads (`readOnly: true`, not part of the document: its call writes
// nothing, its key check aside); `routeScope`, given to the app, is then the first step of every
// route, told which kind it runs (server/api/middleware/availability.ts).
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import type { z } from "zod";
import { validationError } from "@/lib/contract/errors";
import type { ApiEnv } from "./env";

type Part = "param" | "header" | "json";
type Check = { part: Part; schema: z.ZodType; read: (c: Context<ApiEnv>) => unknown };
type RouteRequest = {
  params?: z.ZodType;
  headers?: z.ZodType;
  body?: { content?: Record<string, { schema?: unknown }> };
  query?: unknown;
  cookies?: unknown;
};
type RouteConfig = {
  method: string;
  path: string;
  middleware?: MiddlewareHandler<ApiEnv> | readonly MiddlewareHandler<ApiEnv>[];
  hide?: boolean;
  readOnly?: boolean;
  request?: RouteRequest;
};
type Handler = (c: Context<ApiEnv>, next: () => Promise<void>) => unknown;
export type RouteScope = <T>(c: Context<ApiEnv>, next: () => Promise<T>, readOnly: boolean) => Promise<T>;
type Init = ConstructorParameters<typeof OpenAPIHono<ApiEnv>>[0] & { routeScope?: RouteScope };

export class ValidatedOpenAPIHono extends OpenAPIHono<ApiEnv> {
  readonly #routeScope?: RouteScope;
  /** The routes declared `readOnly`, as "METHOD /path/{param}" (the tests check them). */
  readonly readOnlyRoutes: string[] = [];

  constructor({ routeScope, ...init }: Init = {}) {
    super(init);
    this.#routeScope = routeScope;
  }

  override openapi = ((config: RouteConfig, handler: Handler) => {
    const { middleware, hide, readOnly = false, ...route } = config;
    if (!hide) this.openAPIRegistry.registerPath(route as Parameters<typeof this.openAPIRegistry.registerPath>[0]);
    if (readOnly) this.readOnlyRoutes.push(`${route.method.toUpperCase()} ${route.path}`);
    const checks = checksOf(route);
    const validateThenHandle = (c: Context<ApiEnv>, next: () => Promise<void>) => {
      for (const { part, schema, read } of checks) {
        const result = schema.safeParse(read(c));
        if (!result.success) throw validationError(result.error.issues);
        c.req.addValidatedData(part, result.data as object);
      }
      return handler(c, next);
    };
    const routeScope = this.#routeScope;
    const own = middleware ? (Array.isArray(middleware) ? middleware : [middleware]) : [];
    // The scope wraps the route's own middleware too (an Idempotency-Key transaction runs in
    // it), so it is their first step; a route without any (every read) calls it inline: each
    // step Hono dispatches costs an async call and its promises.
    const before = routeScope && own.length > 0 ? [(c: Context<ApiEnv>, next: () => Promise<void>) => routeScope(c, next, readOnly), ...own] : own;
    const handle =
      routeScope && own.length === 0
        ? (c: Context<ApiEnv>, next: () => Promise<void>) => routeScope(c, async () => validateThenHandle(c, next), readOnly)
        : validateThenHandle;
    this.on([route.method], [route.path.replaceAll(/\/{(.+?)}/g, "/:$1")], ...(before as MiddlewareHandler<ApiEnv>[]), handle as MiddlewareHandler<ApiEnv>);
    return this;
  }) as unknown as OpenAPIHono<ApiEnv>["openapi"];
}

/** What a route's request declares, in the library's order: path, headers, body. */
function checksOf(route: RouteConfig): Check[] {
  const request = route.request ?? {};
  // The API is POST with a JSON body: the parts it never uses are refused at start rather than
  // silently left unchecked.
  if (request.query || request.cookies) throw new Error(`${route.path}: query and cookie parameters are not checked by this API`);
  const checks: Check[] = [];
  if (request.params) checks.push({ part: "param", schema: request.params, read: (c) => c.req.param() });
  if (request.headers) {
    // Headers arrive lower-cased; the schema names them as documented (Idempotency-Key).
    const headers = request.headers;
    const names = Object.keys((headers as unknown as { shape: Record<string, unknown> }).shape);
    const byLowerCase = new Map(names.map((name) => [name.toLowerCase(), name]));
    checks.push({
      part: "header",
      schema: headers,
      read: (c) => Object.fromEntries(Object.entries(c.req.header()).map(([name, value]) => [byLowerCase.get(name) ?? name, value])),
    });
  }
  const content = request.body?.content;
  if (content) {
    const types = Object.keys(content);
    if (types.length !== 1 || types[0] !== "application/json") throw new Error(`${route.path}: only an application/json body is checked by this API`);
    // The body was read, limited and parsed once for every call (middleware/body.ts), which
    // also answered 415 to any other media type.
    checks.push({ part: "json", schema: content["application/json"].schema as z.ZodType, read: (c) => c.get("body") });
  }
  return checks;
}
