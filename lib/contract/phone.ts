// Phone numbers are stored in E.164. Pure: shared by forms, the domain and the API.

export const E164 = /^\+[1-9]\d{7,14}$/;

/** Côte d'Ivoire: the first users are in Abidjan, so a bare national number is Ivorian. */
export const DEFAULT_COUNTRY_CODE = "225";

/**
 * "07 07 12 34 56", "+225 07-07-12-34-56", "00225 0707123456" → "+2250707123456".
 * Returns undefined when the input cannot be a phone number.
 */
export function normalizePhone(input: string, countryCode = DEFAULT_COUNTRY_CODE): string | undefined {
  const trimmed = input.trim();
  if (!/^[+(\d][\d\s.\-()/]*$/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/[^\d+]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  if (!digits.startsWith("+")) {
    // Ivorian national numbers have 10 digits since 2021 and keep their leading 0.
    if (digits.length !== 10) return undefined;
    digits = `+${countryCode}${digits}`;
  }
  return E164.test(digits) ? digits : undefined;
}
