// Small zod building blocks shared by every input schema. Pure.
import { z } from "zod";

// Zod's own messages (wrong type, too small…) in French, like the custom ones below: the API's
// messages are French and the UI speaks French first. Process-wide, set once by this module.
z.config(z.locales.fr());

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant as ISO 8601 with an offset ("Z" or "+01:00"); a bare wall-clock time is refused. */
export const isoInstant = z
  .string()
  .regex(ISO_INSTANT, "Date ISO 8601 avec fuseau attendue (ex. 2025-01-15T10:00:00Z)")
  .transform((s, ctx) => {
    const d = new Date(s);
    if (Number.isNaN(d.getTime()) || !isRealCalendarTime(s)) {
      ctx.addIssue({ code: "custom", message: "Date inexistante" });
      return z.NEVER;
    }
    return d;
  });

/** Date parsing rolls 30 February over to March; a caller's typo must not move an appointment. */
function isRealCalendarTime(s: string): boolean {
  const [y, mo, d, h, mi] = s.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/)!.slice(1).map(Number);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d && h <= 23 && mi <= 59;
}

const inRange = (d: Date) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;
const OUT_OF_RANGE = "Date hors limites (2000–2100)";

/** A Date, or an ISO instant string, within a sane range for appointments. */
export const instant = z.union([z.date(), isoInstant]).refine(inRange, OUT_OF_RANGE);

/**
 * `instant` as it travels in JSON (which has no dates): the ISO string only. The HTTP API
 * validates and documents its bodies with this form; the domain accepts both.
 */
export const wireInstant = isoInstant
  .refine(inRange, OUT_OF_RANGE)
  .meta({ format: "date-time", example: "2025-01-15T10:00:00Z" });

/** Ids are checked against the database, which answers not-found; here only their size. */
export const id = z.string().trim().min(1, "Identifiant requis").max(100);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `${max} caractères au plus`)
    .nullish()
    .transform((s) => (s ? s : null));

export const requiredText = (max: number) =>
  z.string().trim().min(1, "Champ obligatoire").max(max, `${max} caractères au plus`);
