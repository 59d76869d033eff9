// A provider's settings per channel, checked at save (Settings → Messages, the API) and again by
// the adapter before each send. Pure. Every value is text, as ChannelSettings stores it. Secret
// fields are never shown again after save: to edit without retyping them, the caller puts the
// stored secrets back into the input before validating. Provider URLs are HTTPS; http:// only to
// loopback when the server allows it (WEBHOOKS_ALLOW_LOOPBACK=1, the same switch as webhooks).
import { z } from "zod";
import type { MessageChannel } from "./messages";
import { webhookUrl } from "./webhooks";

/** Fields whose value is a secret: stored encrypted, never sent back to a browser or a caller. */
export const PROVIDER_SECRETS = {
  email: ["password"],
  whatsapp: ["accessToken", "appSecret", "verifyToken"],
  sms: ["authValue", "callbackSecret"],
  journal: [],
} as const satisfies Record<MessageChannel, readonly string[]>;

export const SMTP_SECURITY = ["tls", "starttls", "none"] as const;
export const SMTP_DEFAULT_PORT = { tls: "465", starttls: "587", none: "25" } as const;

const LOOPBACK_HOST = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i;
const HOST = /^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/;

const text = (max: number) => z.string({ error: "Texte attendu" }).trim().max(max, `${max} caractères au plus`);
/** A missing field reads as empty, so it gets the field's own message rather than a type error. */
const present = <S extends z.ZodType>(schema: S) => z.preprocess((v) => v ?? "", schema);
const required = (max: number, message: string) => text(max).min(1, message);
/** A form's empty field means "not set". */
const optional = (max: number) => text(max).optional().transform((s) => (s ? s : undefined));
const secret = (message: string, min = 1) =>
  present(z.string({ error: message }).max(2000, "2000 caractères au plus").refine((s) => s.trim().length >= min, { error: message }));

export function smtpSettingsSchema() {
  return z
    .object({
      host: present(required(253, "Serveur SMTP requis").regex(HOST, "Nom d'hôte ou adresse IP attendu (ex. smtp.example.com)")),
      security: z.enum(SMTP_SECURITY, { error: "Sécurité attendue : tls (port 465), starttls (port 587) ou none (serveur local)" }).default("starttls"),
      port: z
        .union([z.string(), z.number()])
        .transform(String)
        .pipe(text(5).regex(/^$|^\d{1,5}$/, "Port attendu (1 à 65535)"))
        .refine((p) => p === "" || (Number(p) >= 1 && Number(p) <= 65535), { error: "Port attendu (1 à 65535)" })
        .optional(),
      user: optional(320),
      password: z.string().max(2000, "2000 caractères au plus").optional().transform((s) => (s ? s : undefined)),
      fromAddress: present(text(320).pipe(z.email("Adresse d'expédition attendue (ex. rdv@salon.ci)"))),
      fromName: optional(100),
    })
    .superRefine((s, ctx) => {
      if (s.security === "none" && !LOOPBACK_HOST.test(s.host)) {
        ctx.addIssue({ code: "custom", path: ["security"], message: "Sans chiffrement, seulement vers un serveur local (127.0.0.1, localhost) : choisissez tls ou starttls" });
      }
      if (s.user && !s.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Mot de passe requis avec un utilisateur" });
    })
    .transform((s) => ({ ...s, port: s.port || SMTP_DEFAULT_PORT[s.security] }));
}

export const WHATSAPP_BASE_URL = "https://graph.facebook.com";
export const WHATSAPP_API_VERSION = "v21.0";

export function whatsappSettingsSchema(allowLoopback = false) {
  return z.object({
    baseUrl: webhookUrl(allowLoopback)
      .optional()
      .transform((u) => (u || WHATSAPP_BASE_URL).replace(/\/+$/, "")),
    apiVersion: text(10)
      .regex(/^$|^v\d{1,3}\.\d{1,2}$/, "Version de l'API attendue sous la forme v21.0")
      .optional()
      .transform((v) => v || WHATSAPP_API_VERSION),
    phoneNumberId: present(required(30, "Identifiant du numéro (Phone number ID) requis").regex(/^\d{5,30}$/, "Identifiant du numéro (Phone number ID) : des chiffres")),
    accessToken: secret("Jeton d'accès requis"),
    appSecret: secret("Clé secrète de l'app requise (elle vérifie la signature des rappels)"),
    verifyToken: secret("Jeton de vérification requis (8 caractères au moins)", 8),
  });
}

/** Placeholders of the SMS body template: recipient, text, our message id, sender name. */
export const SMS_PLACEHOLDERS = ["to", "text", "id", "from"] as const;
export const SMS_DEFAULT_BODY = '{"to":"{{to}}","text":"{{text}}","reference":"{{id}}"}';
const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\s*\}\}/g;

