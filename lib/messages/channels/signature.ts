// HMAC-SHA256 of a callback's raw body, as WhatsApp (X-Hub-Signature-256) and the generic SMS
// provider (X-Signature) sign it. Compared in constant time, on the bytes as received: a body
// parsed and serialised again would not match.
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

export function hmacHex(secret: string, rawBody: string | Uint8Array): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/** `header` is the hex digest, with or without a `sha256=` prefix; missing or malformed → false. */
export function verifyHmac(rawBody: string | Uint8Array, header: string | null | undefined, secret: string): boolean {
  if (!header || !secret) return false;
  const given = header.trim().replace(/^sha256=/i, "");
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase(), "hex"), Buffer.from(hmacHex(secret, rawBody), "hex"));
}

/** Equal texts, in constant time (the verify token of WhatsApp's GET challenge). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
