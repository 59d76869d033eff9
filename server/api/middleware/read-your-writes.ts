// Read-your-writes for API keys when lists are read on a replica: a key's write leaves its
// mark in PostgreSQL once committed, and the key's reads look it up (lib/api/read-after). Runs
// outside the Idempotency-Key transaction, so the mark follows the COMMIT. Nothing happens
// without DATABASE_REPLICA_URL.
import type { MiddlewareHandler } from "hono";
import { replicaConfigured } from "@/db";
import { keyReadAfter, markKeyWrote } from "@/lib/api/read-after";
import type { ApiEnv } from "../env";

/** The last segment of the paths that change something. */
const WRITES = new Set(["create", "edit", "status", "update-fields"]);

export const readYourWrites: MiddlewareHandler<ApiEnv> = (c, next) => (replicaConfigured() ? followWrites(c, next) : next());

const followWrites: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const { caller, keyId } = c.get("auth");
  caller.readAfter = () => keyReadAfter(caller.appId, keyId);
  await next();
  if (c.res.status >= 300 || !WRITES.has(c.req.path.slice(c.req.path.lastIndexOf("/") + 1))) return;
  try {
    await markKeyWrote(caller.appId, keyId);
  } catch (err) {
    // The write is done and answered as such; only the next reads' freshness is at stake,
    // and a primary that cannot take this cannot serve the reads either.
    console.error(`[api] ${c.req.path}: read-your-writes mark not stored (${(err as Error).message})`);
  }
};
