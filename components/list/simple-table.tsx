// The desktop table of a short list that needs no sorting (settings): columns as data.
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type SimpleColumn<R> = {
  key: string;
  /** A string, or null for a column that names itself only to screen readers (`srHeader`). */
  header: React.ReactNode;
  srHeader?: string;
  cell: (row: R) => React.ReactNode;
  className?: string;
};

export function SimpleTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  rowProps,
}: {
  caption: string;
  columns: SimpleColumn<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowProps?: (row: R) => React.ComponentProps<"tr">;
}) {
  return (
    <div className="hidden overflow-hidden rounded-lg border bg-card md:block">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            {columns.map((c) => (
              <TableHead key={c.key}>{c.srHeader ? <span className="sr-only">{c.srHeader}</span> : c.header}</TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={rowKey(r)} {...rowProps?.(r)}>
              {columns.map((c) => (
                <TableCell key={c.key} className={c.className}>
                  {c.cell(r)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
