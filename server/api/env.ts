import type { ApiKeyAuth } from "@/lib/auth/api-keys";

/** What the middleware leaves on the context for the handlers. */
export type ApiEnv = {
  Variables: {
    /** The parsed JSON body (an object), apiKey included. */
    body: Record<string, unknown>;
    /** The API key's caller, id and limit. */
    auth: ApiKeyAuth;
  };
};
