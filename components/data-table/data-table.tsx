"use client";

import type { Table as TanstackTable } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";
import { StableRender } from "./stable-render";

/**
 * Renders a TanStack table (state and columns belong to the caller); `empty` when no rows.
 * `before(row, i)` and `after` add full-width rows (section headings, a "now" line).
 */
export function DataTable<T>({
  table,
  empty,
  caption,
  className,
  rowProps,
  before,
  after,
}: {
  table: TanstackTable<T>;
  empty: React.ReactNode;
  caption?: string;
  className?: string;
  rowProps?: (row: T) => React.ComponentProps<"tr">;
  before?: (row: T, index: number) => React.ReactNode;
  after?: React.ReactNode;
}) {
  const rows = table.getRowModel().rows;
  const span = table.getVisibleLeafColumns().length;
  const fullWidth = (key: string, content: React.ReactNode) =>
    content ? (
      <TableRow key={key} className="hover:bg-transparent">
        <TableCell colSpan={span} className="p-0">
          {content}
        </TableCell>
      </TableRow>
    ) : null;
  return (
    <div className={cn("overflow-hidden rounded-lg border bg-card", className)}>
      <Table>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => (
                <TableHead
                  key={header.id}
                  colSpan={header.colSpan}
                  aria-sort={
                    header.column.getCanSort()
                      ? header.column.getIsSorted() === "asc"
                        ? "ascending"
                        : header.column.getIsSorted() === "desc"
                          ? "descending"
                          : "none"
                      : undefined
                  }
                  style={{ width: header.column.columnDef.size !== 150 ? header.getSize() : undefined }}
                >
                  {header.isPlaceholder ? null : <StableRender render={header.column.columnDef.header} context={header.getContext()} />}
                </TableHead>
              ))}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {rows.length ? (
            rows.map((row, i) => [
              fullWidth(`before-${row.id}`, before?.(row.original, i)),
              <TableRow key={row.id} data-state={row.getIsSelected() ? "selected" : undefined} {...rowProps?.(row.original)}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id}>
                    <StableRender render={cell.column.columnDef.cell} context={cell.getContext()} />
                  </TableCell>
                ))}
              </TableRow>,
            ])
          ) : (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={span} className="h-48 text-center">
                {empty}
              </TableCell>
            </TableRow>
          )}
          {rows.length ? fullWidth("after", after) : null}
        </TableBody>
      </Table>
    </div>
  );
}
