// The demo app's HTTP API, as a booking program uses it: tests that need appointments at a
// time relative to now create them, rather than rely on the demo seed's statuses (which depend
// on the hour the seed ran).
import { type APIRequestContext, expect } from "@playwright/test";
import { DEMO } from "../../../lib/demo/catalog";
import { PARIS } from "./accounts";
import { backdate, farAhead } from "./database";
import { openDay } from "./days";

type Booked = { id: string; date: string; end: string; status: string };

export class DemoApi {
  constructor(private readonly request: APIRequestContext) {}

  async call<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
    const res = await this.request.post(`/app/${DEMO.appId}/multi-service/${path}`, { data: { apiKey: DEMO.apiKey, ...body } });
    const json = await res.json();
    expect(json.success, `${path}: ${JSON.stringify(json.error)}`).toBe(true);
    return json.data as T;
  }

  /** The Paris company (tests/e2e/support/paris-company.ts): its id, its one service and agent. */
  async paris() {
    const companies = await this.call<{ id: string; slug: string }[]>("companies/list");
    const company = companies.find((c) => c.slug === PARIS.slug)!;
    const [service] = await this.call<{ id: string }[]>("services/list", { companyId: company.id, search: PARIS.service });
    const [agent] = await this.call<{ id: string }[]>("agents/list", { companyId: company.id, search: PARIS.agent });
    return { companyId: company.id, serviceId: service.id, agentId: agent.id };
  }

  /**
   * A fresh agent of the Paris company who performs its service, working `hours` every day
   * (null: following the company, open at all times); `done` deactivates them, so other specs
   * see no change.
   */
  async parisAgent(label: string, hours: { start: string; end: string }[] | null) {
    const paris = await this.paris();
    const name = `${label} ${Date.now() % 100000}`;
    const agent = await this.call<{ id: string }>("agents/create", { companyId: paris.companyId, fullname: name, serviceIds: [paris.serviceId] });
    if (hours) {
      const schedule = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, hours]));
      await this.call(`agents/${agent.id}/schedule/edit`, { schedule });
    }
    return { ...paris, id: agent.id, name, done: () => this.call(`agents/${agent.id}/edit`, { isActive: false }) };
  }

  /** Customers of the demo's client book: id and name. */
  async customers(limit: number) {
    return this.call<{ id: string; fullname: string }[]>("customers/list", { limit });
  }

  /**
   * A Paris "Barbe" (30 minutes) at `date`, unassigned unless an agent is given. A start already
   * past (the API refuses it) is booked unassigned far ahead, then moved back in the database as
   * the dashboard's staff would record it (support/database.ts).
   */
  async bookParis(p: { serviceId: string; customerId: string; date: Date; agentId?: string }): Promise<Booked> {
    const past = p.date.getTime() < Date.now() + 60_000;
    if (past && p.agentId) throw new Error("bookParis: a start already past is booked without an agent");
    // The Paris company is open at all hours: far ahead is always bookable.
    const booked = await this.call<Booked>("appointments/create", {
      serviceId: p.serviceId,
      customerId: p.customerId,
      agentId: p.agentId,
      date: (past ? farAhead() : p.date).toISOString(),
      filledFields: { style: "courte" },
    });
    return past ? { ...booked, ...(await backdate(booked.id, p.date)) } : booked;
  }

  /** Moves an appointment through the statuses given, in order (e.g. CONFIRMED, IN_PROGRESS). */
  async move(id: string, ...statuses: string[]) {
    for (const status of statuses) await this.call(`appointments/${id}/status`, { status });
  }
}

/** "YYYY-MM-DDTHH:mm" of an instant on a zone's clock. */
export function wallClock(at: Date | string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The instant of a wall-clock time in Paris (no DST change at the hours the tests pick). */
export function parisInstant(wall: string): Date {
  const guess = new Date(`${wall}:00Z`);
  const shown = wallClock(guess, "Europe/Paris");
  return new Date(guess.getTime() - (new Date(`${shown}:00Z`).getTime() - guess.getTime()));
}

// Function-style helpers for one-off rows.
async function call<T>(request: APIRequestContext, path: string, body: Record<string, unknown>): Promise<T> {
  return new DemoApi(request).call<T>(path, body);
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

/** An appointment without an agent (no slot to collide with), `daysAhead` days from now (a Monday for a Sunday) at 10:00 UTC. */
export async function apiAppointment(
  request: APIRequestContext,
  input: { serviceId: string; customerId: string; daysAhead: number; filledFields?: Record<string, unknown> },
) {
  // Off Sunday: the demo companies are closed then.
  const day = openDay(input.daysAhead);
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
