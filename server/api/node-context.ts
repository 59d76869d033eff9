// What the API's middleware and routes read of Hono's Context, over Node's own request, for the
// production server's listener (node-listener.ts). Hono's Context and request wrap a web Request,
// which @hono/node-server makes from the Node request, and read headers through a web Headers
// object: measured per `get` before this listener, Hono's dispatch and context ~20 µs and the
// adapter ~15 µs of ~330 µs of CPU (BENCHMARKS.md, change 24). The members here behave as Hono's
// do; the HTTP suite runs every route through this listener, and tests/http/next-mount.test.ts
// and tests/integration/api-node-listener.test.ts check that its answers equal Hono's.
// Members (what server/api uses, and Hono's cors): req.method, req.path, req.header(),
// req.param(), req.valid(), req.addValidatedData(), req.routeIndex, env.incoming, get, set, var,
// res, finalized, error, json, body, header.
import type { IncomingMessage, ServerResponse } from "node:http";
import { tryDecodeURIComponent } from "hono/utils/url";
import { jsonAnswer } from "./envelope";
import { ANSWERS_PLAIN, PlainAnswer } from "./plain-answer";

/** A matched handler and its params, as Hono's routers give them. */
export type Matched = [unknown, Record<string, string>];

class NodeRequest {
  /** Which matched handler runs (its params are the ones `param` reads), set by the dispatch. */
  routeIndex = 0;
  readonly #validated: Record<string, unknown> = {};

  constructor(
    readonly method: string,
    readonly path: string,
    readonly incoming: IncomingMessage,
    private readonly matched: Matched[],
  ) {}

  /**
   * One header, or all with lower-case names: as a web Headers object reads them (repeated
   * headers joined with ", "), from the raw list. Node's parsed `headers` keeps only the first of
   * some repeated headers (Authorization among them), where Hono sees them all.
   */
  header(name: string): string | undefined;
  header(): Record<string, string>;
  header(name?: string): string | undefined | Record<string, string> {
    const raw = this.incoming.rawHeaders;
    if (name === undefined) {
      const all: Record<string, string> = Object.create(null);
      for (let i = 0; i < raw.length; i += 2) {
        const key = raw[i].toLowerCase();
        all[key] = key in all ? `${all[key]}, ${raw[i + 1]}` : raw[i + 1];
      }
      return all;
    }
    let value: string | undefined;
    for (let i = 0; i < raw.length; i += 2) {
      if (raw[i].length === name.length && raw[i].toLowerCase() === name.toLowerCase()) {
        value = value === undefined ? raw[i + 1] : `${value}, ${raw[i + 1]}`;
      }
    }
    return value;
  }

  param(name: string): string | undefined;
  param(): Record<string, string>;
  param(name?: string): string | undefined | Record<string, string> {
    const params = this.matched[this.routeIndex]?.[1] ?? {};
    if (name !== undefined) {
      const value = params[name];
      return value && tryDecodeURIComponent(value);
    }
    const all: Record<string, string> = {};
    for (const key in params) if (params[key] !== undefined) all[key] = tryDecodeURIComponent(params[key]);
    return all;
  }

  valid(part: string): unknown {
    return this.#validated[part];
  }

  addValidatedData(part: string, data: unknown): void {
    this.#validated[part] = data;
  }
}

export class NodeContext {
  /** Its JSON answers are written from their parts (plain-answer.ts). */
  readonly [ANSWERS_PLAIN] = true;
  readonly req: NodeRequest;
  readonly env: { incoming: IncomingMessage; outgoing: ServerResponse };
  readonly var: Record<string, unknown> = {};
  finalized = false;
  error: Error | undefined;
  #res: Response | undefined;
  /** Headers set with `header()` before the answer exists. */
  #prepared: Record<string, string> | undefined;

  constructor(incoming: IncomingMessage, outgoing: ServerResponse, path: string, matched: Matched[]) {
    this.req = new NodeRequest(incoming.method ?? "GET", path, incoming, matched);
    this.env = { incoming, outgoing };
  }

  get(key: string): unknown {
    return this.var[key];
  }

  set(key: string, value: unknown): void {
    this.var[key] = value;
  }

  /** As Hono's: read before any answer, an empty 200 whose headers can be set (cors does). */
  get res(): Response {
    return (this.#res ??= new Response(null, { headers: new Headers(this.#prepared) }));
  }

  /** A web Response, or the API's own answers as their parts (plain-answer.ts). */
  set res(res: Response) {
    this.#res = res;
    this.finalized = true;
  }

  header(name: string, value: string): void {
    if (this.#res instanceof PlainAnswer) this.#res.headerObject[name] = value;
    else if (this.#res) this.#res.headers.set(name, value);
    else (this.#prepared ??= {})[name] = value;
  }

  json(body: unknown, status: number): Response {
    // The API's answers (envelope.ts) when nothing was set with header(), as Hono's c.json
    // answers then (the API's middleware adds its headers to either).
    if (!this.#prepared) return jsonAnswer(this as never, body, status as never);
    return new Response(JSON.stringify(body), { status, headers: { ...this.#prepared, "content-type": "application/json" } });
  }

  body(data: BodyInit | null, status: number): Response {
    return new Response(data, { status, headers: this.#prepared });
  }
}
