// The demo's appointments, planned around "now" on the demo's catalog, and their refresh: a
// demo seeded yesterday would show yesterday's day under way, so the first start of a new day
// (or `npm run db:seed -- --refresh`) plans them again around the new now. Written straight
// to the tables, outside the domain's change path: nothing is sent to anyone for the demo.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "../../db";
import * as t from "../../db/schema";
import { filledFieldsSchema, type FilledFields, type ServiceField } from "../contract/fields";
import { localDateKey } from "../contract/dates";
import { fillHistoryDataStatement } from "../appointments/change-sql";
import { computeTotalPrice } from "../contract/pricing";
import { planHistory } from "../messages/plan";
import { DEMO, DEMO_COMPANIES, seededRandom } from "./catalog";
import { DEMO_TIMEZONE, planAgent, planUnassigned, type PlannedAppointment } from "./plan";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";

const COMMUNES = ["Cocody", "Plateau", "Marcory", "Yopougon", "Treichville", "Koumassi", "Adjamé", "Abobo", "Port-Bouët", "Bingerville"];
const NOTES = ["Coupe courte sur les côtés", "Comme la dernière fois", "Première visite", "Arrivera avec sa fille"];
/** Marks the creation events the seed wrote, so a refresh replaces only its own appointments. */
const SEED_ACTOR = { actorType: "system" as const, actorId: "demo-seed", actorName: "Réservation en ligne" };
// Any fixed number: instances starting together refresh the demo one at a time.
const REFRESH_LOCK = ADVISORY_LOCKS.demoRefresh;

/**
 * Plans and writes the demo's appointments for the demo companies as they are in the
 * database. Where an appointment made by someone else holds an agent's slot, the planned one
 * is skipped (the overlap constraint decides).
 */
export async function planDemoAppointments(db: Queryable, now: Date): Promise<number> {
  const appId = DEMO.appId;
  const random = seededRandom(20260115);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const customers = await db
    .select({ id: t.customers.id, telephone: t.customers.telephone, email: t.customers.email })
    .from(t.customers)
    .where(eq(t.customers.appId, appId))
    .orderBy(asc(t.customers.telephone));
  if (customers.length === 0) return 0;

  const plan: PlannedAppointment[] = [];
  for (const demo of DEMO_COMPANIES) {
    const [company] = await db
      .select({ id: t.companies.id })
      .from(t.companies)
      .where(and(eq(t.companies.appId, appId), eq(t.companies.slug, demo.slug)));
    if (!company) continue;
    const services = await db
      .select({ id: t.services.id, slug: t.services.slug, duration: t.services.duration, basePrice: t.services.basePrice, fields: t.services.fields })
      .from(t.services)
      .where(and(eq(t.services.appId, appId), eq(t.services.companyId, company.id), eq(t.services.isActive, true)))
      .orderBy(asc(t.services.slug));
    const agents = await db
      .select({ id: t.agents.id, fullname: t.agents.fullname })
      .from(t.agents)
      .where(and(eq(t.agents.appId, appId), eq(t.agents.companyId, company.id), eq(t.agents.isActive, true)));
    const performs = agents.length
      ? await db
          .select({ agentId: t.agentServices.agentId, serviceId: t.agentServices.serviceId })
          .from(t.agentServices)
          .where(and(eq(t.agentServices.appId, appId), inArray(t.agentServices.agentId, agents.map((a) => a.id))))
      : [];
    // The catalog's order of agents, so the plan is the same on every refresh.
    const rank = (name: string) => {
      const i = demo.agents.findIndex((a) => a.fullname === name);
      return i < 0 ? demo.agents.length : i;
    };
    agents.sort((a, b) => rank(a.fullname) - rank(b.fullname) || a.fullname.localeCompare(b.fullname));
    agents.forEach((agent, i) => {
      const own = services.filter((s) => performs.some((p) => p.agentId === agent.id && p.serviceId === s.id));
      if (own.length === 0) return;
      plan.push(...planAgent({ companyId: company.id, agentId: agent.id, services: own, now, random, anchorNow: i === 0 }));
    });
    if (services.length) plan.push(...planUnassigned({ companyId: company.id, services, now, random }));
  }

  const rows = plan.map((p) => {
    const customer = pick(customers);
    const filledFields = fillFields(p.service.fields, { customer, date: p.date, random });
    return {
      row: {
        appId,
        id: randomUUID(),
        companyId: p.companyId,
        serviceId: p.service.id,
        customerId: customer.id,
        agentId: p.agentId,
        date: p.date,
        end: p.end,
        totalPrice: computeTotalPrice(p.service, filledFields),
        commune: random() < 0.8 ? pick(COMMUNES) : null,
        filledFields,
        status: p.status,
        createdAt: p.history[0].at,
        updatedAt: p.history[p.history.length - 1].at,
      },
      history: p.history,
    };
  });

  let written = 0;
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    const inserted = new Set(
      (await db.insert(t.appointments).values(chunk.map((c) => c.row)).onConflictDoNothing().returning({ id: t.appointments.id })).map((r) => r.id),
    );
    const events = chunk
      .filter((c) => inserted.has(c.row.id))
      .flatMap((c) =>
        c.history.map((e) => ({
          appId,
          companyId: c.row.companyId,
          appointmentId: c.row.id,
          type: e.from === null ? ("appointment.created" as const) : ("appointment.status_changed" as const),
          // Filled below from the appointment; never sent out (nothing is sent for the demo).
          data: {},
          published: false,
          fromStatus: e.from,
          toStatus: e.to,
          reason: e.reason ?? null,
          at: e.at,
          ...(e.from === null ? SEED_ACTOR : { actorType: "user" as const, actorId: null, actorName: DEMO.owner.name }),
        })),
      );
    if (events.length) await db.insert(t.appointmentEvents).values(events);
    written += inserted.size;
  }
  await db.execute(fillHistoryDataStatement(appId));
  // Each appointment's messages, as the planner would have made them along its history.
  await planHistory(db, appId, now);
  await db
    .insert(t.demoPlans)
    .values({ appId, plannedAt: now })
    .onConflictDoUpdate({ target: t.demoPlans.appId, set: { plannedAt: now } });
  return written;
}

