// Demo data: one app, two companies of Abidjan, their catalog, a client book and about 300
// appointments over the last and next two weeks in every status, each with its history.
// Runs on the first start of an empty embedded database, and with `npm run db:seed`.
import { TZDate } from "@date-fns/tz";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../index";
import * as t from "../schema";
import { filledFieldsSchema, serviceFieldsSchema, type FilledFields, type ServiceField } from "../../lib/catalog/fields";
import { computeTotalPrice } from "../../lib/pricing";
import { digestApiKey } from "../../lib/auth/api-key-secret";
import { hashPassword } from "../../lib/auth/password";
import { SCOPES } from "../../lib/auth/scopes";
import type { AppointmentStatus } from "../../lib/appointments/status";
import { DEMO, DEMO_COMPANIES, demoCustomers, seededRandom } from "./demo-catalog";

const TIMEZONE = "Africa/Abidjan";
const COMMUNES = ["Cocody", "Plateau", "Marcory", "Yopougon", "Treichville", "Koumassi", "Adjamé", "Abobo", "Port-Bouët", "Bingerville"];
const CANCEL_REASONS = ["Empêchement du client", "Client malade", "Reporté à la semaine prochaine", "Agent absent", null];
const NOTES = ["Coupe courte sur les côtés", "Comme la dernière fois", "Première visite", "Arrivera avec sa fille"];

export async function seedDemoIfEmpty(db: Db): Promise<void> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t.apps);
  if (Number(row.n) > 0) return;
  await seedDemo(db);
  printDemoBanner();
}

export function printDemoBanner(): void {
  console.log(
    [
      "",
      "  Rendez-vous — données de démonstration créées",
      `  App id     : ${DEMO.appId}`,
      `  Connexion  : ${DEMO.owner.email} / ${DEMO.owner.password}`,
      `  Accueil spa: ${DEMO.staff.email} / ${DEMO.staff.password}`,
      `  Clé API    : ${DEMO.apiKey}`,
      "",
    ].join("\n"),
  );
}

/** Removes the demo app and everything under it (not the users, who may belong elsewhere). */
export async function deleteDemo(db: Db): Promise<void> {
  await db.delete(t.apps).where(eq(t.apps.id, DEMO.appId));
}

