"use client";

import type { Column } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** A header that toggles its column's sort (the sort itself is applied on the server). */
export function DataTableColumnHeader<T, V>({
  column,
  title,
  sortLabel,
  className,
}: {
  column: Column<T, V>;
  title: string;
  sortLabel?: string;
  className?: string;
}) {
  if (!column.getCanSort()) return <div className={className}>{title}</div>;
  const sorted = column.getIsSorted();
  return (
    <Button
      variant="ghost"
      size="sm"
      className={cn("-ml-2 h-8", className)}
      onClick={() => column.toggleSorting(sorted === "asc")}
      aria-label={sortLabel ? `${title} — ${sortLabel}` : title}
    >
      <span>{title}</span>
      {sorted === "desc" ? <ArrowDown aria-hidden /> : sorted === "asc" ? <ArrowUp aria-hidden /> : <ChevronsUpDown aria-hidden />}
    </Button>
  );
}
