// Appointments an e2e needs, made through the API at times taken from the real now, so a test
// finds work to do whatever the hour it runs (the demo's own statuses depend on the hour).
import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_APP, DEMO_KEY } from "./accounts";
import { backdate, farAhead, retime } from "./database";

type Booked = { id: string; customer: { fullname: string }; service: { name: string } };

async function call<T>(request: APIRequestContext, path: string, body: object): Promise<T> {
  const res = await request.post(`/app/${DEMO_APP}/multi-service/${path}`, { data: { apiKey: DEMO_KEY, ...body } });
  const json = await res.json();
  expect(json.success, `${path}: ${JSON.stringify(json.error)}`).toBe(true);
  return json.data as T;
}

/**
 * An appointment without agent that started a few minutes ago on the company's clock (at its
 * midnight at the earliest): still to do today, so today is the dashboard's work day, and
 * listed among the next appointments until it ends. An API key may not book a start already
 * past, so it is booked far ahead and moved back as staff would record it (support/database.ts):
 * no wait, whatever the hour.
 */
export async function bookToday(
  request: APIRequestContext,
  company: string,
  status: "PENDING" | "CONFIRMED" | "IN_PROGRESS" = "PENDING",
): Promise<Booked> {
  const target = await companyBySlug(request, company);
  const services = await call<{ id: string; fields: { name: string; required: boolean; type: string; options: { value: string }[] }[] }[]>(
    request,
    "services/list",
    { companyId: target.id, limit: 50 },
  );
  // A service whose required fields are all choices: they can be filled without knowing them.
  const service = services.find((s) => s.fields.every((f) => !f.required || f.type === "select"));
  if (!service) throw new Error(`no simple service in ${company}`);
  const filledFields = Object.fromEntries(service.fields.filter((f) => f.required).map((f) => [f.name, f.options[0].value]));
  const [customer] = await call<{ id: string }[]>(request, "customers/list", { limit: 1 });

  const now = Date.now();
  const midnight = startOfLocalDay(new Date(now), target.timezone).getTime();
  const date = new Date(Math.max(now - 10 * 60_000, midnight));
  const booked = await whileOpen(request, target.id, () =>
    call<Booked>(request, "appointments/create", {
      serviceId: service.id,
      customerId: customer.id,
      date: farAhead().toISOString(),
      filledFields,
      status: status === "PENDING" ? "PENDING" : "CONFIRMED",
    }),
  );
  await backdate(booked.id, date);
  if (status === "IN_PROGRESS") await call(request, `appointments/${booked.id}/status`, { status });
  return booked;
}

/**
 * Starts it at the company's midnight today, running for another hour: the first of today's
 * appointments still to do, ahead of whatever other specs booked a few minutes ago (the home
 * lists the first 8).
 */
export function moveToMidnight(request: APIRequestContext, company: string, id: string): Promise<void> {
  return startFromMidnight(request, company, id, 0);
}

/**
 * Moves an appointment to begin half an hour before the company's midnight and run for another
 * hour: the home lists it among what comes next, but not in the day's counts (they go by start).
 */
export function moveBeforeMidnight(request: APIRequestContext, company: string, id: string): Promise<void> {
  return startFromMidnight(request, company, id, -30);
}

/** Starts it `minutes` from the company's midnight today (in the e2e database), ending an hour from now. */
async function startFromMidnight(request: APIRequestContext, company: string, id: string, minutes: number): Promise<void> {
  const midnight = startOfLocalDay(new Date(), (await companyBySlug(request, company)).timezone);
  await retime(id, new Date(midnight.getTime() + minutes * 60_000), new Date(Date.now() + 60 * 60_000));
}

async function companyBySlug(request: APIRequestContext, slug: string) {
  const companies = await call<{ id: string; slug: string; timezone: string }[]>(request, "companies/list", { limit: 100 });
  const target = companies.find((c) => c.slug === slug);
  if (!target) throw new Error(`no company ${slug}`);
  return target;
}

/**
 * Runs `book` with the company open at all hours, then gives it its hours back: at night or on
 * a closed day the demo companies refuse bookings for now (outside-working-hours), and a test
 * that needs work under way at any hour books it as a manager who forces it would.
 */
async function whileOpen<T>(request: APIRequestContext, companyId: string, book: () => Promise<T>): Promise<T> {
  const hours = await call<{ hours: unknown; minNoticeMinutes: number }>(request, `companies/${companyId}/hours`, {});
  if (hours.hours === null && hours.minNoticeMinutes === 0) return book();
  await call(request, `companies/${companyId}/hours/edit`, { hours: null, minNoticeMinutes: 0 });
  try {
    return await book();
  } finally {
    await call(request, `companies/${companyId}/hours/edit`, { hours: hours.hours, minNoticeMinutes: hours.minNoticeMinutes });
  }
}

/** The instant a zone's current day starts. */
function startOfLocalDay(at: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
    .formatToParts(at)
    .reduce<Record<string, number>>((acc, p) => (p.type === "literal" ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  return new Date(at.getTime() - ((parts.hour * 60 + parts.minute) * 60 + parts.second) * 1000 - at.getMilliseconds());
}