export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const random = seededRandom(20260115);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const appId = DEMO.appId;
  const [ownerHash, staffHash] = await Promise.all([hashPassword(DEMO.owner.password), hashPassword(DEMO.staff.password)]);

  await db.transaction(async (tx) => {
    await tx.insert(t.apps).values({ id: appId, name: DEMO.appName });

    const customers = await tx
      .insert(t.customers)
      .values(demoCustomers(random).map((c) => ({ ...c, appId })))
      .returning();

    const plan: PlannedAppointment[] = [];
    const companyIds: Record<string, string> = {};
    for (const demo of DEMO_COMPANIES) {
      const { services: demoServices, agents: demoAgents, ...companyData } = demo;
      const [company] = await tx
        .insert(t.companies)
        .values({ ...companyData, appId, timezone: TIMEZONE, currency: "XOF" })
        .returning();
      companyIds[demo.slug] = company.id;

      const services = await tx
        .insert(t.services)
        .values(demoServices.map((s) => ({ ...s, fields: serviceFieldsSchema.parse(s.fields), appId, companyId: company.id })))
        .returning();
      const serviceBySlug = new Map(services.map((s) => [s.slug, s]));

      const agents = await tx
        .insert(t.agents)
        .values(demoAgents.map(({ services: _, ...a }) => ({ ...a, appId, companyId: company.id })))
        .returning();
      await tx.insert(t.agentServices).values(
        demoAgents.flatMap((a, i) =>
          a.services.map((slug) => ({ appId, companyId: company.id, agentId: agents[i].id, serviceId: serviceBySlug.get(slug)!.id })),
        ),
      );

      for (let i = 0; i < agents.length; i++) {
        const agentServices = demoAgents[i].services.map((slug) => serviceBySlug.get(slug)!);
        plan.push(...planAgentDays({ companyId: company.id, agentId: agents[i].id, services: agentServices, now, random }));
      }
      // Walk-ins nobody has taken yet: no agent.
      plan.push(...planUnassigned({ companyId: company.id, services, now, random }));
    }

    const appointmentRows = plan.map((p) => {
      const customer = pick(customers);
      const filledFields = fillFields(p.service.fields, { customer, date: p.date, random });
      const history = historyOf(p.status, p.date, p.end, p.clock, random);
      return {
        row: {
          appId,
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
          createdAt: history[0].at,
          updatedAt: history[history.length - 1].at,
        },
        history,
      };
    });

    for (let i = 0; i < appointmentRows.length; i += 100) {
      const chunk = appointmentRows.slice(i, i + 100);
      const inserted = await tx.insert(t.appointments).values(chunk.map((c) => c.row)).returning({ id: t.appointments.id });
      await tx.insert(t.appointmentEvents).values(
        chunk.flatMap((c, j) =>
          c.history.map((e) => ({
            appId,
            appointmentId: inserted[j].id,
            fromStatus: e.from,
            toStatus: e.to,
            reason: e.reason ?? null,
            at: e.at,
            actorType: e.from === null ? ("system" as const) : ("user" as const),
            actorId: null,
            actorName: e.from === null ? "Réservation en ligne" : DEMO.owner.name,
          })),
        ),
      );
    }

    const [owner, staff] = await Promise.all(
      [
        { ...DEMO.owner, passwordHash: ownerHash },
        { ...DEMO.staff, passwordHash: staffHash },
      ].map(async (u) => {
        await tx
          .insert(t.users)
          .values({ email: u.email, name: u.name, passwordHash: u.passwordHash })
          .onConflictDoNothing({ target: t.users.email });
        const [user] = await tx.select().from(t.users).where(eq(t.users.email, u.email));
        return user;
      }),
    );
    await tx.insert(t.memberships).values([
      { appId, userId: owner.id, role: "owner" },
      { appId, userId: staff.id, role: "staff" },
    ]);
    await tx
      .insert(t.membershipCompanies)
      .values({ appId, userId: staff.id, companyId: companyIds["spa-lagune-plateau"] });

    await tx.insert(t.apiKeys).values({
      appId,
      name: "Clé de démonstration",
      prefix: DEMO.apiKey.slice(0, 12),
      digest: digestApiKey(DEMO.apiKey),
      scopes: [...SCOPES],
    });
  });
}

type SeedService = { id: string; duration: number; basePrice: number; fields: ServiceField[] };
type PlannedAppointment = {
  companyId: string;
  agentId: string | null;
  service: SeedService;
  date: Date;
  end: Date;
  /** "Now" for this appointment's status and history (see dayClock). */
  clock: Date;
  status: AppointmentStatus;
};

const DAYS_BACK = 14;
const DAYS_AHEAD = 14;

function localDay(now: Date, offset: number) {
  const today = new TZDate(now.getTime(), TIMEZONE);
  return { y: today.getFullYear(), m: today.getMonth(), d: today.getDate() + offset };
}

function at(day: { y: number; m: number; d: number }, minutes: number): Date {
  return new Date(new TZDate(day.y, day.m, day.d, Math.floor(minutes / 60), minutes % 60, 0, TIMEZONE).getTime());
}

/** An agent's days: one to three appointments, one after another, never overlapping. */
function planAgentDays(args: {
  companyId: string;
  agentId: string;
  services: SeedService[];
  now: Date;
  random: () => number;
}): PlannedAppointment[] {
  const { random } = args;
  const out: PlannedAppointment[] = [];
  for (let offset = -DAYS_BACK; offset <= DAYS_AHEAD; offset++) {
    const day = localDay(args.now, offset);
    if (new TZDate(at(day, 12 * 60).getTime(), TIMEZONE).getDay() === 0) continue; // closed on Sundays
    const count = offset === 0 ? 3 : 1 + Math.floor(random() * 3);
    let minute = 8 * 60 + 30 + Math.floor(random() * 4) * 15;
    for (let i = 0; i < count; i++) {
      const service = args.services[Math.floor(random() * args.services.length)];
      if (minute + service.duration > 19 * 60) break;
      const date = at(day, minute);
      const end = new Date(date.getTime() + service.duration * 60_000);
      const clock = offset === 0 ? dayClock(day, args.now) : args.now;
      out.push({ companyId: args.companyId, agentId: args.agentId, service, date, end, clock, status: statusFor(date, end, clock, random) });
      minute += service.duration + 15 * (1 + Math.floor(random() * 6));
    }
  }
  return out;
}

