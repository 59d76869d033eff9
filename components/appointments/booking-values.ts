// The booking form's values as the server wants them, and the checks made before sending.
import type { ServiceField } from "@/lib/contract/fields";
import { normalizePhone } from "@/lib/contract/phone";

export type Filled = Record<string, string | string[]>;

/** The error key of a service's custom field, as the server names it. */
export const filledKey = (name: string) => `filledFields.${name}`;

const blank = (v: string | string[] | undefined) => v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** The form's strings as the field types expect them (numbers, E.164 phones); blanks left out. */
export function filledForServer(fields: readonly ServiceField[], filled: Filled): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = filled[f.name];
    if (blank(v)) continue;
    if (f.type === "number" && typeof v === "string") out[f.name] = Number(v.replace(",", "."));
    else if (f.type === "phone" && typeof v === "string") out[f.name] = normalizePhone(v) ?? v;
    else out[f.name] = v;
  }
  return out;
}

/**
 * What the form can tell before sending: the choices and fields left empty, and text in a date
 * or time field that is not (yet) a date or a time (`unreadable`, keyed like the errors).
 */
export function localErrors(
  v: { service: { fields: readonly ServiceField[] } | null; customer: unknown; date: string; time: string; filled: Filled; unreadable: Record<string, boolean> },
  words: { required: string; chooseService: string; chooseCustomer: string; unreadableDate: string; unreadableTime: string },
): Record<string, string[]> {
  const e: Record<string, string[]> = {};
  if (!v.service) e.serviceId = [words.chooseService];
  if (!v.customer) e.customerId = [words.chooseCustomer];
  if (!v.date) e.date = [words.required];
  if (!v.time) e.time = [words.required];
  for (const f of v.service?.fields ?? []) {
    if (f.required && blank(v.filled[f.name])) e[filledKey(f.name)] = [words.required];
  }
  for (const key of Object.keys(v.unreadable)) {
    if (v.unreadable[key] && (key === "time" || key === "date" || v.service?.fields.some((f) => filledKey(f.name) === key))) {
      e[key] = [key === "time" ? words.unreadableTime : words.unreadableDate];
    }
  }
  return e;
}

/** Refusals the receptionist can fix, shown next to the control that fixes them. */
export const CODE_FIELDS: Record<string, string> = {
  "agent-unavailable": "agentId",
  "agent-not-found": "agentId",
  "customer-not-found": "customerId",
  "service-not-found": "serviceId",
};

/**
 * Where to go once booked: back where the form was opened (the calendar on the new
 * appointment's day with its drawer; a customer's page lists it first), else the appointments
 * of that day with its drawer.
 */
export function bookedHref(company: string, booked: { id: string; day: string }, returnTo: string | undefined, origin: string): string {
  if (!returnTo) return `/c/${company}/appointments?range=custom&from=${booked.day}&to=${booked.day}&appointment=${booked.id}`;
  const back = new URL(returnTo, origin);
  if (back.pathname.endsWith("/calendar")) {
    back.searchParams.set("date", booked.day);
    back.searchParams.set("appointment", booked.id);
  }
  return `${back.pathname}${back.search}`;
}
