// Dates and times as staff type them, in the interface's language rather than the browser's:
// day first (28/11/2026) in French and in English (en-GB, as the rest of the dashboard), and
// 24-hour times (14:30). Pure: the fields and their tests share it. Values travel as
// "YYYY-MM-DD" and "HH:MM", wall-clock strings the server reads in the company's zone.
import { DAY_KEY } from "./dates";

/** "2026-11-28" → "28/11/2026" ("" for anything else). */
export function formatTypedDate(iso: string): string {
  const m = DAY_KEY.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}

/** What the field's placeholder says: the order of the parts in the interface's language. */
export function datePlaceholder(locale: string): string {
  return locale === "en" ? "dd/mm/yyyy" : "jj/mm/aaaa";
}

/**
 * "28/11/2026", "28.11.2026", "28-11-26", "28 11 2026", "28112026" or "2026-11-28" → "2026-11-28"; null
 * when it is not a whole, real date (31/02, a month 13, a two-digit year mid-typing is taken
 * as 20xx only with `complete`, for a field being left).
 */
export function parseTypedDate(text: string, { complete = false } = {}): string | null {
  const s = text.trim();
  const iso = DAY_KEY.exec(s);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // Digits alone (a phone's number pad has no slash): 28112026, or 281126 once left.
  const m = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{2}|\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(s);
  if (!m) return null;
  if (m[3].length === 2 && !complete) return null;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return realDate(year, Number(m[2]), Number(m[1]));
}

function realDate(y: number, mo: number, d: number): string | null {
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "14:30", "14h30", "14h", "1430", "930", "9:05", "9" → "14:30"…; null when not a time of day. */
export function parseTypedTime(text: string): string | null {
  const s = text.trim().toLowerCase();
  let h: number;
  let mi: number;
  const sep = /^(\d{1,2})\s*[:h.]\s*(\d{2})?$/.exec(s);
  if (sep) {
    h = Number(sep[1]);
    mi = sep[2] ? Number(sep[2]) : 0;
  } else if (/^\d{1,4}$/.test(s)) {
    // Digits alone: "9" and "14" are hours, "930" and "1430" hours and minutes.
    if (s.length <= 2) [h, mi] = [Number(s), 0];
    else [h, mi] = [Number(s.slice(0, -2)), Number(s.slice(-2))];
  } else return null;
  if (h > 23 || mi > 59) return null;
  return `${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}`;
}

/** "14:30" moved by `minutes` (wrapping round the day), snapped to the step: the arrow keys. */
export function stepTime(value: string, minutes: number): string {
  const parsed = parseTypedTime(value);
  const [h, mi] = (parsed ?? "00:00").split(":").map(Number);
  const step = Math.abs(minutes);
  const now = h * 60 + mi;
  const snapped = minutes > 0 ? Math.floor(now / step) * step + step : Math.ceil(now / step) * step - step;
  const total = (((parsed ? snapped : 0) % 1440) + 1440) % 1440;
  return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
}

/** A "YYYY-MM-DD" as a Date at local noon, for a calendar grid (no zone arithmetic involved). */
export function isoToLocalDate(iso: string): Date | undefined {
  const m = DAY_KEY.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : undefined;
}

/** The calendar grid's Date back to "YYYY-MM-DD". */
export function localDateToIso(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
