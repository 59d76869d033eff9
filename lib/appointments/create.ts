import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { filledFieldsSchema, type ServiceField } from "../contract/fields";
import { AppError, pgConstraint, pgErrorCode, validationError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { computeTotalPrice } from "../contract/pricing";
import { parseInput } from "../contract/parse";
import { agentLockCte } from "./agent-lock";
import { changeStatement } from "./change-sql";
import { assertWithinWorkingHours, type HoursRow, hoursSelect } from "../scheduling/working-hours";
import type { AppointmentJson } from "../contract/events";
import { createAppointmentInput, type CreateAppointmentInput } from "../contract/appointment-inputs";

/**
 * Books an appointment. The service decides the company (a given companyId must match it);
 * the agent, when given, must be active in that company and perform the service; the
 * customer must exist in the app. Overlaps for the agent are refused by the database.
 */
export async function createAppointment(
  caller: Caller,
  input: CreateAppointmentInput,
  options: { forceHours?: boolean; now?: Date } = {},
): Promise<AppointmentJson> {
  requireScope(caller, "appointments:write");
  const data = parseInput(createAppointmentInput, input);
  const status = data.status ?? "PENDING";
  if (status === "CONFIRMED") requireScope(caller, "appointments:status");

  const db = await getDb();
  // Service, agent and customer are checked in one round trip; the errors keep their order.
  const agentId = data.agentId && isUuid(data.agentId) ? data.agentId : null;
  const customerId = isUuid(data.customerId) ? data.customerId : null;
  if (!isUuid(data.serviceId) || (data.companyId !== undefined && !isUuid(data.companyId))) throw new AppError("service-not-found");
  const [service] = await executeRows<BookingCheck>(db, bookingCheckStatement(caller, data.serviceId, agentId, customerId, data.date.toISOString()));
  if (!service || (data.companyId && data.companyId !== service.company_id)) {
    throw new AppError("service-not-found");
  }
  if (!service.is_active) throw new AppError("service-not-found", "Ce service n'est plus proposé");
  if (data.agentId && !service.agent_ok) throw new AppError("agent-not-found");
  if (!service.customer_ok) throw new AppError("customer-not-found");

  const fields = filledFieldsSchema(service.fields).safeParse(data.filledFields);
  if (!fields.success) {
    throw validationError(
      fields.error.issues.map((i) => ({ ...i, path: ["filledFields", ...i.path] })),
      "Les champs du service ne sont pas valides",
    );
  }
  const totalPrice = data.totalPrice ?? computeTotalPrice({ basePrice: service.base_price, fields: service.fields }, fields.data);
  const end = new Date(data.date.getTime() + service.duration * 60_000);
  const { outsideHours } = await assertWithinWorkingHours(db, caller, {
    companyId: service.company_id,
    agentId: data.agentId ?? null,
    start: data.date,
    end,
    bufferBefore: service.buffer_before,
    bufferAfter: service.buffer_after,
    force: options.forceHours,
    now: options.now,
  }, service);
  const statement = insertAppointmentStatement(caller, {
    companyId: service.company_id,
    serviceId: service.id,
    customerId: data.customerId,
    agentId: data.agentId ?? null,
    date: data.date,
    end,
    totalPrice,
    commune: data.commune ?? null,
    filledFields: fields.data,
    status,
    bufferBefore: service.buffer_before,
    bufferAfter: service.buffer_after,
    outsideHours,
  });

  try {
    const [row] = await executeRows<{ data: AppointmentJson }>(db, statement);
    return row.data;
  } catch (err) {
    const code = pgErrorCode(err);
    // Bookings onto one agent queue on the agent's lock (agent-lock.ts): the later meets the
    // earlier's row here.
    if (code === "23P01") throw new AppError("agent-unavailable");
    // A row deleted between the checks and the insert: the same answer as if it never was.
    if (code === "23503") throw foreignKeyError(pgConstraint(err));
    throw err;
  }
}

type BookingCheck = HoursRow & {
  id: string;
  company_id: string;
  duration: number;
  buffer_before: number;
  buffer_after: number;
  base_price: number;
  fields: ServiceField[];
  is_active: boolean;
  agent_ok: boolean;
  customer_ok: boolean;
};

/**
 * The service to book, whether the agent (when given) is active in its company and performs
 * it, whether the customer exists, and the hours that apply at `start` (HoursRow): one
 * statement, no row when the service does not exist in the caller's companies. Exported for
 * the benchmark's bare server, which runs the same SQL.
 */
export function bookingCheckStatement(caller: Caller, serviceId: string, agentId: string | null, customerId: string | null, start: string): SQL {
  const scope = companyScope(caller, sql.raw("s.company_id"));
  // The days of time off that matter, as the hours check reads them alone (working-hours.ts).
  const firstDay = sql`((${start}::timestamptz AT TIME ZONE 'UTC')::date - 2)`;
  const lastDay = sql`(((${start}::timestamptz + s.duration * interval '1 minute') AT TIME ZONE 'UTC')::date + 2)`;
  const hours = hoursSelect(sql`s.app_id`, sql`s.company_id`, sql`${agentId}::uuid`, firstDay, lastDay);
  return sql`
    SELECT s.id, s.company_id, s.duration, s.buffer_before, s.buffer_after, s.base_price, s.fields, s.is_active,
      h.timezone, h.opening_hours, h.min_notice_minutes, h.fullname, h.schedule, h.exceptions,
      EXISTS (
        SELECT 1 FROM agents a
        JOIN agent_services x ON x.app_id = a.app_id AND x.agent_id = a.id AND x.service_id = s.id
        WHERE a.app_id = s.app_id AND a.id = ${agentId}::uuid AND a.company_id = s.company_id AND a.is_active
      ) AS agent_ok,
      EXISTS (SELECT 1 FROM customers c WHERE c.app_id = s.app_id AND c.id = ${customerId}::uuid) AS customer_ok
    FROM services s CROSS JOIN LATERAL (${hours}) h
    WHERE s.app_id = ${caller.appId}::uuid AND s.id = ${serviceId}::uuid ${scope ? sql`AND ${scope}` : sql``}`;
}

type NewAppointment = {
  companyId: string;
  serviceId: string;
  customerId: string;
  agentId: string | null;
  date: Date;
  end: Date;
  totalPrice: number;
  commune: string | null;
  filledFields: Record<string, unknown>;
  status: "PENDING" | "CONFIRMED";
  /** The service's buffers, copied so the blocked range stays right when the service changes. */
  bufferBefore?: number;
  bufferAfter?: number;
  /** Forced outside the hours by an owner or admin: the history says "hors horaires". */
  outsideHours?: boolean;
};

/**
 * The appointment and its first event as one statement: atomic without a transaction's extra
 * round trips. The exclusion constraint refuses an overlap (23P01). Answers the appointment as
 * `get` does. Exported for the benchmark's bare server, which runs the same SQL.
 */
export function insertAppointmentStatement(caller: Caller, a: NewAppointment): SQL {
  const lock = agentLockCte(a.agentId);
  const change = sql`
    ${lock ? sql`${lock},` : sql``}
    changed AS (
      INSERT INTO appointments (app_id, company_id, service_id, customer_id, agent_id, date, "end", total_price, commune, filled_fields, status, buffer_before, buffer_after)
      SELECT ${caller.appId}::uuid, ${a.companyId}::uuid, ${a.serviceId}::uuid, ${a.customerId}::uuid, ${a.agentId}::uuid,
              ${a.date.toISOString()}::timestamptz, ${a.end.toISOString()}::timestamptz, ${a.totalPrice}::int, ${a.commune}::text,
              ${JSON.stringify(a.filledFields)}::jsonb, ${a.status}::appointment_status,
              ${a.bufferBefore ?? 0}::int, ${a.bufferAfter ?? 0}::int
      ${lock ? sql`FROM agent_lock` : sql``}
      RETURNING *, NULL::appointment_status AS from_status
    )`;
  return changeStatement(caller, change, { type: "appointment.created", details: a.outsideHours ? { outsideHours: true } : null });
}

function foreignKeyError(constraint: string | undefined): AppError {
  if (constraint?.includes("agent")) return new AppError("agent-not-found");
  if (constraint?.includes("customer")) return new AppError("customer-not-found");
  return new AppError("service-not-found");
}
