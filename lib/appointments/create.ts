import "server-only";
import { type Placeholder, type SQL, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { type Caller, companyScope, requireScope, scopeCompanies } from "../auth/caller";
import { filledFieldsSchema, type ServiceField } from "../contract/fields";
import { AppError, pgConstraint, pgErrorCode, validationError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { computeTotalPrice } from "../contract/pricing";
import { parseInput } from "../contract/parse";
import { preparedStatement } from "../prepared";
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
  // Both statements are built and turned into text once per shape, then only run: building
  // them cost more CPU per booking than PostgreSQL spends running them.
  const scoped = caller.companyIds !== "all";
  const check = preparedStatement(db, `booking-check:${scoped ? "S" : ""}`, () => {
    const ph = sql.placeholder;
    return bookingCheckStatement({ ...caller, appId: ph("appId") as unknown as string }, ph("serviceId"), ph("agentId"), ph("customerId"), ph("start"), ph("scope"));
  });
  const [service] = await check.execute<BookingCheck>({
    appId: caller.appId,
    serviceId: data.serviceId,
    agentId,
    customerId,
    start: data.date.toISOString(),
    scope: scoped ? scopeCompanies(caller) : null,
  });
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
  const agent = data.agentId ?? null;
  const insert = preparedStatement(db, `booking:${agent ? "agent" : ""}`, () => {
    const ph = sql.placeholder;
    const bound = { ...caller, appId: ph("appId"), actor: { type: ph("actorType"), id: ph("actorId"), name: ph("actorName") } };
    return insertAppointmentStatement(bound as unknown as Caller, {
      companyId: ph("companyId"),
      serviceId: ph("serviceId"),
      customerId: ph("customerId"),
      agentId: agent ? ph("agentId") : null,
      date: ph("date"),
      end: ph("end"),
      totalPrice: ph("totalPrice"),
      commune: ph("commune"),
      filledFields: ph("filledFields"),
      status: ph("status"),
      bufferBefore: ph("bufferBefore"),
      bufferAfter: ph("bufferAfter"),
      details: ph("details"),
    });
  });

  try {
    const [row] = await insert.execute<{ data: AppointmentJson }>({
      appId: caller.appId,
      actorType: caller.actor.type,
      actorId: caller.actor.id,
      actorName: caller.actor.name,
      companyId: service.company_id,
      serviceId: service.id,
      customerId: data.customerId,
      agentId: agent,
      date: data.date.toISOString(),
      end: end.toISOString(),
      totalPrice,
      commune: data.commune ?? null,
      filledFields: JSON.stringify(fields.data),
      status,
      bufferBefore: service.buffer_before,
      bufferAfter: service.buffer_after,
      // Forced outside the hours by an owner or admin: the history says "hors horaires".
      details: outsideHours ? JSON.stringify({ outsideHours: true }) : null,
    });
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
export function bookingCheckStatement(
  caller: Caller,
  serviceId: Param<string>,
  agentId: Param<string | null>,
  customerId: Param<string | null>,
  start: Param<string>,
  scopeList?: Placeholder,
): SQL {
  const scope = companyScope(caller, sql.raw("s.company_id"), scopeList);
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

/** A value of a statement, or the placeholder it is filled into (a prepared statement's). */
type Param<T> = T | Placeholder;

/** The new row's values as the statement takes them: instants as ISO text, fields as JSON text. */
type NewAppointment = {
  companyId: Param<string>;
  serviceId: Param<string>;
  customerId: Param<string>;
  /** Null: no agent (no lock, no overlap to refuse); the statement's shape differs. */
  agentId: Param<string> | null;
  date: Param<string>;
  end: Param<string>;
  totalPrice: Param<number>;
  commune: Param<string | null>;
  filledFields: Param<string>;
  status: Param<"PENDING" | "CONFIRMED">;
  /** The service's buffers, copied so the blocked range stays right when the service changes. */
  bufferBefore: Param<number>;
  bufferAfter: Param<number>;
  /** The event's details (e.g. forced outside the hours), or null; a placeholder takes JSON text. */
  details: Param<Record<string, unknown> | null>;
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
              ${a.date}::timestamptz, ${a.end}::timestamptz, ${a.totalPrice}::int, ${a.commune}::text,
              ${a.filledFields}::jsonb, ${a.status}::appointment_status,
              ${a.bufferBefore}::int, ${a.bufferAfter}::int
      ${lock ? sql`FROM agent_lock` : sql``}
      RETURNING *, NULL::appointment_status AS from_status
    )`;
  return changeStatement(caller, change, { type: "appointment.created", details: a.details });
}

function foreignKeyError(constraint: string | undefined): AppError {
  if (constraint?.includes("agent")) return new AppError("agent-not-found");
  if (constraint?.includes("customer")) return new AppError("customer-not-found");
  return new AppError("service-not-found");
}
