"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import { memberAction } from "@/app/_server/session";
import { createService, editService, getCompanyBySlug, getService } from "@/lib/catalog";
import type { ServiceEdit, ServiceInput } from "@/lib/contract/catalog-inputs";
import { AppError } from "@/lib/contract/errors";

// Thin: the domain parses the values (lib/catalog/schemas.ts) and answers field errors keyed
// like the form's (`fields.0.options`); here only the envelope is checked.
const values = z.record(z.string(), z.unknown());
const company = z.string().max(100);
const id = z.string().max(100);

/** Services change the new-appointment form, the calendar's filters and the lists: all of the company. */
function refresh() {
  revalidatePath("/c/[company]", "layout");
}

/** The service, if it belongs to the company of the page (a URL never edits another company's). */
async function serviceOf(caller: Caller, slug: string, serviceId: string) {
  const [c, service] = await Promise.all([getCompanyBySlug(caller, slug), getService(caller, serviceId)]);
  if (service.companyId !== c.id) throw new AppError("service-not-found");
  return service;
}

export const createServiceAction = memberAction(z.object({ company, values }), async (input, { caller }) => {
  const c = await getCompanyBySlug(caller, input.company);
  const row = await createService(caller, { ...(input.values as ServiceInput), companyId: c.id });
  refresh();
  return { id: row.id, name: row.name };
});

export const editServiceAction = memberAction(z.object({ company, id, values }), async (input, { caller }) => {
  await serviceOf(caller, input.company, input.id);
  const row = await editService(caller, input.id, input.values as ServiceEdit);
  refresh();
  return { id: row.id, name: row.name };
});

export const setServiceActiveAction = memberAction(
  z.object({ company, id, isActive: z.boolean() }),
  async (input, { caller }) => {
    await serviceOf(caller, input.company, input.id);
    const row = await editService(caller, input.id, { isActive: input.isActive });
    refresh();
    return { id: row.id, isActive: row.isActive };
  },
);
