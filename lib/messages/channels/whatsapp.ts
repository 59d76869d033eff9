// WhatsApp through the shape of Meta's WhatsApp Cloud API: POST {baseUrl}/{version}/{phone number
// id}/messages with the app's access token. Messages we start are approved templates (the company
// maps each trigger to one); free text only inside the 24 hours after the customer's last message.
// The API takes no idempotency key, so a send whose answer was lost is "unknown", never retried.
// Callbacks (signature, GET challenge, statuses and replies): whatsapp-inbound.ts.
import "server-only";
import { whatsappSettingsSchema } from "@/lib/contract/message-providers";
import type { ChannelAdapter, OutgoingMessage, SendOutcome } from "@/lib/messages/channel";
import { allowLoopback, callProvider, type HttpChannelOptions, isAnswer, type ProviderAnswer, retryableStatus, shortText } from "./http";
import { isOutcome, readSettings, schemaOnce } from "./read-settings";

export { answerWhatsAppChallenge, parseWhatsAppCallback, verifyWhatsAppSignature, whatsAppPhoneNumberIds } from "./whatsapp-inbound";

const whatsappSchema = schemaOnce(whatsappSettingsSchema);

/**
 * Error codes Meta answers with HTTP 400 that still mean "later": throttling (4, 80007, 130429),
 * spam rate limit (131048), pair rate limit (131056), service unavailable (133004).
 */
const RETRY_CODES = new Set([4, 80007, 130429, 131048, 131056, 133004]);

/** What staff should read for the refusals they can act on. */
const EXPLAINED: Record<number, string> = {
  190: "jeton d'accès expiré ou invalide : renouvelez-le dans Réglages → Messages",
  131026: "message impossible à remettre (numéro sans WhatsApp ?)",
  131030: "destinataire absent de la liste autorisée (numéro de test)",
  131047: "plus de 24 h depuis le dernier message du client : seul un modèle approuvé peut partir",
  132000: "nombre de variables différent de celui du modèle approuvé",
  132001: "modèle inconnu ou pas approuvé dans cette langue",
};

type WhatsAppBody = Record<string, unknown>;

export function whatsappBody(message: OutgoingMessage): WhatsAppBody | SendOutcome {
  const to = message.to.replace(/^\+/, "");
  if (message.template) {
    const { name, language, parameters } = message.template;
    // A template without variables takes no components at all.
    const components = parameters.length ? { components: [{ type: "body", parameters: parameters.map((text) => ({ type: "text", text })) }] } : {};
    return { messaging_product: "whatsapp", recipient_type: "individual", to, type: "template", template: { name, language: { code: language }, ...components } };
  }
  if (!message.customerWindowOpen) {
    return {
      state: "failed",
      retry: false,
      reason: "WhatsApp : hors de la fenêtre de 24 h après le dernier message du client, seul un modèle approuvé peut être envoyé (associez un modèle à ce message)",
    };
  }
  return { messaging_product: "whatsapp", recipient_type: "individual", to, type: "text", text: { preview_url: false, body: message.body } };
}

type GraphError = { message?: unknown; code?: unknown; error_subcode?: unknown; error_data?: { details?: unknown } };

export function readWhatsAppAnswer(answer: ProviderAnswer): SendOutcome {
  const { status, json, body } = answer;
  if (status >= 200 && status < 300) {
    const id = (json as { messages?: { id?: unknown }[] } | undefined)?.messages?.[0]?.id;
    if (typeof id === "string" && id) return { state: "sent", providerId: id };
    return { state: "unknown", reason: `WhatsApp a répondu HTTP ${status} sans identifiant de message : ${shortText(body) || "réponse vide"}` };
  }
  const error = ((json as { error?: GraphError } | undefined)?.error ?? {}) as GraphError;
  const code = typeof error.code === "number" ? error.code : undefined;
  const said = [error.message, error.error_data?.details].filter((s): s is string => typeof s === "string" && s.length > 0).join(" — ");
  const label = `HTTP ${status}${code !== undefined ? `, code ${code}${typeof error.error_subcode === "number" ? `/${error.error_subcode}` : ""}` : ""}`;
  const explained = code !== undefined ? EXPLAINED[code] : undefined;
  const detail = [explained, shortText(said || body)].filter(Boolean).join(" ; ");
  return {
    state: "failed",
    retry: retryableStatus(status, false) || (code !== undefined && RETRY_CODES.has(code)),
    reason: `WhatsApp a refusé le message (${label})${detail ? ` : ${detail}` : ""}`,
  };
}

export function createWhatsAppChannel(options: HttpChannelOptions = {}): ChannelAdapter {
  return {
    channel: "whatsapp",
    idempotent: false,
    async send(message, settings, signal) {
      const s = readSettings(whatsappSchema(allowLoopback(options)), settings, "WhatsApp");
      if (isOutcome(s)) return s;
      const body = whatsappBody(message);
      if (isOutcome(body)) return body;
      const r = await callProvider(
        `${s.baseUrl}/${s.apiVersion}/${s.phoneNumberId}/messages`,
        { headers: { authorization: `Bearer ${s.accessToken}` }, body: JSON.stringify(body) },
        { provider: "WhatsApp", idempotent: false, options, signal },
      );
      return isAnswer(r) ? readWhatsAppAnswer(r) : r;
    },
  };
}

/** The adapter the sender uses (loopback and time limit from the environment). */
export const whatsappChannel = createWhatsAppChannel();
