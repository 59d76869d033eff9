// How fast the sender may hand messages to a provider: a cap per app and channel, in messages a
// second. Real providers cap their callers (WhatsApp's Cloud API 80 a second per number unless
// raised, SMS gateways alike) and a sender bursting hundreds a second also takes the CPU the API
// needs. Pure.
import { z } from "zod";
import type { MessageChannel } from "./messages";

export const RATE_PER_SECOND_MIN = 1;
export const RATE_PER_SECOND_MAX = 1000;

/**
 * The cap when a provider sets none; null: none. 250 a second hands the 10 000 reminders
 * due in one minute over in 40 s, leaving a third of the minute for planning lag and a loaded
 * machine; e-mail is slower by nature (an SMTP conversation per message, relays throttle); the
 * journal only records.
 */
export const DEFAULT_RATE_PER_SECOND: Record<MessageChannel, number | null> = { whatsapp: 250, sms: 250, email: 50, journal: null };

/** The defaults in words, for the API's documentation. */
export const RATE_DEFAULTS_TEXT = `WhatsApp ${DEFAULT_RATE_PER_SECOND.whatsapp}, SMS ${DEFAULT_RATE_PER_SECOND.sms}, e-mail ${DEFAULT_RATE_PER_SECOND.email}, journal sans limite`;

/**
 * Tokens a provider's bucket holds at most, in seconds of its rate: half a second. Small, so no
 * second sees much more than the cap (at most 1.5 × it, after a pause) and the sending is spread
 * over the second instead of bursting at its start; not smaller, as the bucket fills only up to
 * it between two claims: a sender claims every 100 ms while messages flow, but on a loaded
 * machine (load average 25, BENCHMARKS.md) a claim and the event loop's lag can take several
 * hundred ms, and a quarter of a second would then cap the sending below the rate.
 */
export const RATE_BURST_SECONDS = 0.5;

/** A provider's cap as given (API, Settings): an integer from 1 to 1000; null goes back to the channel's default. */
export const ratePerSecondInput = z
  .number({ error: `Nombre entier de messages par seconde attendu (${RATE_PER_SECOND_MIN} à ${RATE_PER_SECOND_MAX})` })
  .int(`Nombre entier de messages par seconde attendu (${RATE_PER_SECOND_MIN} à ${RATE_PER_SECOND_MAX})`)
  .min(RATE_PER_SECOND_MIN, `${RATE_PER_SECOND_MIN} message par seconde au moins`)
  .max(RATE_PER_SECOND_MAX, `${RATE_PER_SECOND_MAX} messages par seconde au plus`)
  .nullable();

/** The cap in force: the provider's own, else its channel's default (null: none). */
export function ratePerSecond(channel: MessageChannel, stored: number | null | undefined): number | null {
  return stored ?? DEFAULT_RATE_PER_SECOND[channel];
}
