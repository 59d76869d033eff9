"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { memberAction } from "@/app/_server/session";
import { createAgent, editAgent, getAgent, getCompanyBySlug } from "@/lib/catalog";
import type { AgentEdit, AgentInput } from "@/lib/contract/catalog-inputs";
import { AppError } from "@/lib/contract/errors";

// Thin: the domain parses the values (lib/catalog/schemas.ts) and answers field errors.
const values = z.record(z.string(), z.unknown());
const company = z.string().max(100);
const id = z.string().max(100);

/** Agents appear in the new-appointment form, the calendar's columns and filters. */
function refresh() {
  revalidatePath("/c/[company]", "layout");
}

async function agentOf(caller: Caller, slug: string, agentId: string) {
  const [c, agent] = await Promise.all([getCompanyBySlug(caller, slug), getAgent(caller, agentId)]);
  if (agent.companyId !== c.id) throw new AppError("agent-not-found");
  return agent;
}

export const createAgentAction = memberAction(z.object({ company, values }), async (input, { caller }) => {
  const c = await getCompanyBySlug(caller, input.company);
  const row = await createAgent(caller, { ...(input.values as AgentInput), companyId: c.id });
  refresh();
  return { id: row.id, name: row.fullname };
});

export const editAgentAction = memberAction(z.object({ company, id, values }), async (input, { caller }) => {
  await agentOf(caller, input.company, input.id);
  const row = await editAgent(caller, input.id, input.values as AgentEdit);
  refresh();
  return { id: row.id, name: row.fullname };
});

export const setAgentActiveAction = memberAction(z.object({ company, id, isActive: z.boolean() }), async (input, { caller }) => {
  await agentOf(caller, input.company, input.id);
  const row = await editAgent(caller, input.id, { isActive: input.isActive });
  refresh();
  return { id: row.id, isActive: row.isActive };
});
