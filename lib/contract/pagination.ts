// Opaque keyset cursors: the sort key of a page's last row, base64url JSON. Tampering with one
// can only move the page, never widen what the caller may see; garbage is validation-error.
import { AppError } from "./errors";

export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

export function decodeCursor(cursor: string, arity: number): string[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === arity && parsed.every((p) => typeof p === "string")) {
      return parsed as string[];
    }
  } catch {
    // fall through
  }
  throw invalidCursor();
}

export function invalidCursor(): AppError {
  return new AppError("validation-error", "Curseur invalide", { details: { fields: { cursor: ["Curseur invalide"] } } });
}

/** Splits the limit+1 rows of a keyset query into a page and the cursor of the next one. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string[]) {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  return { data, nextCursor: hasMore ? encodeCursor(keyOf(data[data.length - 1])) : null };
}
