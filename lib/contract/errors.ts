// The one error type of the domain. Its codes are the API's contract; messages are French.
// Pure: the browser reads codes too.

export const ERROR_STATUS = {
  "appointment-not-found": 404,
  "service-not-found": 404,
  "agent-not-found": 404,
  "customer-not-found": 404,
  "company-not-found": 404,
  "api-key-not-found": 404,
  "user-not-found": 404,
  "webhook-not-found": 404,
  "delivery-not-found": 404,
  "message-not-found": 404,
  "provider-not-found": 404,
  "not-authorized": 401,
  "validation-error": 400,
  "invalid-status-transition": 409,
  "agent-unavailable": 409,
  "appointment-changed": 409,
  "outside-working-hours": 409,
  "time-off-not-found": 404,
  "rate-limited": 429,
  "payload-too-large": 413,
  "unsupported-media-type": 415,
  "idempotency-conflict": 409,
  "internal-error": 500,
  "service-unavailable": 503,
  // The HTTP API's answers for requests that name no endpoint.
  "route-not-found": 404,
  "method-not-allowed": 405,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  "appointment-not-found": "Le rendez-vous n'existe pas ou n'appartient pas à l'entreprise",
  "service-not-found": "Le service spécifié n'existe pas",
  "agent-not-found": "L'agent spécifié n'existe pas ou n'appartient pas à l'entreprise",
  "customer-not-found": "Le client spécifié n'existe pas",
  "company-not-found": "L'entreprise spécifiée n'existe pas",
  "api-key-not-found": "La clé API n'existe pas",
  "user-not-found": "L'utilisateur n'existe pas",
  "webhook-not-found": "Le webhook n'existe pas",
  "delivery-not-found": "Cet envoi n'existe pas pour ce webhook",
  "message-not-found": "Ce message n'existe pas",
  "provider-not-found": "Aucun fournisseur n'est réglé pour ce canal",
  "not-authorized": "La clé API n'a pas les droits nécessaires",
  "validation-error": "Les données envoyées ne sont pas valides",
  "invalid-status-transition": "Ce changement de statut n'est pas permis",
  "agent-unavailable": "L'agent a déjà un rendez-vous sur ce créneau",
  "appointment-changed": "Le rendez-vous vient d'être modifié par quelqu'un d'autre : rechargez-le et recommencez",
  "outside-working-hours": "Ce créneau est en dehors des horaires de travail",
  "time-off-not-found": "Cette absence n'existe pas ou n'appartient pas à l'agent",
  "rate-limited": "Trop de requêtes, réessayez dans un instant",
  "payload-too-large": "La requête est trop volumineuse",
  "unsupported-media-type": "Le corps de la requête doit être du JSON (Content-Type: application/json)",
  "idempotency-conflict": "Cette clé d'idempotence a déjà servi pour une autre requête",
  "internal-error": "Erreur interne, réessayez plus tard",
  "service-unavailable": "Service momentanément indisponible, réessayez dans quelques secondes",
  "route-not-found": "Chemin inconnu",
  "method-not-allowed": "Méthode non permise : l'API n'accepte que POST",
};

export type ErrorDetails = Record<string, unknown> | unknown[];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: ErrorDetails;

  constructor(code: ErrorCode, message?: string, options: { details?: ErrorDetails; status?: number } = {}) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? ERROR_STATUS[code];
    this.details = options.details;
  }

  toJSON() {
    return { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) };
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

export function defaultMessage(code: ErrorCode): string {
  return DEFAULT_MESSAGES[code];
}

/** Field errors from zod, keyed by dotted path, for forms and the API's `details`. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function validationError(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  message = DEFAULT_MESSAGES["validation-error"],
): AppError {
  return new AppError("validation-error", message, { details: { fields: fieldErrors(issues) } });
}

/**
 * The Postgres SQLSTATE of a driver error. Drizzle wraps driver errors, so the code is on
 * `cause` (23P01 exclusion, 23505 unique, 23503 foreign key, 22P02 bad text representation).
 */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export function pgConstraint(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const c = (e as { constraint?: unknown; constraint_name?: unknown }).constraint ?? (e as { constraint_name?: unknown }).constraint_name;
    if (typeof c === "string") return c;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Driver codes of a connection that failed or was lost (postgres.js, Node's sockets). */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

/**
 * Whether an error means the database cannot serve now, not that the request was wrong: the
 * server unreachable or restarting (class 08, 57P01–57P03), too many connections (53300), a
 * statement or lock timeout (57014, 55P03), a lost connection. Such requests answer 503
 * service-unavailable with Retry-After, and may be retried.
 */
export function isUnavailable(err: unknown): boolean {
  if (isAppError(err)) return err.code === "service-unavailable";
  const sqlState = pgErrorCode(err);
  if (sqlState && (sqlState.startsWith("08") || ["57P01", "57P02", "57P03", "53300", "57014", "55P03"].includes(sqlState))) return true;
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Whether an error means the database cannot be reached (unreachable, restarting, connection
 * lost, refusing connections), as opposed to a statement that was too slow or cancelled: only
 * the former turns the pages into the "try again" page until a probe finds it back.
 */
export function isConnectionFailure(err: unknown): boolean {
  if (!isUnavailable(err) || isAppError(err)) return false;
  const sqlState = pgErrorCode(err);
  return sqlState !== "57014" && sqlState !== "55P03";
}

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 2;
