// Pieces every route declaration shares: its path under the app, the JSON body, the answers.
import type { z } from "zod";
import { ErrorSchema } from "../schemas";

export const path = (rest: string) => `/app/{appId}/multi-service/${rest}` as const;

// Bearer in the document ("try it" sends it); the body's apiKey works as well (see the description).
export const security: Record<string, string[]>[] = [{ bearer: [] }];

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } } as const;
}

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}

const error = (description: string) => json(ErrorSchema, description);

/** The errors any endpoint may answer; each route adds its not-found and conflict cases. */
export const commonErrors = {
  400: error("validation-error : corps, champ ou curseur invalide"),
  401: error("not-authorized : clé API absente, inconnue, révoquée ou d'une autre application"),
  403: error("not-authorized : la clé n'a pas le droit (scope) nécessaire"),
  413: error("payload-too-large : corps de plus de 64 Ko"),
  415: error("unsupported-media-type : le corps doit être du JSON"),
  429: error("rate-limited : trop de requêtes pour cette clé (voir Retry-After)"),
  500: error("internal-error"),
  503: error("service-unavailable : base de données injoignable, requête trop longue ou serveur qui s'arrête (voir Retry-After)"),
} as const;

export const notFoundError = (codes: string) => ({ 404: error(codes) }) as const;
export const conflictError = (codes: string) => ({ 409: error(codes) }) as const;
