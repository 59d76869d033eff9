// The production server's way into the API (server/index.ts): the Hono app's own routes and
// middleware, in their order, dispatched from Node's request as Hono dispatches them (the same
// router, the same step-by-step error handling), without Hono's web Request, Context and
// adapter in between (node-context.ts says what that saves). Next's route handler still mounts
// the Hono app itself (`next dev`, plain `next start`), and the OpenAPI document is Hono's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { getPath } from "hono/utils/url";
import { AppError } from "@/lib/contract/errors";
import { errorBody } from "./envelope";
import { notFound, onError } from "./errors";
import { type Matched, NodeContext } from "./node-context";
import { PlainAnswer } from "./plain-answer";
import { ShapeCachedRouter } from "./router";

type Handler = (c: NodeContext, next: () => Promise<void>) => unknown;
/** What is read of the Hono app: its routes as registered (`app.routes`, Hono's public list). */
type RoutedApp = { routes: readonly { method: string; path: string; handler: unknown }[] };

// As @hono/node-server takes a request target: one outside these characters, or with a dot
// segment, is normalised by the URL parser first.
const PLAIN_TARGET = /^\/[!#$&-;=?-[\]_a-z~]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;

export function apiNodeListener(app: RoutedApp): (incoming: IncomingMessage, outgoing: ServerResponse) => void {
  const router = new ShapeCachedRouter<Handler>();
  for (const { method, path, handler } of app.routes) router.add(method, path, handler as Handler);

  return (incoming, outgoing) => {
    const path = pathOf(incoming.url ?? "/");
    const [matched] = (path === null ? [[]] : router.match(incoming.method ?? "GET", path)) as [Matched[]];
    const c = new NodeContext(incoming, outgoing, path ?? "/", matched);
    // A failure past the error handler (an answer Node refuses to write) is logged and answered
    // 500 while nothing was sent; never an unhandled rejection, which would end the process.
    run(c, matched)
      .then(() => send(c.res, outgoing))
      .catch((err) => {
        console.error(`[api] ${c.req.method} ${c.req.path}: answer not sent`, err);
        if (outgoing.headersSent) return void outgoing.destroy();
        outgoing.writeHead(500, { "content-type": "application/json", "cache-control": "no-store" });
        outgoing.end(JSON.stringify(errorBody(new AppError("internal-error"))));
      });
  };
}

/** The request's path as Hono reads it (decoded), or null when the target is not a path. */
function pathOf(target: string): string | null {
  if (PLAIN_TARGET.test(target) && !DOT_SEGMENT.test(target)) return getPath({ url: `http://h${target}` } as Request);
  try {
    return getPath({ url: new URL(target.startsWith("/") ? `http://h${target}` : target).href } as Request);
  } catch {
    return null;
  }
}

async function run(c: NodeContext, matched: Matched[]): Promise<void> {
  try {
    await dispatch(c, matched, 0);
    if (!c.finalized) throw new Error("No answer: a handler neither returned a Response nor awaited next()");
  } catch (err) {
    c.res = await onError(err instanceof Error ? err : new Error(String(err)), c as never);
  }
}

/**
 * Hono's compose: each step's error is turned into the answer where it was thrown (the steps
 * around it then see that answer's status, as the Idempotency-Key step does), and past the last
 * step with no answer, the not-found one.
 */
async function dispatch(c: NodeContext, matched: Matched[], i: number): Promise<void> {
  let res: unknown;
  let isError = false;
  if (i < matched.length) {
    c.req.routeIndex = i;
    try {
      res = await (matched[i][0] as Handler)(c, () => dispatch(c, matched, i + 1));
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      c.error = err;
      res = await onError(err, c as never);
      isError = true;
    }
  } else if (!c.finalized) res = await notFound(c as never);
  if (res && (!c.finalized || isError)) c.res = res as Response;
}

function send(res: Response | PlainAnswer, outgoing: ServerResponse): void {
  if (res instanceof PlainAnswer) {
    // The answer's own header object, made for it (envelope.ts): written as it is.
    res.headerObject["content-length"] = String(Buffer.byteLength(res.bodyText));
    outgoing.writeHead(res.status, res.headerObject);
    outgoing.end(res.bodyText);
    return;
  }
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    headers[name] = value;
  });
  outgoing.writeHead(res.status, headers);
  if (!res.body) return void outgoing.end();
  // A stream (the export's archive): a client that goes away cancels it.
  pipeline(Readable.fromWeb(res.body as import("node:stream/web").ReadableStream), outgoing).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ERR_STREAM_PREMATURE_CLOSE") console.error("[api] answer cut", err);
  });
}
