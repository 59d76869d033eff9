// Secrets kept in the database (webhook signing secrets, message providers' tokens) are sealed
// with AES-256-GCM. Each use has its own key from the environment (any string: it is hashed to
// 32 bytes); without it, one derived from AUTH_SECRET (which production requires and which
// `npm run dev` makes once under .data/), so the demo works with nothing to set. Changing a key
// makes what it sealed unreadable: those secrets must be entered again.
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { authSecret } from "./auth/secret";

export type SecretBox = { encrypt(secret: string): string; decrypt(stored: string): string };

/** A box whose key comes from `envName`, else from AUTH_SECRET with `label` (one key per use). */
export function secretBox(envName: string, label: string): SecretBox {
  const key = () => createHash("sha256").update(process.env[envName]?.trim() || `${label}:${authSecret()}`).digest();
  return {
    /** `iv.tag.ciphertext` in base64url. */
    encrypt(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key(), iv);
      const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
    },
    decrypt(stored) {
      const [iv, tag, data] = stored.split(".").map((p) => Buffer.from(p, "base64url"));
      const decipher = createDecipheriv("aes-256-gcm", key(), iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    },
  };
}