export function smsBodyPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

const bodyTemplate = text(2000)
  .optional()
  .transform((t) => t || SMS_DEFAULT_BODY)
  .superRefine((t, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(t);
    } catch {
      ctx.addIssue({ code: "custom", message: "Modèle JSON invalide (ex. " + SMS_DEFAULT_BODY + ")" });
      return;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) ctx.addIssue({ code: "custom", message: "Le modèle doit être un objet JSON" });
    const used = smsBodyPlaceholders(t);
    const unknown = used.filter((p) => !(SMS_PLACEHOLDERS as readonly string[]).includes(p));
    if (unknown.length) ctx.addIssue({ code: "custom", message: `Variable inconnue : {{${unknown[0]}}} (connues : ${SMS_PLACEHOLDERS.map((p) => `{{${p}}}`).join(", ")})` });
    for (const needed of ["to", "text"]) {
      if (!used.includes(needed)) ctx.addIssue({ code: "custom", message: `Le modèle doit contenir {{${needed}}}` });
    }
  });

export function smsSettingsSchema(allowLoopback = false) {
  return z.object({
    url: present(webhookUrl(allowLoopback)),
    method: z.enum(["POST", "PUT"], { error: "Méthode attendue : POST ou PUT" }).default("POST"),
    authHeader: text(100)
      .regex(/^$|^[A-Za-z0-9-]+$/, "Nom d'en-tête attendu (lettres, chiffres, tirets ; ex. Authorization)")
      .optional()
      .transform((h) => h || "Authorization"),
    authValue: secret("Valeur d'authentification requise (ex. Bearer …)"),
    bodyTemplate,
    sender: optional(20),
    idPath: text(200)
      .regex(/^$|^(\$\.)?[A-Za-z0-9_]+(\[\d+\]|\.[A-Za-z0-9_]+)*$/, "Chemin JSON attendu (ex. data.id ou messages[0].id)")
      .optional()
      .transform((p) => p || undefined),
    callbackSecret: secret("Secret de signature des rappels requis (16 caractères au moins)", 16),
  });
}

/** The settings schema of a channel (the journal has none). */
export function providerSettingsSchema(channel: MessageChannel, allowLoopback = false) {
  switch (channel) {
    case "email":
      return smtpSettingsSchema();
    case "whatsapp":
      return whatsappSettingsSchema(allowLoopback);
    case "sms":
      return smsSettingsSchema(allowLoopback);
    case "journal":
      return z.object({});
  }
}

/** The settings as a browser may see them: secrets left out, only which of them are stored. */
export function publicSettings(channel: MessageChannel, settings: Record<string, string | undefined>) {
  const secrets: readonly string[] = PROVIDER_SECRETS[channel];
  return {
    settings: Object.fromEntries(Object.entries(settings).filter(([k]) => !secrets.includes(k))),
    storedSecrets: secrets.filter((k) => Boolean(settings[k])),
  };
}

export type SmtpSettings = z.output<ReturnType<typeof smtpSettingsSchema>>;
export type WhatsAppSettings = z.output<ReturnType<typeof whatsappSettingsSchema>>;
export type SmsSettings = z.output<ReturnType<typeof smsSettingsSchema>>;
