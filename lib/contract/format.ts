// How money, phones and dates read on screen. Pure: server components and client leaves
// format the same way. Dates always in the company's zone, never the machine's.
import { tzOffset } from "@date-fns/tz";

/** A new company's currency: the West African CFA franc. */
export const DEFAULT_CURRENCY = "XOF";

/** The two CFA francs (West and Central Africa), both written "F CFA". */
export const isCfaFranc = (currency: string) => currency === "XOF" || currency === "XAF";

/** "fr" → 5 000 F CFA, "en" → 5,000 F CFA. Other currencies through Intl. */
export function formatMoney(amount: number, currency = DEFAULT_CURRENCY, locale = "fr"): string {
  const tag = locale === "en" ? "en-GB" : "fr-FR";
  if (isCfaFranc(currency)) {
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

/** "Samedi 28 novembre 2026, 09:30": the drawer's header and history read alike. */
export function formatLongDateTime(date: Date, timeZone: string, locale = "fr"): string {
  const day = formatLongDay(date, timeZone, locale);
  return `${day.charAt(0).toLocaleUpperCase()}${day.slice(1)}, ${formatTime(date, timeZone, locale)}`;
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

/**
 * A zone as people say it: "heure d'Abidjan, GMT", "heure de Paris, UTC+1" / "Abidjan time,
 * GMT", "Paris time, GMT+1" (the offset at `at`, so Paris reads UTC+2 in summer). The city is
 * the last part of the IANA id; an offset of zero reads GMT, as it does in Abidjan.
 */
export function formatTimeZone(timeZone: string, locale = "fr", at: Date = new Date()): string {
  const offset = zoneOffsetLabel(timeZone, locale, at);
  const parts = timeZone.split("/");
  if (parts.length < 2 || parts[0] === "Etc") return offset;
  const city = parts[parts.length - 1].replace(/_/g, " ");
  if (locale === "en") return `${city} time, ${offset}`;
  return `heure ${/^[aeiouyàâéèêîôûAEIOUYÀÂÉÈÊÎÔÛ]/.test(city) ? "d'" : "de "}${city}, ${offset}`;
}

/** "GMT", "UTC+1", "UTC+5:30", "UTC−3" (fr) / "GMT", "GMT+1", "GMT-3" (en), at `at`. */
export function zoneOffsetLabel(timeZone: string, locale = "fr", at: Date = new Date()): string {
  const minutes = tzOffset(timeZone, at);
  if (!Number.isFinite(minutes) || minutes === 0) return "GMT";
  const abs = Math.abs(minutes);
  const hm = `${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
  const sign = minutes > 0 ? "+" : locale === "en" ? "-" : "\u2212";
  return `${locale === "en" ? "GMT" : "UTC"}${sign}${hm}`;
}
