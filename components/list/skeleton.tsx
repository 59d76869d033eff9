import { Skeleton } from "@/components/ui/skeleton";

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
      <div className="rounded-lg border bg-card p-2">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b p-3 last:border-0">
            <Skeleton className="h-8 flex-1" />
            <Skeleton className="hidden h-6 w-28 md:block" />
            <Skeleton className="hidden h-6 w-24 md:block" />
            <Skeleton className="h-6 w-20" />
          </div>
        ))}
      </div>
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
      <div className="rounded-lg border bg-card p-2">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b p-3 last:border-0">
            <Skeleton className="h-8 flex-1" />
            <Skeleton className="hidden h-6 w-40 md:block" />
            <Skeleton className="h-6 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}
