// Making and recognising API keys. Keys are 32 random bytes, so one SHA-256 digest is enough
// to find them (argon2 is for passwords; it has no place on the request path).
import { createHash, randomBytes } from "node:crypto";

const KEY_PREFIX = "rdv_";

export function generateApiKey(): { key: string; prefix: string; digest: string } {
  const key = KEY_PREFIX + randomBytes(32).toString("base64url");
  return { key, prefix: key.slice(0, KEY_PREFIX.length + 8), digest: digestApiKey(key) };
}

export function digestApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Cheap shape check before any query: anything else is not one of our keys. */
export function looksLikeApiKey(key: unknown): key is string {
  return typeof key === "string" && key.length === KEY_PREFIX.length + 43 && key.startsWith(KEY_PREFIX);
}
