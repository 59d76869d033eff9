"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/app/_server/session";
import { getCompanyBySlug } from "@/lib/catalog";
import type { WeeklyHours } from "@/lib/contract/hours";
import { AppError } from "@/lib/contract/errors";
import { createTimeOff, deleteTimeOff, getAgentSchedule, setAgentSchedule, setCompanyHours } from "@/lib/scheduling";
import { type Caller, requireManager } from "@/lib/auth/caller";

// Thin: the domain parses hours and time off and names the field of a mistake.
const company = z.string().max(100);
const id = z.string().max(100);
const hours = z.record(z.string(), z.unknown()).nullable();

/** Hours change the form's slots, the calendar's shading and the agents' pages. */
function refresh() {
  revalidatePath("/c/[company]", "layout");
}

/** The agent, if it belongs to the company of the page. */
async function agentOf(caller: Caller, slug: string, agentId: string) {
  const [c, schedule] = await Promise.all([getCompanyBySlug(caller, slug), getAgentSchedule(caller, agentId)]);
  if (schedule.companyId !== c.id) throw new AppError("agent-not-found");
  return c;
}

export const setAgentScheduleAction = memberAction(z.object({ company, id, schedule: hours }), async (input, { caller }) => {
  await agentOf(caller, input.company, input.id);
  await setAgentSchedule(caller, input.id, { schedule: input.schedule as WeeklyHours | null });
  refresh();
  return null;
});

export const createTimeOffAction = memberAction(
  z.object({ company, id, values: z.record(z.string(), z.unknown()) }),
  async (input, { caller }) => {
    await agentOf(caller, input.company, input.id);
    const row = await createTimeOff(caller, input.id, input.values as never);
    refresh();
    return row;
  },
);

export const deleteTimeOffAction = memberAction(z.object({ company, id, timeOffId: id }), async (input, { caller }) => {
  await agentOf(caller, input.company, input.id);
  await deleteTimeOff(caller, input.id, input.timeOffId);
  refresh();
  return null;
});

export const setCompanyHoursAction = memberAction(
  z.object({ company, hours, minNoticeMinutes: z.number().optional() }),
  async (input, { caller }) => {
    // Company settings are the owners' and admins' (the page is theirs only).
    requireManager(caller);
    const c = await getCompanyBySlug(caller, input.company);
    await setCompanyHours(caller, c.id, { hours: input.hours as WeeklyHours | null, minNoticeMinutes: input.minNoticeMinutes });
    refresh();
    return null;
  },
);
