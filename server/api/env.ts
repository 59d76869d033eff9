import type { IncomingMessage } from "node:http";
import type { DeadlineScope } from "@/db/deadline";
import type { ApiKeyAuth } from "@/lib/auth/api-keys";

/** What the middleware leaves on the context for the handlers. */
export type ApiEnv = {
  /** Set by @hono/node-server (the production server); absent when Next's route handler mounts the API. */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    /** The parsed JSON body (an object), apiKey included. */
    body: Record<string, unknown>;
    /** The API key's caller, id and limit. */
    auth: ApiKeyAuth;
    /** The call's deadline (middleware/availability.ts), for the queries made outside its context. */
    deadline: DeadlineScope;
    /** The answer's headers so far, whatever ends up answering (server/api/envelope.ts). */
    headers: Record<string, string>;
  };
};
