"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

/** Keyset pagination: first / previous / next, and the page size. */
export function DataTablePagination({
  summary,
  pageSize,
  pageSizes,
  onPageSize,
  canPrevious,
  canNext,
  onFirst,
  onPrevious,
  onNext,
  labels,
}: {
  summary: React.ReactNode;
  pageSize: number;
  pageSizes: readonly number[];
  onPageSize: (size: number) => void;
  canPrevious: boolean;
  canNext: boolean;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: () => void;
  labels: { rowsPerPage: string; first: string; previous: string; next: string };
}) {
  return (
    <div className="flex flex-col-reverse items-stretch gap-3 px-1 sm:flex-row sm:items-center sm:justify-between">
      <div className="text-sm text-muted-foreground" aria-live="polite">
        {summary}
      </div>
      <div className="flex items-center justify-between gap-4 sm:justify-end">
        <div className="flex items-center gap-2">
          <label htmlFor="page-size" className="text-sm font-medium whitespace-nowrap">
            {labels.rowsPerPage}
          </label>
          <NativeSelect
            id="page-size"
            className="w-20"
            value={String(pageSize)}
            onChange={(e) => onPageSize(Number(e.target.value))}
          >
            {pageSizes.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="flex items-center gap-1">
          <Button variant="outline" size="icon-sm" onClick={onFirst} disabled={!canPrevious} aria-label={labels.first}>
            <ChevronsLeft aria-hidden />
          </Button>
          <Button variant="outline" size="icon-sm" onClick={onPrevious} disabled={!canPrevious} aria-label={labels.previous}>
            <ChevronLeft aria-hidden />
          </Button>
          <Button variant="outline" size="icon-sm" onClick={onNext} disabled={!canNext} aria-label={labels.next}>
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </div>
    </div>
  );
}
