// The appointment list's cursor: the (date, id) of a page's last row.
import { isUuid } from "./ids";
import { decodeCursor, invalidCursor } from "./pagination";

export function appointmentCursorKey(row: { date: Date; id: string }): string[] {
  return [row.date.toISOString(), row.id];
}

export function decodeAppointmentCursor(cursor: string): { date: Date; id: string } {
  const [iso, id] = decodeCursor(cursor, 2);
  const date = new Date(iso);
  if (!isUuid(id) || Number.isNaN(date.getTime()) || date.toISOString() !== iso) throw invalidCursor();
  return { date, id };
}
