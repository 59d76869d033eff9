// Per-key rate limit, a token bucket in Postgres (lib/api/rate-limit): 429 rate-limited with
// the exact Retry-After once the key's requests per minute are spent. The request was counted
// by the key's lookup (lib/auth/api-keys.ts, one statement for both).
import type { Context } from "hono";
import { AppError } from "@/lib/contract/errors";
import { setHeader } from "../envelope";
import type { ApiEnv } from "../env";

export function checkRateLimit(c: Context<ApiEnv>): void {
  const r = c.get("auth").limited;
  setHeader(c, "RateLimit-Limit", String(r.limit));
  setHeader(c, "RateLimit-Remaining", String(r.remaining));
  setHeader(c, "RateLimit-Reset", String(r.resetSeconds));
  if (!r.allowed) {
    setHeader(c, "Retry-After", String(r.retryAfterSeconds));
    throw new AppError("rate-limited", `Limite de ${r.limit} requêtes par minute atteinte, réessayez dans ${r.retryAfterSeconds} s`, {
      details: { limit: r.limit, retryAfter: r.retryAfterSeconds },
    });
  }
}
