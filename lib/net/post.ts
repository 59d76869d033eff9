// One outbound HTTP request (webhooks, message providers): to an address already checked (no
// second lookup, so DNS rebinding cannot swap it), a time limit for the whole exchange, an
// optional AbortSignal, at most `limit` bytes of the answer read (the rest dropped with the
// connection), redirects not followed. Never throws. When no answer came, `written` tells
// whether the whole request had left: after that the receiver may have acted on it.
import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

export type PostRequest = {
  method?: "POST" | "PUT";
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  target: { address: string; family: 4 | 6 };
  signal?: AbortSignal;
  /** Bytes of the answer kept; 4 KB unless told. */
  limit?: number;
};

export type PostResult = { latencyMs: number } & (
  | { answered: true; status: number; body: string }
  | { answered: false; written: boolean; timedOut: boolean; error: string }
);

export const ABORTED = "Envoi interrompu";

export function post(url: URL, request: PostRequest): Promise<PostResult> {
  const started = performance.now();
  const { target, signal, timeoutMs } = request;
  const limit = request.limit ?? 4096;
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    let written = false;
    const done = (r: PostResult extends infer T ? (T extends unknown ? Omit<T, "latencyMs"> : never) : never) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve({ ...r, latencyMs: Math.round(performance.now() - started) } as PostResult);
    };
    const fail = (error: string, timedOut = false) => {
      done({ answered: false, written, timedOut, error });
      req.destroy();
    };
    const onAbort = () => fail(ABORTED);
    const lib = url.protocol === "https:" ? https : http;
    const req = lib.request(
      url,
      {
        method: request.method ?? "POST",
        lookup: pinned,
        agent: false,
        headers: { "content-type": "application/json", ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const body = Buffer.concat(chunks).subarray(0, limit).toString("utf8");
          done({ answered: true, status: res.statusCode ?? 0, body });
          req.destroy();
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= limit) finish();
        });
        res.on("end", finish);
        res.on("error", () => finish());
      },
    );
    const timer = setTimeout(() => fail(`Pas de réponse en ${(Math.round(timeoutMs / 100) / 10).toLocaleString("fr-FR")} s`, true), timeoutMs);
    if (signal?.aborted) {
      queueMicrotask(onAbort);
    } else signal?.addEventListener("abort", onAbort, { once: true });
    // Headers and body leave in one go, not held back for an ACK (Nagle + delayed ACK cost ~40 ms a request).
    req.on("socket", (socket) => socket.setNoDelay(true));
    req.on("finish", () => (written = true));
    req.on("error", (err: NodeJS.ErrnoException) => done({ answered: false, written, timedOut: false, error: `${err.code ?? "Erreur"} : ${err.message}` }));
    req.end(request.body);
  });
}
