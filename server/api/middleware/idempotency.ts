// Idempotency-Key on creates. Runs before the route's validation, so a refused request gives
// its key back; a success is stored and replayed (lib/api/idempotency holds the rules).
import type { MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  completeIdempotencyKey,
  isValidIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
  reserveIdempotencyKey,
} from "@/lib/api/idempotency";
import { AppError } from "@/lib/errors";
import type { ApiEnv } from "../env";

export const idempotency: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key === undefined) return next();
  if (!isValidIdempotencyKey(key)) {
    throw new AppError("validation-error", "En-tête Idempotency-Key invalide (1 à 255 caractères ASCII visibles)", {
      details: { fields: { "Idempotency-Key": ["1 à 255 caractères ASCII visibles"] } },
    });
  }
  const { caller, keyId } = c.var.auth;
  const scope = { appId: caller.appId, apiKeyId: keyId, key };
  const { apiKey: _, ...body } = c.var.body;
  const reservation = await reserveIdempotencyKey(scope, requestHash(c.req.path, body));

  switch (reservation.state) {
    case "replay":
      c.header("Idempotent-Replayed", "true");
      return c.json(reservation.body, reservation.status as ContentfulStatusCode);
    case "conflict":
      throw new AppError("idempotency-conflict");
    case "in-flight":
      throw new AppError("idempotency-conflict", "Une requête avec cette clé d'idempotence est encore en cours", {
        details: { inFlight: true },
      });
    case "reserved":
      break;
  }

  try {
    await next();
  } catch (err) {
    await releaseIdempotencyKey(scope);
    throw err;
  }
  // Errors below were turned into c.res by the error handler: nothing was created.
  if (c.res.status >= 200 && c.res.status < 300) {
    const answer = await c.res.clone().json();
    await completeIdempotencyKey(scope, c.res.status, answer).catch((err) => {
      console.error("[api] could not store an idempotent answer", err);
    });
  } else {
    await releaseIdempotencyKey(scope);
  }
};
