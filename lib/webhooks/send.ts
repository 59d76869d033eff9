// One webhook attempt: POST to the address already checked, 5 s for the whole exchange, at most
// 4 KB of the answer read, redirects not followed (a 3xx is a failure like any non-2xx). The
// request itself is lib/net/post.ts, shared with the message providers. Never throws.
import "server-only";
import { post } from "@/lib/net/post";

export const RESPONSE_LIMIT = 4096;

export type Attempt = { ok: boolean; httpStatus: number | null; latencyMs: number; response: string | null; error: string | null };

export async function postOnce(
  url: URL,
  target: { address: string; family: 4 | 6 },
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Attempt> {
  const r = await post(url, { headers: { ...headers, "user-agent": "Rendez-vous-Webhooks/1" }, body, timeoutMs, target, limit: RESPONSE_LIMIT });
  if (!r.answered) return { ok: false, httpStatus: null, latencyMs: r.latencyMs, response: null, error: r.error };
  const ok = r.status >= 200 && r.status < 300;
  const error = ok ? null : r.status >= 300 && r.status < 400 ? `Redirection non suivie (HTTP ${r.status})` : `HTTP ${r.status}`;
  return { ok, httpStatus: r.status, latencyMs: r.latencyMs, response: r.body || null, error };
}
