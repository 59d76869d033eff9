// Mobile or fixed line: a fixed line never gets WhatsApp or SMS. Uses libphonenumber-js's full
// metadata (number types per prefix), so it lives apart from phone.ts, which forms bundle.
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export type PhoneKind = "mobile" | "fixed" | "unknown";

/** The kind of an E.164 number; "unknown" when its plan does not say (some countries share ranges). */
export function phoneKind(e164: string): PhoneKind {
  const type = parsePhoneNumberFromString(e164)?.getType();
  if (type === "MOBILE") return "mobile";
  if (type === "FIXED_LINE") return "fixed";
  // Where mobiles and fixed lines share ranges (the United States…), texts may still reach it.
  if (type === "FIXED_LINE_OR_MOBILE") return "mobile";
  return "unknown";
}
