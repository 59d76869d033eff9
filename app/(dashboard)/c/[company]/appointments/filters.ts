// The table's URL as list filters, with the work day looked up when the view needs it: the
// page and the CSV export list the same rows.
import "server-only";
import { type AppointmentsParams, listFiltersFromParams } from "@/components/appointments/search-params";
import { workDay, type WorkDay } from "@/lib/appointments/work-day";
import type { Caller } from "@/lib/auth/caller";

export async function appointmentFilters(
  caller: Caller,
  company: { id: string; timezone: string },
  sp: Pick<AppointmentsParams, "status" | "service" | "agent" | "range" | "from" | "to" | "q"> & { noshow?: boolean },
  now: Date,
): Promise<{ filters: ReturnType<typeof listFiltersFromParams>; day: WorkDay | null }> {
  const day = sp.range === "day" ? await workDay(caller, company, now) : null;
  return { filters: listFiltersFromParams(sp, company, now, day ?? undefined), day };
}
