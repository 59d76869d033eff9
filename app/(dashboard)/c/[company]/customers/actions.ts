"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/app/_server/session";
import { createCustomer, editCustomer } from "@/lib/catalog";
import type { CustomerInput } from "@/lib/contract/catalog-inputs";

// Thin: the domain parses (phone to E.164, e-mail) and answers field errors. Staff may add and
// edit customers too (their appointments:write scope allows it).
const values = z.object({
  fullname: z.string().max(500),
  telephone: z.string().max(100),
  email: z.string().max(500).nullish(),
  // Message preferences: the domain checks them against the contract (language, channels).
  firstName: z.string().max(500).nullish(),
  language: z.string().max(20).optional(),
  preferredChannel: z.string().max(20).nullish(),
  optOuts: z.array(z.string().max(20)).max(20).optional(),
});
type Values = z.output<typeof values>;

/** The form's values as the domain's input (it parses them with the contract's schema). */
const input = (v: Values) =>
  ({ ...v, email: v.email || null, ...(v.firstName !== undefined ? { firstName: v.firstName?.trim() || null } : {}) }) as CustomerInput;

/** Customers' names show in every appointment list of every company. */
function refresh() {
  revalidatePath("/c/[company]", "layout");
}

/** Adds a customer, or finds the one who already has this phone number (created: false). */
export const createCustomerAction = memberAction(z.object({ values }), async ({ values }, { caller }) => {
  const { customer, created } = await createCustomer(caller, input(values));
  if (created) refresh();
  return { id: customer.id, name: customer.fullname, created };
});

export const editCustomerAction = memberAction(z.object({ id: z.string().max(100), values }), async ({ id, values }, { caller }) => {
  const row = await editCustomer(caller, id, input(values));
  refresh();
  return { id: row.id, name: row.fullname };
});
