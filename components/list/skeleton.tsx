import { Skeleton } from "@/components/ui/skeleton";

/** Rows of grey bars in a card: the table's place. `cells` are the bars after the first (wide) one. */
function SkeletonRows({ rows, cells }: { rows: number; cells: string[] }) {
  return (
    <div className="rounded-lg border bg-card p-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex items-center gap-4 border-b p-3 last:border-0">
          <Skeleton className="h-8 flex-1" />
          {cells.map((c, j) => (
            <Skeleton key={j} className={c} />
          ))}
        </div>
      ))}
    </div>
  );
}

/** A list page's place while it loads (loading.tsx of each section). */
export function ListSkeleton({ label, rows = 6 }: { label: string; rows?: number }) {
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-9 w-40" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-9 w-72" />
        <Skeleton className="h-9 w-40" />
      </div>
      <SkeletonRows rows={rows} cells={["hidden h-6 w-28 md:block", "hidden h-6 w-24 md:block", "h-6 w-20"]} />
    </div>
  );
}

/** A table's place while it loads, under a header that is already there (settings). */
export function TableSkeleton({ label, rows = 4 }: { label: string; rows?: number }) {
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-live="polite">
      <span className="sr-only">{label}</span>
      <div className="flex justify-end">
        <Skeleton className="h-9 w-44" />
      </div>
      <SkeletonRows rows={rows} cells={["hidden h-6 w-40 md:block", "h-6 w-24"]} />
    </div>
  );
}
