// Reading and writing the hours: a company's opening hours (and minimum notice for API
// bookings), an agent's weekly schedule, and an agent's time off / extra hours. Scoped like
// the rest of the catalog (catalog:read / catalog:write, the caller's companies).
import "server-only";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { agents, agentTimeOff, companies } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { parseInput } from "../contract/parse";
import {
  agentScheduleInput,
  type AgentScheduleInput,
  companyHoursInput,
  type CompanyHoursInput,
  type TimeOff,
  timeOffInput,
  type TimeOffInput,
  timeOffListInput,
  type WeeklyHours,
} from "../contract/hours";

export type CompanyHours = { companyId: string; timezone: string; hours: WeeklyHours | null; minNoticeMinutes: number };

export async function getCompanyHours(caller: Caller, companyId: string): Promise<CompanyHours> {
  requireScope(caller, "catalog:read");
  if (!isUuid(companyId)) throw new AppError("company-not-found");
  const db = await getDb();
  const [row] = await db
    .select({ companyId: companies.id, timezone: companies.timezone, hours: companies.openingHours, minNoticeMinutes: companies.minNoticeMinutes })
    .from(companies)
    .where(and(eq(companies.appId, caller.appId), eq(companies.id, companyId), companyScope(caller, companies.id)));
  if (!row) throw new AppError("company-not-found");
  return row;
}

/** `hours: null` opens the company at all times again; minNoticeMinutes is kept when not sent. */
export async function setCompanyHours(caller: Caller, companyId: string, input: CompanyHoursInput): Promise<CompanyHours> {
  requireScope(caller, "catalog:write");
  const data = parseInput(companyHoursInput, input);
  if (!isUuid(companyId)) throw new AppError("company-not-found");
  const db = await getDb();
  const updated = await db
    .update(companies)
    .set({
      openingHours: data.hours,
      ...(data.minNoticeMinutes !== undefined ? { minNoticeMinutes: data.minNoticeMinutes } : {}),
      updatedAt: sql`now()`,
    })
    .where(and(eq(companies.appId, caller.appId), eq(companies.id, companyId), companyScope(caller, companies.id)))
    .returning({ id: companies.id });
  if (updated.length === 0) throw new AppError("company-not-found");
  return getCompanyHours(caller, companyId);
}

export type AgentSchedule = {
  agentId: string;
  companyId: string;
  timezone: string;
  /** The agent's own week; null when they follow the company. */
  schedule: WeeklyHours | null;
  /** The company's opening hours (null: open at all times). */
  companyHours: WeeklyHours | null;
  /** What applies: the agent's week, else the company's (null: at all times). */
  effective: WeeklyHours | null;
};

export async function getAgentSchedule(caller: Caller, agentId: string): Promise<AgentSchedule> {
  requireScope(caller, "catalog:read");
  if (!isUuid(agentId)) throw new AppError("agent-not-found");
  const db = await getDb();
  const [row] = await db
    .select({ agentId: agents.id, companyId: agents.companyId, timezone: companies.timezone, schedule: agents.schedule, companyHours: companies.openingHours })
    .from(agents)
    .innerJoin(companies, and(eq(companies.appId, agents.appId), eq(companies.id, agents.companyId)))
    .where(and(eq(agents.appId, caller.appId), eq(agents.id, agentId), companyScope(caller, agents.companyId)));
  if (!row) throw new AppError("agent-not-found");
  return { ...row, effective: row.schedule ?? row.companyHours };
}

/** `schedule: null`: the agent follows the company's opening hours again. */
export async function setAgentSchedule(caller: Caller, agentId: string, input: AgentScheduleInput): Promise<AgentSchedule> {
  requireScope(caller, "catalog:write");
  const data = parseInput(agentScheduleInput, input);
  if (!isUuid(agentId)) throw new AppError("agent-not-found");
  const db = await getDb();
  const updated = await db
    .update(agents)
    .set({ schedule: data.schedule, updatedAt: sql`now()` })
    .where(and(eq(agents.appId, caller.appId), eq(agents.id, agentId), companyScope(caller, agents.companyId)))
    .returning({ id: agents.id });
  if (updated.length === 0) throw new AppError("agent-not-found");
  return getAgentSchedule(caller, agentId);
}

const timeOffColumns = {
  id: agentTimeOff.id,
  agentId: agentTimeOff.agentId,
  kind: agentTimeOff.kind,
  startDate: agentTimeOff.startDate,
  endDate: agentTimeOff.endDate,
  startTime: agentTimeOff.startTime,
  endTime: agentTimeOff.endTime,
  note: agentTimeOff.note,
};

async function visibleAgent(caller: Caller, agentId: string) {
  if (!isUuid(agentId)) throw new AppError("agent-not-found");
  const db = await getDb();
  const [agent] = await db
    .select({ id: agents.id, companyId: agents.companyId })
    .from(agents)
    .where(and(eq(agents.appId, caller.appId), eq(agents.id, agentId), companyScope(caller, agents.companyId)));
  if (!agent) throw new AppError("agent-not-found");
  return { db, agent };
}

/** The agent's exceptions by start date; `from`/`to` (local dates) keep those that touch them. */
export async function listTimeOff(caller: Caller, agentId: string, range: { from?: string; to?: string } = {}): Promise<TimeOff[]> {
  requireScope(caller, "catalog:read");
  const { db } = await visibleAgent(caller, agentId);
  const dates = parseInput(timeOffListInput, range);
  return db
    .select(timeOffColumns)
    .from(agentTimeOff)
    .where(
      and(
        eq(agentTimeOff.appId, caller.appId),
        eq(agentTimeOff.agentId, agentId),
        dates.from ? gte(agentTimeOff.endDate, dates.from) : undefined,
        dates.to ? lte(agentTimeOff.startDate, dates.to) : undefined,
      ),
    )
    .orderBy(asc(agentTimeOff.startDate), asc(agentTimeOff.startTime), asc(agentTimeOff.id));
}

export async function createTimeOff(caller: Caller, agentId: string, input: TimeOffInput): Promise<TimeOff> {
  requireScope(caller, "catalog:write");
  const data = parseInput(timeOffInput, input);
  const { db, agent } = await visibleAgent(caller, agentId);
  const [row] = await db
    .insert(agentTimeOff)
    .values({ ...data, appId: caller.appId, companyId: agent.companyId, agentId })
    .returning(timeOffColumns);
  return row;
}

export async function deleteTimeOff(caller: Caller, agentId: string, timeOffId: string): Promise<TimeOff> {
  requireScope(caller, "catalog:write");
  const { db } = await visibleAgent(caller, agentId);
  if (!isUuid(timeOffId)) throw new AppError("time-off-not-found");
  const [row] = await db
    .delete(agentTimeOff)
    .where(and(eq(agentTimeOff.appId, caller.appId), eq(agentTimeOff.agentId, agentId), eq(agentTimeOff.id, timeOffId)))
    .returning(timeOffColumns);
  if (!row) throw new AppError("time-off-not-found");
  return row;
}

/** Each agent's own week (null: follows the company) of a company: the calendar shades closed hours. */
export async function listAgentSchedules(caller: Caller, companyId: string): Promise<{ id: string; schedule: WeeklyHours | null }[]> {
  requireScope(caller, "catalog:read");
  if (!isUuid(companyId)) return [];
  const db = await getDb();
  return db
    .select({ id: agents.id, schedule: agents.schedule })
    .from(agents)
    .where(and(eq(agents.appId, caller.appId), eq(agents.companyId, companyId), companyScope(caller, agents.companyId)));
}
