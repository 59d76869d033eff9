// Webhook endpoints and their deliveries: inputs shared by the settings page and the API, and
// the shapes they answer. Pure: whether a URL's host is private is decided on the server
// (lib/webhooks/address.ts), where names resolve; here only what the text itself says.
import { z } from "zod";
import { APPOINTMENT_EVENT_TYPES } from "./events";

/** The event types an endpoint may ask for, plus `webhook.test` (sent by "send a test event"). */
export const WEBHOOK_TEST_TYPE = "webhook.test";
export const WEBHOOK_TYPES = ["*", ...APPOINTMENT_EVENT_TYPES] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * `http://` only to a loopback literal or localhost, and only when the server allows loopback
 * (WEBHOOKS_ALLOW_LOOPBACK=1, for local development and tests): the server passes `allowLoopback`.
 */
export function webhookUrl(allowLoopback = false) {
  return z
    .string()
    .trim()
    .min(1, "Adresse requise")
    .max(2000, "2000 caractères au plus")
    .superRefine((s, ctx) => {
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        ctx.addIssue({ code: "custom", message: "Adresse absolue attendue (https://…)" });
        return;
      }
      const loopbackHost = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i.test(url.hostname);
      if (url.protocol === "https:" || (allowLoopback && url.protocol === "http:" && loopbackHost)) {
        if (url.username || url.password) ctx.addIssue({ code: "custom", message: "Pas d'identifiants dans l'adresse" });
        return;
      }
      ctx.addIssue({ code: "custom", message: "Adresse HTTPS attendue (https://…)" });
    });
}

const types = z
  .array(z.enum(WEBHOOK_TYPES, { error: `Type inconnu ; attendu : ${WEBHOOK_TYPES.join(", ")}` }))
  .min(1, "Choisissez au moins un type d'événement")
  .max(WEBHOOK_TYPES.length)
  .transform((list): WebhookType[] => (list.includes("*") ? ["*"] : [...new Set(list)]));

/** The secret is made by the server and shown once: a caller may not choose it. */
const noSecret = z
  .unknown()
  .refine((v) => v === undefined, { error: "Le secret est généré par le serveur (voir rotate-secret) ; ne l'envoyez pas" })
  .optional()
  .meta({ description: "Refusé (400) : le secret est généré par le serveur et renvoyé une seule fois" });

export function webhookInputSchema(allowLoopback = false) {
  return z.object({
    url: webhookUrl(allowLoopback),
    types: types.default(["*"]),
    companyId: z.string().trim().max(100).nullish(),
    description: z.string().trim().max(500, "500 caractères au plus").nullish(),
    enabled: z.boolean().default(true),
    secret: noSecret,
  });
}

export function webhookEditSchema(allowLoopback = false) {
  return z.object({
    url: webhookUrl(allowLoopback).optional(),
    types: types.optional(),
    companyId: z.string().trim().max(100).nullish(),
    description: z.string().trim().max(500, "500 caractères au plus").nullish(),
    enabled: z.boolean().optional(),
    secret: noSecret,
  });
}

export const webhookInput = webhookInputSchema(true);
export const webhookEdit = webhookEditSchema(true);
export type WebhookInput = z.input<typeof webhookInput>;
export type WebhookEdit = z.input<typeof webhookEdit>;

export const DELIVERIES_LIMIT_DEFAULT = 50;
export const listDeliveriesInput = z.object({
  limit: z.number().int().min(1).max(200).default(DELIVERIES_LIMIT_DEFAULT),
  /** `nextCursor` of the page before: the older deliveries. */
  cursor: z.string().max(500).optional(),
});
export type ListDeliveriesInput = z.input<typeof listDeliveriesInput>;

/** An endpoint as every answer shows it: never its secret. */
export type WebhookEndpoint = {
  id: string;
  url: string;
  types: string[];
  companyId: string | null;
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: string;
  updatedAt: string;
};

/** One event sent (or to send) to one endpoint; `webhookId` is the same on every attempt. */
export type WebhookDelivery = {
  id: string;
  webhookId: string;
  endpointId: string;
  eventId: string | null;
  eventType: string;
  appointmentId: string | null;
  status: DeliveryStatus;
  attempt: number;
  httpStatus: number | null;
  latencyMs: number | null;
  response: string | null;
  error: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
};
