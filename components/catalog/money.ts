// Amounts and durations as the catalog forms read and write them. Pure: server pages and
// client forms share them.
import { isCfaFranc } from "@/lib/contract/format";

/** "15000" → "15 000": the digits grouped as French readers expect (plain spaces). */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

/** What a money field holds → an integer, NaN when it is not one, undefined when empty. */
export function parseAmount(text: string): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f]/g, "");
  // "5.000" groups thousands with dots; "5.5" is not a whole amount.
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, "");
  if (s === "") return undefined;
  return /^\d{1,10}$/.test(s) ? Number(s) : Number.NaN;
}

export function currencyUnit(currency: string): string {
  return isCfaFranc(currency) ? "F CFA" : currency;
}

/** 90 → "1 h 30", 45 → "45 min". */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return "";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, "0")}`;
}
