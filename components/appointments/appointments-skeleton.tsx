import { Skeleton } from "@/components/ui/skeleton";

/** The table's place while its rows load (the page header is already there). */
export function AppointmentsSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-live="polite">
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-9 w-60" />
        <Skeleton className="h-9 w-24" />
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-9 w-44" />
        <Skeleton className="h-9 w-44" />
      </div>
      <div className="rounded-lg border bg-card p-2">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex items-center gap-4 border-b p-3 last:border-0">
            <Skeleton className="size-4" />
            <Skeleton className="h-8 w-24" />
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
