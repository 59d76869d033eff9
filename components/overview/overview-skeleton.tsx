import { Skeleton } from "@/components/ui/skeleton";

/** The home's place while today's figures load (streamed under the page's header). */
export function OverviewSkeleton() {
  return (
    <div className="flex flex-col gap-4 sm:gap-6" aria-busy="true">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 sm:gap-3 lg:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-20 sm:h-24" />
        ))}
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 sm:gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Skeleton className="h-96" />
        <div className="flex flex-col gap-4 sm:gap-6">
          <Skeleton className="h-64" />
          <Skeleton className="h-48" />
        </div>
      </div>
    </div>
  );
}
