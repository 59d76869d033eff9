import { Skeleton } from "@/components/ui/skeleton";

/** The grid's place while the calendar code or the range loads. */
export function CalendarGridSkeleton() {
  return (
    <div aria-hidden className="flex h-[calc(100dvh-14rem)] min-h-[24rem] flex-col overflow-hidden rounded-lg border bg-card">
      <div className="grid grid-cols-[3.5rem_repeat(7,1fr)] border-b">
        <div />
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="p-2">
            <Skeleton className="mx-auto h-4 w-12" />
          </div>
        ))}
      </div>
      <div className="grid flex-1 grid-cols-[3.5rem_repeat(7,1fr)]">
        <div className="flex flex-col gap-12 p-2">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-3 w-8" />
          ))}
        </div>
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="flex flex-col gap-3 border-l p-1.5">
            <Skeleton className="h-14 w-full" style={{ marginTop: `${(i * 37) % 90}px` }} />
            <Skeleton className="h-10 w-full" />
            {i % 2 ? <Skeleton className="h-16 w-full" /> : null}
          </div>
        ))}
      </div>
    </div>
  );
}

/** The whole calendar page's place (route loading and the streamed data). */
export function CalendarSkeleton() {
  return (
    <div className="flex flex-col gap-3" aria-busy="true">
      <div className="flex flex-wrap items-center gap-2">
        <Skeleton className="h-9 w-28" />
        <Skeleton className="h-7 w-56" />
        <Skeleton className="ml-auto hidden h-9 w-72 md:block" />
      </div>
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-9 w-24" />
        <Skeleton className="h-9 w-44" />
        <Skeleton className="h-9 w-44" />
      </div>
      <CalendarGridSkeleton />
    </div>
  );
}
