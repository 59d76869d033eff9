// Phone numbers are stored in E.164, parsed by libphonenumber-js (every country's numbering
// plan). Pure: shared by forms, the domain and the API. `phone-kind.ts` tells mobiles from fixed
// lines with the full metadata, kept out of here so the browser's forms stay light.
import { parsePhoneNumberFromString } from "libphonenumber-js/min";

export const E164 = /^\+[1-9]\d{7,14}$/;

/** Côte d'Ivoire: the first users are in Abidjan, so a bare national number is Ivorian. */
export const DEFAULT_COUNTRY = "CI";

/**
 * "07 07 12 34 56", "+225 07-07-12-34-56", "00225 0707123456" → "+2250707123456".
 * Returns undefined when the input is not a valid number of its country (length, prefixes).
 */
export function normalizePhone(input: string): string | undefined {
  const trimmed = input.trim();
  // Only what people type around digits: libphonenumber would read letters as a keypad's.
  if (!/^[+(\d][\d\s.\-()/]*$/.test(trimmed)) return undefined;
  const international = trimmed.startsWith("00") ? `+${trimmed.slice(2)}` : trimmed;
  const phone = parsePhoneNumberFromString(international, DEFAULT_COUNTRY);
  return phone?.isValid() ? phone.number : undefined;
}
