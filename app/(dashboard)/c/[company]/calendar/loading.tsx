import { CalendarSkeleton } from "@/components/calendar/calendar-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

export default function CalendarLoading() {
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-col gap-1">
        <Skeleton className="h-8 w-40" />
        <Skeleton className="h-4 w-56" />
      </div>
      <CalendarSkeleton />
    </div>
  );
}
