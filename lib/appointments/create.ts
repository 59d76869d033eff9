import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { agentServices, agents, appointmentEvents, appointments, customers, services } from "@/db/schema";
import { type Caller, canSeeCompany, requireScope } from "../auth/caller";
import { filledFieldsSchema } from "../catalog/fields";
import { AppError, pgConstraint, pgErrorCode, validationError } from "../errors";
import { isUuid } from "../ids";
import { computeTotalPrice } from "../pricing";
import { parseInput } from "../validation/parse";
import { actorColumns } from "./events";
import { getAppointment } from "./get";
import { createAppointmentInput, type CreateAppointmentInput } from "./schemas";

/**
 * Books an appointment. The service decides the company (a given companyId must match it);
 * the agent, when given, must be active in that company and perform the service; the
 * customer must exist in the app. Overlaps for the agent are refused by the database.
 */
export async function createAppointment(caller: Caller, input: CreateAppointmentInput) {
  requireScope(caller, "appointments:write");
  const data = parseInput(createAppointmentInput, input);
  const status = data.status ?? "PENDING";
  if (status === "CONFIRMED") requireScope(caller, "appointments:status");

  const db = await getDb();
  const service = await findBookableService(caller, data.serviceId, data.companyId);
  const [agentOk, customerOk] = await Promise.all([
    data.agentId ? agentPerforms(caller.appId, service.companyId, data.agentId, service.id) : true,
    customerExists(caller.appId, data.customerId),
  ]);
  if (!agentOk) throw new AppError("agent-not-found");
  if (!customerOk) throw new AppError("customer-not-found");

  const fields = filledFieldsSchema(service.fields).safeParse(data.filledFields);
  if (!fields.success) {
    throw validationError(
      fields.error.issues.map((i) => ({ ...i, path: ["filledFields", ...i.path] })),
      "Les champs du service ne sont pas valides",
    );
  }
  const totalPrice = data.totalPrice ?? computeTotalPrice(service, fields.data);
  const end = new Date(data.date.getTime() + service.duration * 60_000);

  const insert = () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(appointments)
        .values({
          appId: caller.appId,
          companyId: service.companyId,
          serviceId: service.id,
          customerId: data.customerId,
          agentId: data.agentId ?? null,
          date: data.date,
          end,
          totalPrice,
          commune: data.commune,
          filledFields: fields.data,
          status,
        })
        .returning({ id: appointments.id });
      await tx.insert(appointmentEvents).values({
        appId: caller.appId,
        appointmentId: row.id,
        fromStatus: null,
        toStatus: status,
        ...actorColumns(caller),
      });
      return row.id;
    });

  let id: string | undefined;
  for (let attempt = 1; id === undefined; attempt++) {
    try {
      id = await insert();
    } catch (err) {
      const code = pgErrorCode(err);
      if (code === "23P01") throw new AppError("agent-unavailable");
      // Concurrent bookings of one slot check the exclusion constraint against each other's
      // uncommitted rows and may deadlock; the retry then meets the winner's row (23P01).
      if (code === "40P01" && attempt < 3) continue;
      // A row deleted between the checks and the insert: the same answer as if it never was.
      if (code === "23503") throw foreignKeyError(pgConstraint(err));
      throw err;
    }
  }
  return getAppointment(caller, id);
}

async function findBookableService(caller: Caller, serviceId: string, companyId: string | undefined) {
  if (!isUuid(serviceId) || (companyId !== undefined && !isUuid(companyId))) throw new AppError("service-not-found");
  const db = await getDb();
  const [service] = await db
    .select({
      id: services.id,
      companyId: services.companyId,
      duration: services.duration,
      basePrice: services.basePrice,
      fields: services.fields,
      isActive: services.isActive,
    })
    .from(services)
    .where(and(eq(services.appId, caller.appId), eq(services.id, serviceId)))
    .limit(1);
  if (!service || !canSeeCompany(caller, service.companyId) || (companyId && companyId !== service.companyId)) {
    throw new AppError("service-not-found");
  }
  if (!service.isActive) throw new AppError("service-not-found", "Ce service n'est plus proposé");
  return service;
}

async function agentPerforms(appId: string, companyId: string, agentId: string, serviceId: string) {
  if (!isUuid(agentId)) return false;
  const db = await getDb();
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .innerJoin(
      agentServices,
      and(
        eq(agentServices.appId, agents.appId),
        eq(agentServices.agentId, agents.id),
        eq(agentServices.serviceId, serviceId),
      ),
    )
    .where(
      and(eq(agents.appId, appId), eq(agents.id, agentId), eq(agents.companyId, companyId), eq(agents.isActive, true)),
    )
    .limit(1);
  return rows.length > 0;
}

async function customerExists(appId: string, customerId: string) {
  if (!isUuid(customerId)) return false;
  const db = await getDb();
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.appId, appId), eq(customers.id, customerId)))
    .limit(1);
  return rows.length > 0;
}

function foreignKeyError(constraint: string | undefined): AppError {
  if (constraint?.includes("agent")) return new AppError("agent-not-found");
  if (constraint?.includes("customer")) return new AppError("customer-not-found");
  return new AppError("service-not-found");
}
