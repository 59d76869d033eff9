// The one way an appointment change is written: the statement that changes the row (a CTE
// named `changed`, returning the appointment's columns and `from_status`) is followed by the
// appointment as `get` answers it and its event, in the same statement: nothing is recorded that
// did not happen and nothing happens unrecorded, at the cost of one round trip. An insert
// trigger then notifies the event's id on commit (live screens, webhooks).
import "server-only";
import { Placeholder, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../auth/caller";
import type { AppointmentEventType } from "../contract/events";

/** An instant as JSON's ISO 8601 form with milliseconds and Z, as `get`'s answer writes dates. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `cancellation` as `get` answers it: how and why a CANCELLED appointment ended, else null. */
export const CANCELLATION_SQL = (a: string) =>
  `CASE WHEN ${a}.status = 'CANCELLED' THEN json_build_object('kind', COALESCE(${a}.cancellation_kind, 'cancelled'), 'reason', ${a}.cancellation_reason) END`;

/**
 * The appointment `a` (with its service `s`, customer `c`, company `co`, agent `g`) as JSON,
 * key for key what `get` answers: json (not jsonb) keeps the keys in that order for the answer.
 */
export const APPOINTMENT_JSON = `json_build_object(
  'id', a.id, 'appId', a.app_id, 'companyId', a.company_id, 'serviceId', a.service_id,
  'customerId', a.customer_id, 'agentId', a.agent_id, 'date', ${iso("a.date")}, 'end', ${iso('a."end"')},
  'totalPrice', a.total_price, 'commune', a.commune, 'filledFields', a.filled_fields, 'status', a.status,
  'cancellation', ${CANCELLATION_SQL("a")},
  'createdAt', ${iso("a.created_at")}, 'updatedAt', ${iso("a.updated_at")},
  'service', json_build_object('id', s.id, 'name', s.name, 'slug', s.slug, 'duration', s.duration, 'basePrice', s.base_price, 'fields', s.fields),
  'agent', CASE WHEN g.id IS NULL THEN NULL ELSE json_build_object('id', g.id, 'fullname', g.fullname, 'avatar', g.avatar) END,
  'customer', json_build_object('id', c.id, 'fullname', c.fullname, 'telephone', c.telephone, 'email', c.email),
  'company', json_build_object('id', co.id, 'name', co.name, 'slug', co.slug, 'timezone', co.timezone, 'currency', co.currency)
)`;

/** The joins APPOINTMENT_JSON reads, from an appointment row aliased `a`. */
export const APPOINTMENT_JOINS = `
  JOIN services s ON s.app_id = a.app_id AND s.id = a.service_id
  JOIN customers c ON c.app_id = a.app_id AND c.id = a.customer_id
  JOIN companies co ON co.app_id = a.app_id AND co.id = a.company_id
  LEFT JOIN agents g ON g.app_id = a.app_id AND g.id = a.agent_id`;

export type ChangeEvent = {
  type: AppointmentEventType;
  reason?: string | null;
  /** Or the placeholder its JSON text fills (a prepared statement's). */
  details?: Record<string, unknown> | Placeholder | null;
};

/**
 * `WITH <change>, shaped, ev SELECT …`: the change CTEs (ending with one named `changed`), the
 * appointment's JSON after it, and its event. The final select answers `data` (the JSON, null
 * when nothing changed), `event_id` and whatever `select` adds (e.g. the status found).
 */
export function changeStatement(caller: Caller, change: SQL, event: ChangeEvent, select: SQL = sql``): SQL {
  const { actor } = caller;
  const details = event.details instanceof Placeholder ? event.details : event.details ? JSON.stringify(event.details) : null;
  return sql`
    WITH ${change},
    shaped AS (
      SELECT a.app_id, a.company_id, a.id, a.status, a.from_status, ${sql.raw(APPOINTMENT_JSON)} AS j
      FROM changed a ${sql.raw(APPOINTMENT_JOINS)}
    ),
    ev AS (
      INSERT INTO appointment_events (app_id, company_id, appointment_id, type, from_status, to_status, actor_type, actor_id, actor_name, reason, details, data)
      SELECT app_id, company_id, id, ${event.type}, from_status, status, ${actor.type}::actor_type, ${actor.id}, ${actor.name},
             ${event.reason ?? null}::text, ${details}::jsonb, j::jsonb
      FROM shaped
      RETURNING id
    )
    SELECT (SELECT j FROM shaped) AS data, (SELECT id FROM ev)::text AS event_id ${select}`;
}

/**
 * History written outside the change path (the demo's, made in bulk) gets its `data` here: the
 * appointment as it is, with the event's status. Fills the events of the app whose data is
 * still the empty object they were inserted with.
 */
export function fillHistoryDataStatement(appId: string): SQL {
  return sql`
    UPDATE appointment_events e SET data = jsonb_set((${sql.raw(APPOINTMENT_JSON)})::jsonb, '{status}', to_jsonb(e.to_status::text))
    FROM appointments a ${sql.raw(APPOINTMENT_JOINS)}
    WHERE e.app_id = ${appId}::uuid AND a.app_id = e.app_id AND a.id = e.appointment_id AND e.data = '{}'::jsonb`;
}
