import { createApi } from "./app";
import { openApiDocument } from "./openapi";

/** The one API app, shared by both mounts and the OpenAPI route. */
export const api = createApi();

export function getOpenApiDocument(serverUrl?: string) {
  return openApiDocument(api, serverUrl);
}
