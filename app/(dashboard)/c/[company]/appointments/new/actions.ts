"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAppointment } from "@/lib/appointments";
import { searchAvailability } from "@/lib/scheduling";
import { memberAction } from "@/app/_server/session";
import { failure, type ActionResult } from "@/lib/contract/action-result";
import { createCustomer, getCompanyBySlug, listCustomers } from "@/lib/catalog";
import { instantToWallClock, localDateKey, wallClockToInstant } from "@/lib/contract/dates";
import { AppError } from "@/lib/contract/errors";
import { formatPhone } from "@/lib/contract/format";

export type { CustomerOption } from "@/lib/contract/customer-option";
import type { CustomerOption } from "@/lib/contract/customer-option";

export const searchCustomersAction = memberAction(
  z.object({ q: z.string().trim().max(100) }),
  async ({ q }, { caller }): Promise<CustomerOption[]> => {
    const page = await listCustomers(caller, { search: q || undefined, limit: 12 });
    return page.data.map((c) => ({ id: c.id, name: c.fullname, phone: formatPhone(c.telephone) }));
  },
  { readOnly: true },
);

/** Adds a customer from the form, or finds the one who already has this phone number. */
export const createCustomerAction = memberAction(
  z.object({ fullname: z.string().max(200), telephone: z.string().max(40), email: z.string().max(254).optional() }),
  async (input, { caller }) => {
    const { customer, created } = await createCustomer(caller, { ...input, email: input.email || null });
    return { customer: { id: customer.id, name: customer.fullname, phone: formatPhone(customer.telephone) }, created };
  },
);

const newAppointmentInput = z.object({
  company: z.string().max(100),
  serviceId: z.string().max(100),
  customerId: z.string().max(100),
  agentId: z.string().max(100).optional(),
  date: z.string().max(10),
  time: z.string().max(5),
  commune: z.string().max(200).optional(),
  filledFields: z.record(z.string(), z.unknown()),
  confirm: z.boolean().default(false),
  /** Book outside the agent's hours after the warning (owners and admins; the domain checks). */
  force: z.boolean().default(false),
});

export type NewAppointmentResult = ActionResult<{ id: string; day: string }>;

/**
 * The form's date and time are a wall clock in the company's zone: converted here with the
 * company's zone (never the server's), then booked through the same domain call as the API.
 * Domain errors come back keyed by the form's field names.
 */
export const createAppointmentAction = memberAction(newAppointmentInput, async (input, { caller }) => {
  const company = await getCompanyBySlug(caller, input.company);
  const local = `${input.date}T${input.time}`;
  const date = wallClockToInstant(local, company.timezone);
  if (!date || instantToWallClock(date, company.timezone) !== local) {
    throw new AppError("validation-error", "Date ou heure invalide", {
      details: {
        fields: date
          ? { time: ["Cette heure n'existe pas ce jour-là (changement d'heure)"] }
          : { date: ["Date et heure attendues (JJ/MM/AAAA, HH:MM)"] },
      },
    });
  }
  try {
    const appointment = await createAppointment(caller, {
      serviceId: input.serviceId,
      companyId: company.id,
      customerId: input.customerId,
      agentId: input.agentId || null,
      date,
      commune: input.commune || null,
      filledFields: input.filledFields,
      status: input.confirm ? "CONFIRMED" : "PENDING",
    }, { forceHours: input.force });
    revalidatePath("/c/[company]/appointments", "page");
    return { id: appointment.id, day: localDateKey(new Date(appointment.date), company.timezone) };
  } catch (err) {
    throw withFormFields(err);
  }
});

/** Puts each domain error next to the field it concerns. */
function withFormFields(err: unknown): unknown {
  const f = failure(err);
  const field: Record<string, string> = {
    "agent-unavailable": "agentId",
    "agent-not-found": "agentId",
    "customer-not-found": "customerId",
    "service-not-found": "serviceId",
  };
  const key = field[f.code];
  if (key && err instanceof AppError) {
    return new AppError(err.code, err.message, { details: { fields: { [key]: [err.message] } }, status: err.status });
  }
  if (f.code === "validation-error" && f.fields && err instanceof AppError) {
    const fields: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(f.fields)) fields[k === "date" ? "time" : k] = v;
    return new AppError(err.code, err.message, { details: { fields }, status: err.status });
  }
  return err;
}

export type SlotOption = { agentId: string; date: string; time: string };

/**
 * The next free slots (up to 8) from the chosen day on, as the form's date, time and agent.
 * `moving`: the appointment "Déplacer" moves (its own place does not count as taken).
 */
export const findSlotsAction = memberAction(
  z.object({
    company: z.string().max(100),
    serviceId: z.string().max(100),
    agentId: z.string().max(100).optional(),
    date: z.string().max(10),
    moving: z.string().max(100).optional(),
  }),
  async (input, { caller }): Promise<SlotOption[]> => {
    const company = await getCompanyBySlug(caller, input.company);
    const day = wallClockToInstant(`${input.date}T00:00`, company.timezone) ?? new Date();
    const from = new Date(Math.max(day.getTime(), Date.now()));
    const to = new Date(from.getTime() + 14 * 86_400_000);
    // Moving: the slots fit the appointment as booked (its length and buffers), its own place free.
    const answer = await searchAvailability(
      caller,
      { serviceId: input.serviceId, agentId: input.agentId || undefined, from, to, appointmentId: input.moving || undefined },
      { limit: 8 },
    );
    return answer.data.map((s) => {
      const [date, time] = instantToWallClock(s.start, company.timezone).split("T");
      return { agentId: s.agentId, date, time };
    });
  },
  { readOnly: true },
);