/**
 * Plans the demo's appointments again around `now` when they were planned on an earlier day
 * (on the demo's clock), or always with `force`. Appointments made by people or programs in
 * the demo stay; the seed's own are replaced. Answers whether it replanned.
 */
export async function refreshDemo(db: Queryable, now = new Date(), { force = false } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const [app] = await tx.select({ id: t.apps.id }).from(t.apps).where(eq(t.apps.id, DEMO.appId));
    if (!app) return false;
    const [planned] = await tx.select().from(t.demoPlans).where(eq(t.demoPlans.appId, DEMO.appId));
    if (!force && planned && localDateKey(planned.plannedAt, DEMO_TIMEZONE) >= localDateKey(now, DEMO_TIMEZONE)) return false;
    await tx.execute(sql`
      DELETE FROM appointments a
      USING appointment_events e
      WHERE a.app_id = ${DEMO.appId}::uuid AND e.app_id = a.app_id AND e.appointment_id = a.id
        AND e.from_status IS NULL AND e.actor_type = 'system'`);
    await planDemoAppointments(tx, now);
    return true;
  });
}

function fillFields(
  fields: ServiceField[],
  ctx: { customer: { telephone: string; email: string | null }; date: Date; random: () => number },
): FilledFields {
  const { random } = ctx;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (!f.required && random() < 0.5) continue;
    switch (f.type) {
      case "select":
        out[f.name] = f.options[Math.floor(random() * f.options.length)].value;
        break;
      case "multipleSelect":
        out[f.name] = f.options.filter(() => random() < 0.4).map((o) => o.value);
        break;
      case "number":
        out[f.name] = f.name === "nombre_personnes" ? 1 + Math.floor(random() * 3) : f.name === "age" ? 18 + Math.floor(random() * 45) : 20 + Math.floor(random() * 40);
        break;
      case "text":
        out[f.name] = NOTES[Math.floor(random() * NOTES.length)].slice(0, f.maxLength ?? 200);
        break;
      case "phone":
        out[f.name] = ctx.customer.telephone;
        break;
      case "email":
        if (ctx.customer.email) out[f.name] = ctx.customer.email;
        break;
      case "date":
        out[f.name] = new Date(ctx.date.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
        break;
    }
  }
  return filledFieldsSchema(fields).parse(out);
}
