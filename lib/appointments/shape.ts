// How an appointment is read and answered: the row with its service, agent, customer and
// company nested, as the seed's `apt.service.name` and `apt.agent?.fullname` expect.
import "server-only";
import { and, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { PgSelect } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db";
import { agents, appointments, companies, customers, services } from "@/db/schema";
import type { CancellationKind } from "../contract/status";

/** How a CANCELLED appointment ended (and why); null while it is not cancelled. */
export type Cancellation = { kind: CancellationKind; reason: string | null };

/** The answer's fields, in select order. Exported for the benchmark's bare server, which shapes rows the same way. */
export const columns = {
  id: appointments.id,
  appId: appointments.appId,
  companyId: appointments.companyId,
  serviceId: appointments.serviceId,
  customerId: appointments.customerId,
  agentId: appointments.agentId,
  date: appointments.date,
  end: appointments.end,
  totalPrice: appointments.totalPrice,
  commune: appointments.commune,
  filledFields: appointments.filledFields,
  status: appointments.status,
  cancellation: sql<Cancellation | null>`CASE WHEN ${appointments.status} = 'CANCELLED' THEN json_build_object('kind', COALESCE(${appointments.cancellationKind}, 'cancelled'), 'reason', ${appointments.cancellationReason}) END`,
  createdAt: appointments.createdAt,
  updatedAt: appointments.updatedAt,
  service: {
    id: services.id,
    name: services.name,
    slug: services.slug,
    duration: services.duration,
    basePrice: services.basePrice,
  },
  agent: { id: agents.id, fullname: agents.fullname, avatar: agents.avatar },
  customer: {
    id: customers.id,
    fullname: customers.fullname,
    telephone: customers.telephone,
    email: customers.email,
  },
  company: {
    id: companies.id,
    name: companies.name,
    slug: companies.slug,
    timezone: companies.timezone,
    currency: companies.currency,
  },
};

export const detailColumns = { ...columns, service: { ...columns.service, fields: services.fields } };

/** The select of appointments with their nested parts, filtered by `where` (which must carry app_id). */
export function selectAppointments(db: Queryable, where: SQL | undefined) {
  return joined(db.select(columns).from(appointments).$dynamic(), where);
}

/**
 * A page of appointments: `page` picks, sorts and cuts the rows on appointments alone (a
 * subquery selecting app_id and id, index-driven), and only those rows are joined to their
 * service, customer, company and agent. Joined before the cut, the planner hashes every
 * service and company of the app, so a page would cost more the bigger the app (measured:
 * ×2.5 from 10 k to 1 M rows).
 */
export function selectAppointmentPage(db: Queryable, page: SQLWrapper, order: SQL[]) {
  return joined(
    db.select(columns).from(appointments).$dynamic(),
    sql`(${appointments.appId}, ${appointments.id}) IN (${page})`,
  ).orderBy(...order);
}

/** One appointment as `get` answers it: with the service's field definitions. */
export function selectAppointmentDetails(db: Queryable, where: SQL | undefined) {
  return joined(db.select(detailColumns).from(appointments).$dynamic(), where);
}

function joined<Q extends PgSelect>(query: Q, where: SQL | undefined) {
  return query
    .innerJoin(services, and(eq(services.appId, appointments.appId), eq(services.id, appointments.serviceId)))
    .innerJoin(customers, and(eq(customers.appId, appointments.appId), eq(customers.id, appointments.customerId)))
    .innerJoin(companies, and(eq(companies.appId, appointments.appId), eq(companies.id, appointments.companyId)))
    .leftJoin(agents, and(eq(agents.appId, appointments.appId), eq(agents.id, appointments.agentId)))
    .where(where);
}

export type AppointmentView = Awaited<ReturnType<typeof selectAppointments>>[number];
export type AppointmentDetail = Awaited<ReturnType<typeof selectAppointmentDetails>>[number];
