"use server";

import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { memberAction } from "@/app/_server/session";
import { createAgent, editAgent, getAgent, getCompanyBySlug } from "@/lib/catalog";
import type { AgentEdit, AgentInput } from "@/lib/contract/catalog-inputs";
import { company, id, ofCompany, refreshCompany, values } from "../catalog-actions";

/** The agent, if it belongs to the company of the page. */
const agentOf = (caller: Caller, slug: string, agentId: string) => ofCompany(caller, slug, getAgent(caller, agentId), "agent-not-found");

export const createAgentAction = memberAction(z.object({ company, values }), async (input, { caller }) => {
  const c = await getCompanyBySlug(caller, input.company);
  const row = await createAgent(caller, { ...(input.values as AgentInput), companyId: c.id });
  refreshCompany();
  return { id: row.id, name: row.fullname };
});

export const editAgentAction = memberAction(z.object({ company, id, values }), async (input, { caller }) => {
  await agentOf(caller, input.company, input.id);
  const row = await editAgent(caller, input.id, input.values as AgentEdit);
  refreshCompany();
  return { id: row.id, name: row.fullname };
});

export const setAgentActiveAction = memberAction(z.object({ company, id, isActive: z.boolean() }), async (input, { caller }) => {
  await agentOf(caller, input.company, input.id);
  const row = await editAgent(caller, input.id, { isActive: input.isActive });
  refreshCompany();
  return { id: row.id, isActive: row.isActive };
});
