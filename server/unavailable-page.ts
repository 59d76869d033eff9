// The page shown while the database cannot be reached: French first, says what happens and
// reloads itself, 503 with Retry-After so browsers and proxies know it is temporary.
import type { IncomingMessage, ServerResponse } from "node:http";
import { RETRY_AFTER_SECONDS } from "../lib/contract/errors";
import { pageSecurityHeaders } from "../lib/contract/security-headers";

export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS * 3}"><title>Service momentanément indisponible · Rendez-vous</title>
<style>body{font-family:system-ui,sans-serif;background:#fafafa;color:#171717;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:28rem;padding:2rem;background:#fff;border:1px solid #e5e5e5;border-radius:.75rem}h1{font-size:1.25rem}p{color:#525252;line-height:1.5}</style>
</head><body><main role="alert"><h1>Service momentanément indisponible</h1>
<p>La base de données ne répond pas pour l'instant. Vos données ne sont pas perdues : la page se recharge toute seule dans quelques secondes.</p>
<p lang="en">The database is not answering right now. Your data is safe: this page reloads by itself in a few seconds.</p>
</main></body></html>`;

export function unavailablePage(_req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(503, {
    ...pageSecurityHeaders({ nonce: "none", https: false }),
    "Content-Type": "text/html; charset=utf-8",
    "Retry-After": String(RETRY_AFTER_SECONDS),
    "Cache-Control": "no-store",
  });
  res.end(UNAVAILABLE_PAGE);
}
