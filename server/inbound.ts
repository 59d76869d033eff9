// The providers' callbacks over HTTP (lib/messages/inbound.ts does the work): Meta's GET
// challenge and signed POSTs at /api/messages/whatsapp, the SMS provider's signed POSTs at
// /api/messages/sms/{appId}. Mounted by the Next route handlers under app/api/messages/ and by
// server/index.ts (straight, as /app/ is, and in the API-only process), with no logic in either.
// Answers: 200 `{ "success": true }` once a signed callback is handled (providers retry anything
// else), 401 absent or forged signature or unknown app, 413 over 64 KB, 400 not JSON, 403 a
// wrong verify token; errors in the API's envelope.
import { type Context, Hono } from "hono";
import { AppError } from "@/lib/contract/errors";
import { smsCallback, whatsAppCallback, whatsAppChallenge } from "@/lib/messages/inbound";
import type { ApiEnv } from "./api/env";
import { notFound, onError } from "./api/errors";
import { availability } from "./api/middleware/availability";
import { MAX_BODY_BYTES, readLimited, tooLarge } from "./api/middleware/body";

export const INBOUND_PREFIX = "/api/messages/";

async function rawBody(c: Context<ApiEnv>): Promise<Uint8Array> {
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  // The Node request when there is one (the production server), else the web Request's stream.
  return readLimited(c.env?.incoming ?? c.req.raw.body, MAX_BODY_BYTES);
}

export function createInbound() {
  const app = new Hono<ApiEnv>();
  app.onError(onError);
  app.notFound(notFound);
  app.use("*", availability, async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });

  app.get("/api/messages/whatsapp", async (c) => {
    const challenge = await whatsAppChallenge(new URL(c.req.url).searchParams);
    if (challenge === null) throw new AppError("not-authorized", "Jeton de vérification inconnu", { status: 403 });
    return c.text(challenge, 200);
  });
  app.post("/api/messages/whatsapp", async (c) => {
    await whatsAppCallback(await rawBody(c), c.req.header("x-hub-signature-256"));
    return c.json({ success: true as const }, 200);
  });
  app.post("/api/messages/sms/:appId", async (c) => {
    await smsCallback(c.req.param("appId"), await rawBody(c), c.req.header("x-signature"));
    return c.json({ success: true as const }, 200);
  });
  return app;
}

/** The one inbound app, shared by both mounts. */
export const inbound = createInbound();
