import "server-only";
import { and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { agentServices, agents, services } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { escapeLike } from "../like";
import { decodeCursor, pageOf } from "../contract/pagination";
import { parseInput } from "../contract/parse";
import { resolveCompanyId } from "./company-of";
import { agentEdit, agentInput, agentListInput, type AgentEdit, type AgentInput, type AgentListInput } from "../contract/catalog-inputs";

const visible = (caller: Caller) => and(eq(agents.appId, caller.appId), companyScope(caller, agents.companyId));

const serviceIds = sql<string[]>`coalesce((
  SELECT array_agg(${agentServices.serviceId}::text ORDER BY ${agentServices.serviceId})
  FROM ${agentServices}
  WHERE ${agentServices.appId} = ${agents.appId} AND ${agentServices.agentId} = ${agents.id}
), '{}')`;

const agentColumns = {
  id: agents.id,
  appId: agents.appId,
  companyId: agents.companyId,
  fullname: agents.fullname,
  email: agents.email,
  telephone: agents.telephone,
  role: agents.role,
  avatar: agents.avatar,
  isActive: agents.isActive,
  createdAt: agents.createdAt,
  updatedAt: agents.updatedAt,
  serviceIds,
};

export { agentListInput, type AgentListInput } from "../contract/catalog-inputs";

/** Agents the caller may see; `serviceId` keeps those who perform that service. */
export async function listAgents(caller: Caller, input: AgentListInput = {}) {
  requireScope(caller, "catalog:read");
  const f = parseInput(agentListInput, input);
  const empty = { data: [], nextCursor: null };
  if ((f.companyId !== undefined && !isUuid(f.companyId)) || (f.serviceId !== undefined && !isUuid(f.serviceId))) {
    return empty;
  }
  const conditions = [visible(caller)];
  if (f.companyId) conditions.push(eq(agents.companyId, f.companyId));
  if (f.isActive !== undefined) conditions.push(eq(agents.isActive, f.isActive));
  if (f.search) conditions.push(ilike(agents.fullname, `%${escapeLike(f.search)}%`));
  if (f.serviceId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${agentServices} WHERE ${agentServices.appId} = ${agents.appId} AND ${agentServices.agentId} = ${agents.id} AND ${agentServices.serviceId} = ${f.serviceId}::uuid)`,
    );
  }
  if (f.cursor) {
    const [name, id] = decodeCursor(f.cursor, 2);
    if (!isUuid(id)) return empty;
    conditions.push(sql`(${agents.fullname}, ${agents.id}) > (${name}, ${id}::uuid)`);
  }
  const db = await getDb();
  const rows = await db
    .select(agentColumns)
    .from(agents)
    .where(and(...conditions))
    .orderBy(asc(agents.fullname), asc(agents.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => [r.fullname, r.id]);
}

export async function getAgent(caller: Caller, id: string) {
  requireScope(caller, "catalog:read");
  if (!isUuid(id)) throw new AppError("agent-not-found");
  const db = await getDb();
  const [row] = await db.select(agentColumns).from(agents).where(and(visible(caller), eq(agents.id, id))).limit(1);
  if (!row) throw new AppError("agent-not-found");
  return row;
}

export async function createAgent(caller: Caller, input: AgentInput) {
  requireScope(caller, "catalog:write");
  const { serviceIds: wanted, ...data } = parseInput(agentInput, input);
  const db = await getDb();
  const companyId = await resolveCompanyId(db, caller, data.companyId);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(agents)
      .values({ ...data, companyId, appId: caller.appId })
      .returning({ id: agents.id });
    await setServices(tx, caller.appId, companyId, row.id, wanted);
    return row.id;
  });
  return getAgent(caller, id);
}

/** serviceIds, when given, replaces the set of services the agent performs. */
export async function editAgent(caller: Caller, id: string, input: AgentEdit) {
  requireScope(caller, "catalog:write");
  const { serviceIds: wanted, ...data } = parseInput(agentEdit, input);
  const current = await getAgent(caller, id);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (Object.keys(data).length > 0) {
      await tx
        .update(agents)
        .set({ ...data, updatedAt: sql`now()` })
        .where(and(eq(agents.appId, caller.appId), eq(agents.id, id)));
    }
    if (wanted !== undefined) {
      await tx.delete(agentServices).where(and(eq(agentServices.appId, caller.appId), eq(agentServices.agentId, id)));
      await setServices(tx, caller.appId, current.companyId, id, wanted);
    }
  });
  return getAgent(caller, id);
}

/** Every service must be one of the agent's company: else service-not-found, nothing written. */
async function setServices(tx: Tx, appId: string, companyId: string, agentId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if (!unique.every(isUuid)) throw new AppError("service-not-found");
  const found = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.appId, appId), eq(services.companyId, companyId), inArray(services.id, unique)));
  if (found.length !== unique.length) throw new AppError("service-not-found");
  await tx.insert(agentServices).values(unique.map((serviceId) => ({ appId, companyId, agentId, serviceId })));
}

export type AgentView = Awaited<ReturnType<typeof getAgent>>;
