// Inputs of the message functions (lists, provider settings). Pure.
import { z } from "zod";
import { ratePerSecondInput } from "./message-rate";
import { MESSAGE_CHANNELS, MESSAGE_STATES } from "./messages";
import { id, instant } from "./validation";
import { webhookUrl } from "./webhooks";

export const listMessagesInput = z
  .object({
    state: z.array(z.enum(MESSAGE_STATES, { error: `État attendu : ${MESSAGE_STATES.join(", ")}` })).max(MESSAGE_STATES.length).optional(),
    channel: z.array(z.enum(MESSAGE_CHANNELS, { error: `Canal attendu : ${MESSAGE_CHANNELS.join(", ")}` })).max(MESSAGE_CHANNELS.length).optional(),
    companyId: id.optional(),
    appointmentId: id.optional(),
    /** One customer's messages (their page). */
    customerId: id.optional(),
    /** Half-open [from, to) on the time the message is (or was) due. */
    from: instant.optional(),
    to: instant.optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ListMessagesInput = z.input<typeof listMessagesInput>;

const settingName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,40}$/, "Nom invalide (lettres, chiffres, _)");
const settingValue = z.string().trim().max(2000, "2000 caractères au plus");

/**
 * A provider's settings: public values kept as sent, secrets sealed and never shown again (an
 * empty one clears it). A setting named …url/…Url is an HTTPS address (loopback allowed by the
 * webhooks' development switch, which the server passes).
 */
export function providerInputSchema(allowLoopback = false) {
  const url = webhookUrl(allowLoopback);
  return z
    .object({
      enabled: z.boolean().optional(),
      settings: z
        .record(settingName, settingValue)
        .superRefine((settings, ctx) => {
          for (const [k, v] of Object.entries(settings)) {
            if (!/url$/i.test(k) || v === "") continue;
            for (const issue of url.safeParse(v).error?.issues ?? []) ctx.addIssue({ code: "custom", message: issue.message, path: [k] });
          }
        })
        .optional(),
      secrets: z.record(settingName, settingValue).optional(),
      /** Messages a second at most to this provider; null: the channel's default; left out: unchanged. */
      ratePerSecond: ratePerSecondInput.optional().meta({ description: "Messages par seconde au plus vers ce fournisseur (1 à 1000 ; null : le défaut du canal)", example: 80 }),
    })
    .strict();
}
export type ProviderInput = z.input<ReturnType<typeof providerInputSchema>>;
