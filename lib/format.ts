// How money, phones and dates read on screen. Pure: server components and client leaves
// format the same way. Dates always in the company's zone, never the machine's.

/** "fr" → 5 000 F CFA, "en" → 5,000 F CFA. Other currencies through Intl. */
export function formatMoney(amount: number, currency = "XOF", locale = "fr"): string {
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  if (currency === "XOF" || currency === "XAF") {
    // Plain spaces (not the narrow no-break ones Intl uses) keep CSV and copy-paste simple;
    // the no-break space before the unit keeps "F CFA" with its number.
    const n = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(amount).replace(/[\u202f\u00a0]/g, " ");
    return `${n}\u00a0F\u00a0CFA`;
  }
  return new Intl.NumberFormat(tag, { style: "currency", currency }).format(amount);
}

/** +2250707123456 → +225 07 07 12 34 56; other numbers as stored. */
export function formatPhone(e164: string): string {
  const ci = /^\+225(\d{10})$/.exec(e164);
  if (ci) return `+225 ${ci[1].replace(/(\d{2})(?=\d)/g, "$1 ")}`;
  const fr = /^\+33(\d)(\d{8})$/.exec(e164);
  if (fr) return `+33 ${fr[1]} ${fr[2].replace(/(\d{2})(?=\d)/g, "$1 ")}`;
  return e164;
}

const tag = (locale: string) => (locale === "en" ? "en-GB" : "fr-FR");

/** "lun. 28 nov." */
export function formatDay(date: Date, timeZone: string, locale = "fr"): string {
  return new Intl.DateTimeFormat(tag(locale), { weekday: "short", day: "numeric", month: "short", timeZone }).format(date);
}

/** "lundi 28 novembre 2026" */
export function formatLongDay(date: Date, timeZone: string, locale = "fr"): string {
  return new Intl.DateTimeFormat(tag(locale), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}

/** "09:30" */
export function formatTime(date: Date, timeZone: string, locale = "fr"): string {
  return new Intl.DateTimeFormat(tag(locale), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(date);
}

/** "28/11/2026 09:30" */
export function formatDateTime(date: Date, timeZone: string, locale = "fr"): string {
  return new Intl.DateTimeFormat(tag(locale), {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(date);
}
