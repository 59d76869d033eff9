// The settings form of each channel, one entry per field of the contract's schema for that
// channel: the `satisfies` below fails to compile when the schema gains, loses or renames a
// field, so the form cannot drift from what the server checks. Secret fields are the
// contract's PROVIDER_SECRETS. Pure.
import type { z } from "zod";
import type { MessageProviderSchema } from "@/lib/contract/wire";
import {
  PROVIDER_SECRETS,
  SMS_DEFAULT_BODY,
  SMTP_SECURITY,
  WHATSAPP_API_VERSION,
  WHATSAPP_BASE_URL,
  type smsSettingsSchema,
  type smtpSettingsSchema,
  type whatsappSettingsSchema,
} from "@/lib/contract/message-providers";
import type { MessageChannel } from "@/lib/contract/messages";

export type FieldSpec = {
  kind: "text" | "url" | "email" | "number" | "select" | "json" | "secret";
  required?: boolean;
  options?: readonly string[];
  /** What an empty select means (the schema's default). */
  default?: string;
  placeholder?: string;
  /** Drawn in the browser (a token the provider's console asks for too). */
  generate?: boolean;
  /** Shown under "advanced": the default is right for almost everyone. */
  advanced?: boolean;
};

type Specs<S extends z.ZodType> = { [K in keyof z.input<S>]-?: FieldSpec };

const email = {
  host: { kind: "text", required: true, placeholder: "smtp.example.com" },
  security: { kind: "select", options: SMTP_SECURITY, default: "starttls" },
  port: { kind: "number", placeholder: "587" },
  user: { kind: "text" },
  password: { kind: "secret" },
  fromAddress: { kind: "email", required: true, placeholder: "rdv@salon.ci" },
  fromName: { kind: "text" },
} satisfies Specs<ReturnType<typeof smtpSettingsSchema>>;

const whatsapp = {
  phoneNumberId: { kind: "text", required: true, placeholder: "123456789012345" },
  accessToken: { kind: "secret", required: true },
  appSecret: { kind: "secret", required: true },
  verifyToken: { kind: "secret", required: true, generate: true },
  baseUrl: { kind: "url", placeholder: WHATSAPP_BASE_URL, advanced: true },
  apiVersion: { kind: "text", placeholder: WHATSAPP_API_VERSION, advanced: true },
} satisfies Specs<ReturnType<typeof whatsappSettingsSchema>>;

const sms = {
  url: { kind: "url", required: true, placeholder: "https://api.sms.example/send" },
  method: { kind: "select", options: ["POST", "PUT"], default: "POST" },
  authHeader: { kind: "text", placeholder: "Authorization" },
  authValue: { kind: "secret", required: true },
  bodyTemplate: { kind: "json", placeholder: SMS_DEFAULT_BODY },
  sender: { kind: "text" },
  idPath: { kind: "text", placeholder: "data.id" },
  callbackSecret: { kind: "secret", required: true, generate: true },
} satisfies Specs<ReturnType<typeof smsSettingsSchema>>;

/** A provider as the API answers it (the contract's wire shape), without its update time. */
export type ProviderRow = Omit<z.output<typeof MessageProviderSchema>, "updatedAt">;

export const CHANNEL_FIELDS: Record<MessageChannel, Record<string, FieldSpec>> = { email, whatsapp, sms, journal: {} };

/** The channels in the order Settings shows them: the demo's journal first. */
export const CHANNEL_ORDER: readonly MessageChannel[] = ["journal", "email", "whatsapp", "sms"];

export function isSecret(channel: MessageChannel, key: string): boolean {
  return (PROVIDER_SECRETS[channel] as readonly string[]).includes(key);
}

/**
 * A form's values as the provider input: the public settings replace the stored ones; secrets
 * only those typed (the others stay); the rate cap empty goes back to the channel's default, and
 * what is not a whole number goes as typed, for the server to refuse with the field named.
 */
export function providerValues(channel: MessageChannel, values: Record<string, string>, enabled: boolean, rate = "") {
  const settings: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const key of Object.keys(CHANNEL_FIELDS[channel])) {
    const v = values[key] ?? "";
    // Empty means "not set": the schema's default or its "required" applies.
    if (v === "") continue;
    if (isSecret(channel, key)) secrets[key] = v;
    else settings[key] = v;
  }
  const r = rate.trim();
  return { enabled, settings, secrets, ratePerSecond: r === "" ? null : /^\d{1,9}$/.test(r) ? Number(r) : r };
}
