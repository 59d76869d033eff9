"use server";

import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { memberAction } from "@/app/_server/session";
import { createService, editService, getCompanyBySlug, getService } from "@/lib/catalog";
import type { ServiceEdit, ServiceInput } from "@/lib/contract/catalog-inputs";
import { company, id, ofCompany, refreshCompany, values } from "../catalog-actions";

/** The service, if it belongs to the company of the page. */
const serviceOf = (caller: Caller, slug: string, serviceId: string) => ofCompany(caller, slug, getService(caller, serviceId), "service-not-found");

export const createServiceAction = memberAction(z.object({ company, values }), async (input, { caller }) => {
  const c = await getCompanyBySlug(caller, input.company);
  const row = await createService(caller, { ...(input.values as ServiceInput), companyId: c.id });
  refreshCompany();
  return { id: row.id, name: row.name };
});

export const editServiceAction = memberAction(z.object({ company, id, values }), async (input, { caller }) => {
  await serviceOf(caller, input.company, input.id);
  const row = await editService(caller, input.id, input.values as ServiceEdit);
  refreshCompany();
  return { id: row.id, name: row.name };
});

export const setServiceActiveAction = memberAction(
  z.object({ company, id, isActive: z.boolean() }),
  async (input, { caller }) => {
    await serviceOf(caller, input.company, input.id);
    const row = await editService(caller, input.id, { isActive: input.isActive });
    refreshCompany();
    return { id: row.id, isActive: row.isActive };
  },
);
