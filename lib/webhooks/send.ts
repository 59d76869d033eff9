// One HTTP attempt: POST to the address already checked (no second lookup), 5 s for the whole
// exchange, at most 4 KB of the answer read (the rest dropped with the connection), redirects
// not followed (a 3xx is a failure like any non-2xx). Never throws: the outcome is recorded.
import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

export const RESPONSE_LIMIT = 4096;

export type Attempt = { ok: boolean; httpStatus: number | null; latencyMs: number; response: string | null; error: string | null };

export function postOnce(
  url: URL,
  target: { address: string; family: 4 | 6 },
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Attempt> {
  const started = performance.now();
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    const done = (a: Omit<Attempt, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...a, latencyMs: Math.round(performance.now() - started) });
    };
    const lib = url.protocol === "https:" ? https : http;
    const req = lib.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        agent: false,
        headers: { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Rendez-vous-Webhooks/1" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const status = res.statusCode ?? 0;
          const text = Buffer.concat(chunks).subarray(0, RESPONSE_LIMIT).toString("utf8");
          const ok = status >= 200 && status < 300;
          done({ ok, httpStatus: status, response: text || null, error: ok ? null : status >= 300 && status < 400 ? `Redirection non suivie (HTTP ${status})` : `HTTP ${status}` });
          req.destroy();
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_LIMIT) finish();
        });
        res.on("end", finish);
        res.on("error", () => finish());
      },
    );
    const timer = setTimeout(() => {
      done({ ok: false, httpStatus: null, response: null, error: `Pas de réponse en ${Math.round(timeoutMs / 1000)} s` });
      req.destroy();
    }, timeoutMs);
    // Headers and body leave in one go, not held back for an ACK (Nagle + delayed ACK cost ~40 ms a request).
    req.on("socket", (socket) => socket.setNoDelay(true));
    req.on("error", (err: NodeJS.ErrnoException) => done({ ok: false, httpStatus: null, response: null, error: `${err.code ?? "Erreur"} : ${err.message}` }));
    req.end(body);
  });
}
