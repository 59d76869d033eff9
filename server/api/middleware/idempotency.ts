// Idempotency-Key on creates. Runs before the route's validation, and the route's work runs
// inside the key's transaction: a success commits with its stored answer, a refusal or a
// failure rolls everything back (lib/api/idempotency holds the rules). Without the header the
// request takes the usual path, with no transaction.
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isValidIdempotencyKey, requestHash, withIdempotencyKey } from "@/lib/api/idempotency";
import { AppError } from "@/lib/contract/errors";
import { jsonAnswer, setHeader } from "../envelope";
import type { ApiEnv } from "../env";

export const idempotency: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return next();
  if (!isValidIdempotencyKey(key)) {
    throw new AppError("validation-error", "En-tête Idempotency-Key invalide (1 à 255 caractères ASCII visibles)", {
      details: { fields: { "Idempotency-Key": ["1 à 255 caractères ASCII visibles"] } },
    });
  }
  const { caller, keyId } = c.get("auth");
  const { apiKey: _, ...body } = c.get("body");
  const scope = { appId: caller.appId, apiKeyId: keyId, key };
  const outcome = await withIdempotencyKey(scope, requestHash(c.req.path, body), async () => {
    await next();
    // The route's errors were turned into c.res by the error handler: their status says so.
    const ok = c.res.status >= 200 && c.res.status < 300;
    return { status: c.res.status, body: ok ? await c.res.clone().json() : undefined };
  });
  if (outcome.replayed) {
    setHeader(c, "Idempotent-Replayed", "true");
    return jsonAnswer(c, outcome.body, outcome.status as ContentfulStatusCode);
  }
  // Otherwise c.res is the route's own answer, sent only now: after COMMIT.
};
