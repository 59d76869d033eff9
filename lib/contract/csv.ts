// CSV for spreadsheets, as French Excel reads it: ";" between cells, CRLF lines, and the
// file starts with a BOM (UTF-8) so the accents survive. Shared by the list's CSV export and
// the app's data export.

export const CSV_BOM = "\uFEFF";

/** One CSV cell: quoted when needed; a leading = + - @ is neutralised (spreadsheet formulas). */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d[\d\s]*$/.test(v)) v = `'${v}`;
  return /[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: readonly string[]): string {
  return `${values.map(csvCell).join(";")}\r\n`;
}
