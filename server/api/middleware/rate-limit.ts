// Per-key rate limit, a token bucket in Postgres (lib/api/rate-limit): 429 rate-limited with
// the exact Retry-After once the key's requests per minute are spent. The request was counted
// by the key's lookup (lib/auth/api-keys.ts, one statement for both).
import type { MiddlewareHandler } from "hono";
import { AppError } from "@/lib/contract/errors";
import type { ApiEnv } from "../env";

export const rateLimit: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const r = c.var.auth.limited;
  c.header("RateLimit-Limit", String(r.limit));
  c.header("RateLimit-Remaining", String(r.remaining));
  c.header("RateLimit-Reset", String(r.resetSeconds));
  if (!r.allowed) {
    c.header("Retry-After", String(r.retryAfterSeconds));
    throw new AppError("rate-limited", `Limite de ${r.limit} requêtes par minute atteinte, réessayez dans ${r.retryAfterSeconds} s`, {
      details: { limit: r.limit, retryAfter: r.retryAfterSeconds },
    });
  }
  await next();
};
