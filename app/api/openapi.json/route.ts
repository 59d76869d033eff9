// The API's OpenAPI 3.1 document, generated from the Hono routes' zod schemas.
import { getOpenApiDocument } from "@/server/api";

let document: ReturnType<typeof getOpenApiDocument> | undefined;

export function GET() {
  // Relative server: "try it" calls go to whatever host serves this document.
  document ??= getOpenApiDocument("/");
  return Response.json(document, { headers: { "Access-Control-Allow-Origin": "*" } });
}
