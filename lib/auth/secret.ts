// The key that signs session cookies. Production must set AUTH_SECRET (every app instance
// shares it, so sessions survive a restart and work behind a load balancer). `npm run dev`
// on a fresh clone needs nothing: a random secret is made once and kept under .data/.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return (cached = fromEnv);
  if (process.env.NODE_ENV === "production" && process.env.AUTH_SECRET_DEV_FILE !== "1") {
    throw new Error(
      "AUTH_SECRET manque : définissez-le (par ex. `openssl rand -base64 33`) pour signer les sessions en production.",
    );
  }
  const dir = path.join(process.cwd(), ".data");
  const file = path.join(dir, "auth-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
    if (cached) return cached;
  } catch {
    // first start: made below
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(33).toString("base64url");
  try {
    // "wx": two workers starting together keep the first one's secret.
    writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
  } catch {
    return (cached = readFileSync(file, "utf8").trim());
  }
  return (cached = secret);
}
