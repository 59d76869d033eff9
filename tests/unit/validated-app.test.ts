// Each API route's request is checked by one synchronous step (server/api/validated-app.ts)
// instead of @hono/zod-openapi's validator middleware: the same parts checked, the same data
// for c.req.valid(), the same validation-error, and the route in the OpenAPI document.
import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/contract/errors";
import { ValidatedOpenAPIHono } from "@/server/api/validated-app";

const route = createRoute({
  method: "post",
  path: "/things/{id}",
  request: {
    params: z.object({ id: z.string().regex(/^\d+$/) }),
    headers: z.object({ "Idempotency-Key": z.string().max(5).optional() }),
    body: { required: true, content: { "application/json": { schema: z.object({ name: z.string().min(1), count: z.coerce.number().default(1) }) } } },
  },
  responses: { 200: { description: "ok" } },
});

function app(body: unknown) {
  const api = new ValidatedOpenAPIHono();
  // What the API's gate does before any route: the parsed body on the context.
  api.use("*", async (c, next) => {
    c.set("body", body as Record<string, unknown>);
    await next();
  });
  api.onError((err, c) => {
    const e = err as AppError;
    return c.json({ code: e.code, details: e.details }, 400);
  });
  api.openapi(route, (c) => c.json({ param: c.req.valid("param"), header: c.req.valid("header"), json: c.req.valid("json") }, 200));
  return api;
}

describe("ValidatedOpenAPIHono", () => {
  it("hands the handler the checked path, headers (named as declared) and body, defaults applied", async () => {
    const res = await app({ name: "a" }).request("/things/42", { method: "POST", headers: { "idempotency-key": "k1" } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ param: { id: "42" }, header: { "Idempotency-Key": "k1" }, json: { name: "a", count: 1 } });
  });

  it("answers a bad body, path or header with validation-error naming the field, before the handler", async () => {
    const bad = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await app(body).request(path, { method: "POST", headers });
      expect(res.status).toBe(400);
      return (await res.json()) as { code: string; details: { fields: Record<string, string[]> } };
    };
    const body = await bad("/things/42", { name: "" });
    expect(body.code).toBe("validation-error");
    expect(Object.keys(body.details.fields)).toEqual(["name"]);
    expect(Object.keys((await bad("/things/x", { name: "a" })).details.fields)).toEqual(["id"]);
    expect(Object.keys((await bad("/things/1", { name: "a" }, { "Idempotency-Key": "too-long" })).details.fields)).toEqual(["Idempotency-Key"]);
  });

  it("puts the route in the OpenAPI document as the library does", () => {
    const doc = app({}).getOpenAPIDocument({ openapi: "3.0.0", info: { title: "t", version: "1" } });
    const op = doc.paths?.["/things/{id}"]?.post;
    expect(op?.parameters?.map((p) => ("name" in p ? p.name : undefined))).toEqual(["id", "Idempotency-Key"]);
    expect(op?.requestBody).toBeDefined();
  });

  it("refuses at start a route whose query or non-JSON body it would not check", () => {
    const api = new ValidatedOpenAPIHono();
    const withQuery = createRoute({ method: "post", path: "/q", request: { query: z.object({ a: z.string() }) }, responses: { 200: { description: "ok" } } });
    expect(() => api.openapi(withQuery, (c) => c.text("x"))).toThrow(/query/);
    const withForm = createRoute({
      method: "post",
      path: "/f",
      request: { body: { content: { "multipart/form-data": { schema: z.object({ a: z.string() }) } } } },
      responses: { 200: { description: "ok" } },
    });
    expect(() => api.openapi(withForm, (c) => c.text("x"))).toThrow(/application\/json/);
  });

  it("runs every route behind routeScope, told whether it only reads, its middleware inside", async () => {
    const seen: string[] = [];
    const api = new ValidatedOpenAPIHono({
      routeScope: async (c, next, readOnly) => {
        seen.push(`${c.req.path} ${readOnly ? "read" : "write"}`);
        const answer = await next();
        seen.push(`${c.req.path} done`);
        return answer;
      },
    });
    api.use("*", async (c, next) => {
      c.set("body", {});
      await next();
    });
    const reading = createRoute({ method: "post", path: "/r", readOnly: true, responses: { 200: { description: "ok" } } });
    const writing = createRoute({
      method: "post",
      path: "/w",
      middleware: [
        async (c, next) => {
          seen.push(`${c.req.path} middleware`);
          await next();
        },
      ] as const,
      responses: { 200: { description: "ok" } },
    });
    const plain = createRoute({ method: "post", path: "/p", responses: { 200: { description: "ok" } } });
    api.openapi(reading, (c) => c.text("r"));
    api.openapi(writing, (c) => c.text("w"));
    api.openapi(plain, (c) => c.text("p"));
    // Each route's own answer comes through the scope, whether it wraps the handler (no
    // middleware) or the route's middleware.
    expect(await (await api.request("/r", { method: "POST" })).text()).toBe("r");
    expect(await (await api.request("/w", { method: "POST" })).text()).toBe("w");
    expect(await (await api.request("/p", { method: "POST" })).text()).toBe("p");
    expect(seen).toEqual(["/r read", "/r done", "/w write", "/w middleware", "/w done", "/p write", "/p done"]);
    // Not part of the document.
    const doc = api.getOpenAPIDocument({ openapi: "3.0.0", info: { title: "t", version: "1" } });
    expect(JSON.stringify(doc)).not.toContain("readOnly");
  });
});
