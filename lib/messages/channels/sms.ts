// SMS through a generic HTTP provider (README, "Messages: set-up per channel"): a URL, one auth
// header, a JSON body template with {{to}}, {{text}}, {{id}} and {{from}}, and where the answer
// puts the provider's message id. Our message id also travels as `Idempotency-Key`, so a send
// whose answer was lost is simply retried: the provider dedupes it. Callbacks: sms-inbound.ts.
import "server-only";
import { smsSettingsSchema } from "@/lib/contract/message-providers";
import type { ChannelAdapter, SendOutcome } from "@/lib/messages/channel";
import { allowLoopback, callProvider, type HttpChannelOptions, isAnswer, type ProviderAnswer, retryableStatus, shortText } from "./http";
import { isOutcome, readSettings, schemaOnce } from "./read-settings";

export { parseSmsCallback, verifySmsSignature } from "./sms-inbound";

const smsSchema = schemaOnce(smsSettingsSchema);

/**
 * The body to send: the template's JSON with each placeholder replaced inside its string values,
 * so a quote or a line break in the text cannot break out of the JSON.
 */
export function fillSmsBody(template: string, values: Record<string, string>): string {
  const fill = (v: unknown): unknown => {
    if (typeof v === "string") return v.replace(/\{\{\s*([A-Za-z_]+)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  return JSON.stringify(fill(JSON.parse(template)));
}

/** `data.id`, `$.messages[0].id`: a value in a JSON answer, or undefined. */
export function readJsonPath(json: unknown, path: string): unknown {
  let v = json;
  for (const key of path.replace(/^\$\./, "").match(/[^.[\]]+/g) ?? []) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function providerText(json: unknown, body: string): string {
  const j = json as { error?: unknown; message?: unknown; detail?: unknown; errors?: { message?: unknown }[] } | undefined;
  const error = j?.error as { message?: unknown } | string | undefined;
  for (const said of [typeof error === "string" ? error : error?.message, j?.message, j?.detail, Array.isArray(j?.errors) ? j.errors[0]?.message : undefined]) {
    if (typeof said === "string" && said) return shortText(said);
  }
  return shortText(body);
}

export function readSmsAnswer(answer: ProviderAnswer, ourId: string, idPath: string | undefined): SendOutcome {
  const { status, json, body } = answer;
  if (status >= 200 && status < 300) {
    // No path set: the provider's callbacks name the message by our id (the {{id}} of the body).
    if (!idPath) return { state: "sent", providerId: ourId };
    const id = readJsonPath(json, idPath);
    if ((typeof id === "string" && id) || typeof id === "number") return { state: "sent", providerId: String(id) };
    return { state: "unknown", reason: `Le fournisseur SMS a répondu HTTP ${status} sans identifiant à « ${idPath} » (vérifiez ce chemin) : ${shortText(body) || "réponse vide"}` };
  }
  const said = providerText(json, body);
  return { state: "failed", retry: retryableStatus(status, true), reason: `Le fournisseur SMS a refusé le message (HTTP ${status})${said ? ` : ${said}` : ""}` };
}

export function createSmsChannel(options: HttpChannelOptions = {}): ChannelAdapter {
  return {
    channel: "sms",
    idempotent: true,
    async send(message, settings, signal) {
      const s = readSettings(smsSchema(allowLoopback(options)), settings, "SMS");
      if (isOutcome(s)) return s;
      const body = fillSmsBody(s.bodyTemplate, { to: message.to, text: message.body, id: message.id, from: s.sender ?? "" });
      const r = await callProvider(
        s.url,
        { method: s.method, headers: { [s.authHeader]: s.authValue, "idempotency-key": message.id }, body },
        { provider: "SMS", idempotent: true, options, signal },
      );
      return isAnswer(r) ? readSmsAnswer(r, message.id, s.idPath) : r;
    },
  };
}

/** The adapter the sender uses (loopback and time limit from the environment). */
export const smsChannel = createSmsChannel();
