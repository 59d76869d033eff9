// What the HTTP providers (WhatsApp Cloud API, generic SMS) share: the address check against the
// server's own network (as for webhooks), one request through lib/net/post.ts, and turning a
// network failure into an outcome. Refused before the request left → worth a retry; lost after
// it left → the provider may have sent it: "unknown", unless it dedupes on our id (idempotent),
// then a retry is safe.
import "server-only";
import type { SendOutcome } from "@/lib/messages/channel";
import { ABORTED, post } from "@/lib/net/post";
import { checkUrlAddress } from "@/lib/webhooks/address";
import { webhookConfig } from "@/lib/webhooks/config";

export type HttpChannelOptions = {
  /** For the whole exchange; 10 s unless told. */
  timeoutMs?: number;
  /** http:// and 127.0.0.0/8 allowed; WEBHOOKS_ALLOW_LOOPBACK=1 unless told. */
  allowLoopback?: boolean;
};

export const DEFAULT_TIMEOUT_MS = 10_000;

export function allowLoopback(options: HttpChannelOptions): boolean {
  return options.allowLoopback ?? webhookConfig().allowLoopback;
}

export type ProviderAnswer = { status: number; body: string; json: unknown };

/** Sends one request; answers the provider's reply for the adapter to read, or the outcome when none came. */
export async function callProvider(
  address: string,
  request: { method?: "POST" | "PUT"; headers: Record<string, string>; body: string },
  context: { provider: string; idempotent: boolean; options: HttpChannelOptions; signal?: AbortSignal },
): Promise<ProviderAnswer | SendOutcome> {
  const { provider, idempotent, options, signal } = context;
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { state: "failed", retry: false, reason: `Adresse du fournisseur ${provider} invalide` };
  }
  const stopped: SendOutcome = { state: "failed", retry: true, reason: `${provider} : ${ABORTED.toLowerCase()} avant le départ de la requête` };
  if (signal?.aborted) return stopped;
  const verdict = await checkUrlAddress(url, allowLoopback(options));
  // A name that does not resolve may be a passing DNS failure; a refused address is a setting to fix.
  if (!verdict.ok) return { state: "failed", retry: Boolean(verdict.unresolved), reason: verdict.reason };
  const r = await post(url, {
    ...request,
    headers: { ...request.headers, "user-agent": "Rendez-vous-Messages/1", accept: "application/json" },
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    target: verdict,
    signal,
    limit: 16_384,
  });
  if (r.answered) return { status: r.status, body: r.body, json: parseJson(r.body) };
  if (!r.written) return r.error === ABORTED ? stopped : { state: "failed", retry: true, reason: `${provider} injoignable : ${r.error}` };
  const lost = `${provider} : réponse perdue après l'envoi (${r.error})`;
  return idempotent ? { state: "failed", retry: true, reason: `${lost} ; nouvel essai sans risque de doublon` } : { state: "unknown", reason: `${lost} ; le message a peut-être été envoyé` };
}

export function isAnswer(r: ProviderAnswer | SendOutcome): r is ProviderAnswer {
  return "status" in r;
}

/** Worth another attempt: the provider is busy or broken (408, 425, 429, 5xx); 409 when it dedupes (a twin still in flight). */
export function retryableStatus(status: number, idempotent: boolean): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500 || (idempotent && status === 409);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A provider's text cut to a readable size for staff. */
export function shortText(s: string, max = 300): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
