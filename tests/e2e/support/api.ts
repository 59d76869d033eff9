// Rows a test needs, made through the HTTP API with the demo key, relative to the real now
// (the demo seed's statuses depend on the hour the server started, so tests do not rely on them).
import { expect, type APIRequestContext } from "@playwright/test";
import { DEMO_APP, DEMO_KEY } from "./accounts";

async function call<T>(request: APIRequestContext, path: string, body: Record<string, unknown>): Promise<T> {
  const res = await request.post(`/app/${DEMO_APP}/multi-service/${path}`, { data: { apiKey: DEMO_KEY, ...body } });
  const json = await res.json();
  expect(json.success, `${path}: ${JSON.stringify(json.error)}`).toBe(true);
  return json.data as T;
}

/** A customer of the demo app with a phone number no one else has. */
export async function apiCustomer(request: APIRequestContext, fullname: string) {
  const digits = String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 100)).padStart(2, "0");
  return call<{ id: string; fullname: string }>(request, "customers/create", { fullname, telephone: `+22507${digits}` });
}

/** A service of a demo company by its name. */
export async function apiService(request: APIRequestContext, companySlug: string, name: string) {
  const companies = await call<{ id: string; slug: string }[]>(request, "companies/list", {});
  const companyId = companies.find((c) => c.slug === companySlug)!.id;
  const services = await call<{ id: string; name: string }[]>(request, "services/list", { companyId, search: name });
  return services.find((s) => s.name === name)!;
}

/** An appointment without an agent (no slot to collide with), `daysAhead` days from now at 10:00 UTC. */
export async function apiAppointment(
  request: APIRequestContext,
  input: { serviceId: string; customerId: string; daysAhead: number; filledFields?: Record<string, unknown> },
) {
  const day = new Date(Date.now() + input.daysAhead * 86_400_000).toISOString().slice(0, 10);
  return call<{ id: string; status: string }>(request, "appointments/create", {
    serviceId: input.serviceId,
    customerId: input.customerId,
    date: `${day}T10:00:00Z`,
    filledFields: input.filledFields ?? {},
  });
}

export async function apiStatus(request: APIRequestContext, id: string, status: string, reason?: string) {
  return call<{ id: string; status: string }>(request, `appointments/${id}/status`, { status, reason });
}
