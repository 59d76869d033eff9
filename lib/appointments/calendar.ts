// The appointments a calendar shows: every appointment of one company that overlaps a range of
// instants, in one query. The paged list (limit ≤ 200) suits tables and the API; a busy week
// on a calendar holds more than a page, and a calendar wants what *overlaps* the range (an
// appointment that started before midnight still shows on the next day), not what starts in it.
import "server-only";
import { and, asc, eq, gt, gte, inArray, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { withReadDb } from "@/db";
import { agents, appointments, customers, services } from "@/db/schema";
import { type Caller, canSeeCompany, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { instant, id } from "../contract/validation";
import { parseInput } from "../contract/parse";
import { APPOINTMENT_STATUSES, type AppointmentStatus } from "../contract/status";

/** A service lasts 24 hours at most (catalog schema): what overlaps `from` started after `from - 24 h`. */
const MAX_DURATION_MS = 24 * 3_600_000;
/** Six weeks (a month grid) and a margin. */
const MAX_SPAN_MS = 45 * 24 * 3_600_000;
export const CALENDAR_LIMIT_DEFAULT = 2_000;
export const CALENDAR_LIMIT_MAX = 5_000;

export const calendarRangeInput = z
  .object({
    companyId: id,
    from: instant,
    to: instant,
    serviceId: id.optional(),
    agentId: id.optional(),
    status: z.array(z.enum(APPOINTMENT_STATUSES)).max(5).optional(),
    limit: z.number().int().min(1).max(CALENDAR_LIMIT_MAX).default(CALENDAR_LIMIT_DEFAULT),
  })
  .refine((f) => f.from < f.to, { message: "`from` doit précéder `to`", path: ["to"] })
  .refine((f) => f.to.getTime() - f.from.getTime() <= MAX_SPAN_MS, { message: "45 jours au plus", path: ["to"] });
export type CalendarRangeInput = z.input<typeof calendarRangeInput>;

export type CalendarAppointment = {
  id: string;
  date: Date;
  end: Date;
  status: AppointmentStatus;
  agentId: string | null;
  agentName: string | null;
  serviceId: string;
  serviceName: string;
  customerName: string;
  customerPhone: string;
  totalPrice: number;
};

/**
 * Appointments of `companyId` overlapping `[from, to)`, sorted by (date, id), with the few
 * fields a calendar draws. At most `limit` rows; `truncated` says when more exist. A company
 * the caller may not see answers company-not-found (as the overview does).
 */
export async function listAppointmentsInRange(
  caller: Caller,
  input: CalendarRangeInput,
): Promise<{ data: CalendarAppointment[]; truncated: boolean }> {
  requireScope(caller, "appointments:read");
  const f = parseInput(calendarRangeInput, input);
  if (!isUuid(f.companyId) || !canSeeCompany(caller, f.companyId)) throw new AppError("company-not-found");
  // An id that cannot exist matches nothing.
  if ((f.serviceId && !isUuid(f.serviceId)) || (f.agentId && !isUuid(f.agentId))) return { data: [], truncated: false };
  if (f.status && f.status.length === 0) f.status = undefined;

  const conditions: SQL[] = [
    eq(appointments.appId, caller.appId),
    eq(appointments.companyId, f.companyId),
    // The lower bound on `date` lets the (app, company, date, id) index drive; `end` finishes the overlap test.
    gte(appointments.date, new Date(f.from.getTime() - MAX_DURATION_MS)),
    lt(appointments.date, f.to),
    gt(appointments.end, f.from),
  ];
  if (f.serviceId) conditions.push(eq(appointments.serviceId, f.serviceId));
  if (f.agentId) conditions.push(eq(appointments.agentId, f.agentId));
  if (f.status) conditions.push(inArray(appointments.status, [...new Set(f.status)]));

  const rows = await withReadDb(caller.readAfter, (db) =>
    db
      .select({
        id: appointments.id,
        date: appointments.date,
        end: appointments.end,
        status: appointments.status,
        agentId: appointments.agentId,
        agentName: agents.fullname,
        serviceId: appointments.serviceId,
        serviceName: services.name,
        customerName: customers.fullname,
        customerPhone: customers.telephone,
        totalPrice: appointments.totalPrice,
      })
      .from(appointments)
      .innerJoin(services, and(eq(services.appId, appointments.appId), eq(services.id, appointments.serviceId)))
      .innerJoin(customers, and(eq(customers.appId, appointments.appId), eq(customers.id, appointments.customerId)))
      .leftJoin(agents, and(eq(agents.appId, appointments.appId), eq(agents.id, appointments.agentId)))
      .where(and(...conditions))
      .orderBy(asc(appointments.date), asc(appointments.id))
      .limit(f.limit + 1),
  );

  const truncated = rows.length > f.limit;
  return { data: truncated ? rows.slice(0, f.limit) : rows, truncated };
}
