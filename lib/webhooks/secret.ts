// Endpoint secrets: `whsec_` + base64 of 24 random bytes (the Standard Webhooks form), kept
// encrypted with AES-256-GCM. The key comes from WEBHOOK_SECRET_KEY (any string: it is hashed to
// 32 bytes); without it, from AUTH_SECRET (which production requires, and which `npm run dev`
// makes once under .data/), so the demo works with nothing to set. Changing the key makes the
// stored secrets unreadable: rotate every endpoint's secret after.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { authSecret } from "../auth/secret";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

function key(): Buffer {
  const material = process.env.WEBHOOK_SECRET_KEY?.trim() || `rendez-vous webhooks:${authSecret()}`;
  return createHash("sha256").update(material).digest();
}

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function decryptSecret(stored: string): string {
  const [iv, tag, data] = stored.split(".").map((p) => Buffer.from(p, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}
