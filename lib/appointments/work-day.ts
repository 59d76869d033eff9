import "server-only";
import { and, eq, gte, inArray, lt, min } from "drizzle-orm";
import { withReadDb } from "@/db";
import { appointments } from "@/db/schema";
import { type Caller, canSeeCompany, requireScope } from "../auth/caller";
import { dayRange, localDateKey, type Range } from "../contract/dates";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { ACTIVE_STATUSES } from "../contract/status";

/** How far ahead the dashboard looks for the next day with work. */
export const WORK_DAY_HORIZON_DAYS = 14;

export type WorkDay = Range & { day: string; isToday: boolean };

/**
 * The day the dashboard opens on: today while today still has an active appointment (even a
 * forgotten one), otherwise the next day, within two weeks, that has one. After closing or on
 * a closed day that is the next open day's work, not an empty "today". Today when nothing is
 * planned at all. Cut in the company's zone.
 */
export async function workDay(caller: Caller, company: { id: string; timezone: string }, now = new Date()): Promise<WorkDay> {
  requireScope(caller, "appointments:read");
  if (!isUuid(company.id) || !canSeeCompany(caller, company.id)) throw new AppError("company-not-found");
  const today = dayRange(now, company.timezone);
  const horizon = dayRange(now, company.timezone, WORK_DAY_HORIZON_DAYS);
  const [row] = await withReadDb(caller.readAfter, (db) =>
    db
      .select({ first: min(appointments.date) })
      .from(appointments)
      .where(
        and(
          eq(appointments.appId, caller.appId),
          eq(appointments.companyId, company.id),
          inArray(appointments.status, [...ACTIVE_STATUSES]),
          gte(appointments.date, today.start),
          lt(appointments.date, horizon.end),
        ),
      ),
  );
  const first = row?.first ? new Date(row.first) : null;
  const range = first && first >= today.end ? dayRange(first, company.timezone) : today;
  return { ...range, day: localDateKey(range.start, company.timezone), isToday: range.start.getTime() === today.start.getTime() };
}