function planUnassigned(args: { companyId: string; services: SeedService[]; now: Date; random: () => number }) {
  const out: PlannedAppointment[] = [];
  for (let offset = -2; offset <= 5; offset++) {
    const service = args.services[Math.floor(args.random() * args.services.length)];
    const date = at(localDay(args.now, offset), (10 + Math.floor(args.random() * 7)) * 60);
    const end = new Date(date.getTime() + service.duration * 60_000);
    const clock = offset === 0 ? dayClock(localDay(args.now, 0), args.now) : args.now;
    out.push({ companyId: args.companyId, agentId: null, service, date, end, clock, status: statusFor(date, end, clock, args.random) });
  }
  return out;
}

/**
 * Today's appointments get their statuses from a clock held within opening hours, so the
 * demo shows a day under way (done, running, waiting) at whatever hour it is seeded.
 */
function dayClock(day: { y: number; m: number; d: number }, now: Date): Date {
  return new Date(Math.min(Math.max(now.getTime(), at(day, 11 * 60).getTime()), at(day, 17 * 60).getTime()));
}

/** What a real day looks like: past ones done (or cancelled), the current one running, later ones waiting. */
function statusFor(date: Date, end: Date, now: Date, random: () => number): AppointmentStatus {
  const r = random();
  if (end <= now) return r < 0.82 ? "COMPLETED" : r < 0.95 ? "CANCELLED" : "CONFIRMED";
  if (date <= now) return r < 0.9 ? "IN_PROGRESS" : "CONFIRMED";
  return r < 0.5 ? "PENDING" : r < 0.9 ? "CONFIRMED" : "CANCELLED";
}

type HistoryStep = { from: AppointmentStatus | null; to: AppointmentStatus; at: Date; reason?: string | null };

/** A history that leads to `status` through allowed moves, every step in the past. */
function historyOf(status: AppointmentStatus, date: Date, end: Date, now: Date, random: () => number): HistoryStep[] {
  const hour = 3_600_000;
  const created = new Date(Math.min(date.getTime() - (1 + random() * 96) * hour, now.getTime() - 2 * hour));
  const steps: HistoryStep[] = [{ from: null, to: "PENDING", at: created }];
  const path: Record<AppointmentStatus, AppointmentStatus[]> = {
    PENDING: [],
    CONFIRMED: ["CONFIRMED"],
    IN_PROGRESS: ["CONFIRMED", "IN_PROGRESS"],
    COMPLETED: ["CONFIRMED", "IN_PROGRESS", "COMPLETED"],
    CANCELLED: random() < 0.5 ? ["CANCELLED"] : ["CONFIRMED", "CANCELLED"],
  };
  // Every step strictly after the previous one and before the clock, a second apart at least.
  const limit = now.getTime() - 60_000;
  let last = created.getTime();
  path[status].forEach((to, i) => {
    const remaining = path[status].length - i;
    const target =
      to === "IN_PROGRESS" ? date.getTime() : to === "COMPLETED" ? end.getTime() : last + (0.5 + random() * 6) * hour;
    const stamp = Math.min(Math.max(target, last + 1000), limit - (remaining - 1) * 1000);
    steps.push({
      from: steps[steps.length - 1].to,
      to,
      at: new Date(stamp),
      reason: to === "CANCELLED" ? CANCEL_REASONS[Math.floor(random() * CANCEL_REASONS.length)] : undefined,
    });
    last = stamp;
  });
  return steps;
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
