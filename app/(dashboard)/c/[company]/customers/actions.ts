"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/app/_server/session";
import { createCustomer, editCustomer } from "@/lib/catalog";

// Thin: the domain parses (phone to E.164, e-mail) and answers field errors. Staff may add and
// edit customers too (their appointments:write scope allows it).
const values = z.object({
  fullname: z.string().max(500),
  telephone: z.string().max(100),
  email: z.string().max(500).nullish(),
});

/** Customers' names show in every appointment list of every company. */
function refresh() {
  revalidatePath("/c/[company]", "layout");
}

/** Adds a customer, or finds the one who already has this phone number (created: false). */
export const createCustomerAction = memberAction(z.object({ values }), async ({ values }, { caller }) => {
  const { customer, created } = await createCustomer(caller, { ...values, email: values.email || null });
  if (created) refresh();
  return { id: customer.id, name: customer.fullname, created };
});

export const editCustomerAction = memberAction(z.object({ id: z.string().max(100), values }), async ({ id, values }, { caller }) => {
  const row = await editCustomer(caller, id, { ...values, email: values.email || null });
  refresh();
  return { id: row.id, name: row.fullname };
});
