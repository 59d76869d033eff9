// The HTTP API: one Hono app, its routes declared with their zod schemas, and the middleware
// every request passes, written once: CORS, POST only, JSON body (415/413/400), API key (401),
// rate limit (429); then the route's validation (400, validated-app.ts) and the domain call.
// Errors of any kind become the envelope in errors.ts. Mounted by
// app/app/[appId]/multi-service/[...path]/route.ts and by server/index.ts, with no logic in either.
import { cors } from "hono/cors";
import { AppError } from "@/lib/contract/errors";
import { API_SECURITY_HEADERS } from "@/lib/contract/security-headers";
import type { ApiEnv } from "./env";
import { completeHeaders, setHeader } from "./envelope";
import { notFound, onError } from "./errors";
import { authenticate } from "./middleware/auth";
import { availability, routeScope } from "./middleware/availability";
import { readJsonBody } from "./middleware/body";
import { checkRateLimit } from "./middleware/rate-limit";
import { readYourWrites } from "./middleware/read-your-writes";
import { ShapeCachedRouter } from "./router";
import { agentRoutes } from "./routes/agents";
import { appointmentRoutes } from "./routes/appointments";
import { companyRoutes } from "./routes/companies";
import { customerRoutes } from "./routes/customers";
import { eventRoutes } from "./routes/events";
import { exportRoutes } from "./routes/export";
import { messageRoutes } from "./routes/messages";
import { schedulingRoutes } from "./routes/scheduling";
import { serviceRoutes } from "./routes/services";
import { webhookRoutes } from "./routes/webhooks";
import { ValidatedOpenAPIHono } from "./validated-app";

const PREFIX = "/app/:appId/multi-service/*";

export function createApi() {
  const api = new ValidatedOpenAPIHono({ router: new ShapeCachedRouter(), routeScope });
  api.onError(onError);
  api.notFound(notFound);

  // Keys travel in the body or the Authorization header, never in cookies: any origin may call.
  const exposeHeaders = ["Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "Idempotent-Replayed"];
  const preflight = cors({
    origin: "*",
    allowMethods: ["POST"],
    allowHeaders: ["Content-Type", "Authorization", "Idempotency-Key"],
    exposeHeaders,
    maxAge: 86_400,
  });
  const everyAnswer = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": exposeHeaders.join(", "),
    ...API_SECURITY_HEADERS,
  };
  // One middleware for what every call passes before its route, its steps plain functions
  // called in turn rather than middleware registered one by one: each middleware layer costs
  // Hono a dispatch and promises on every call (seen in the API's CPU profiles, and on Node 20
  // each promise runs the async-context hook).
  api.use(PREFIX, (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    // Other requests get their headers before the answer exists, in a plain object the answer
    // is built with (envelope.ts): Hono's cors sets them on c.res, which makes the answer a
    // full web Response (measured: ~10 % of a `get`'s CPU), and even c.header() goes through
    // a web Headers object.
    // Object.assign, not a spread: on Node 20 a spread copy is slow to gain keys (measured: 1.8 µs
    // to add the three rate-limit headers, against 60 ns on a copy made by Object.assign).
    c.set("headers", Object.assign({}, everyAnswer));
    if (c.req.method !== "POST") {
      setHeader(c, "Allow", "POST, OPTIONS");
      throw new AppError("method-not-allowed");
    }
    return availability(c, async () => {
      await readJsonBody(c);
      await authenticate(c);
      checkRateLimit(c);
      await readYourWrites(c, next);
      completeHeaders(c);
    });
  });

  appointmentRoutes(api);
  serviceRoutes(api);
  agentRoutes(api);
  companyRoutes(api);
  customerRoutes(api);
  eventRoutes(api);
  exportRoutes(api);
  webhookRoutes(api);
  schedulingRoutes(api);
  messageRoutes(api);

  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "La clé API (rdv_…). Elle peut aussi venir dans le corps, champ `apiKey`.",
  });
  return api;
}

export type Api = ReturnType<typeof createApi>;
