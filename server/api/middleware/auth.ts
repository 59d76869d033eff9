// The API key, from the body's `apiKey` or `Authorization: Bearer`, checked against the app of
// the path. Every key problem (absent, unknown, revoked, another app's, sent twice and
// differing) answers the same 401: no hint which.
import type { Context } from "hono";
import { authenticateApiKey } from "@/lib/auth/api-keys";
import { AppError } from "@/lib/contract/errors";
import { setHeader } from "../envelope";
import type { ApiEnv } from "../env";

const NOT_AUTHORIZED = "Clé API absente, invalide ou révoquée";

export async function authenticate(c: Context<ApiEnv>): Promise<void> {
  // Neither place wins over the other: a key sent in both must be the same (else 401), and a
  // malformed header is a wrong key, never a reason to fall back to the body's (README, API).
  const fromHeader = bearerToken(c.req.header("authorization"));
  const fromBody = c.get("body").apiKey;
  const key = fromHeader ?? fromBody;
  const auth =
    fromHeader !== undefined && fromBody !== undefined && fromBody !== fromHeader
      ? null
      : await authenticateApiKey(c.req.param("appId") ?? "", key, c.get("deadline"));
  if (!auth) {
    setHeader(c, "WWW-Authenticate", 'Bearer realm="rendez-vous"');
    throw new AppError("not-authorized", NOT_AUTHORIZED);
  }
  c.set("auth", auth);
}

function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  // A malformed Authorization header is a key problem, not "no key".
  return match ? match[1] : "";
}
