// A busy company for the calendar's load check: 12 agents and 500 appointments in the current
// week (Monday to Saturday, 08:00–19:00), every status, plus "created" events so the drawer
// has a history. Rows go in by batch (the domain's one-by-one booking is not what is tested).
import { and, eq } from "drizzle-orm";
import { getDb } from "../../../db";
import { appointmentEvents, appointments, customers } from "../../../db/schema";
import { fillHistoryDataStatement } from "../../../lib/appointments/change-sql";
import { systemCaller } from "../../../lib/auth/caller";
import { ACTIVE_STATUSES, type AppointmentStatus } from "../../../lib/contract/status";
import { createAgent, createCompany, createService } from "../../../lib/catalog";
import { weekRange } from "../../../lib/contract/dates";
import { DEMO } from "../../../lib/demo/catalog";
import { DENSE } from "./accounts";

const FIRST_NAMES = ["Awa", "Koffi", "Mariam", "Aminata", "Yao", "Fatou", "Ibrahim", "Adjoua", "Serge", "Christelle", "Moussa", "Aya"];
const LAST_NAMES = ["Koné", "Kouassi", "Traoré", "Bamba", "Coulibaly", "N'Guessan", "Diabaté", "Ouattara", "Yao", "Touré", "Gbagbo", "Aké"];

export async function addDenseCompany(now = new Date()) {
  const caller = systemCaller(DEMO.appId);
  const company = await createCompany(caller, { name: DENSE.name, slug: DENSE.slug, timezone: "Africa/Abidjan", currency: "XOF" });
  const services = [];
  for (const [name, duration, basePrice] of [
    ["Coupe express", 30, 3000],
    ["Brushing", 45, 6000],
    ["Tresses courtes", 60, 12000],
    ["Manucure", 30, 5000],
  ] as const) {
    services.push(await createService(caller, { companyId: company.id, name, duration, basePrice }));
  }
  const agents = [];
  for (let i = 0; i < 12; i++) {
    const fullname = `${FIRST_NAMES[i]} ${LAST_NAMES[(i * 5) % LAST_NAMES.length]}`;
    agents.push(await createAgent(caller, { companyId: company.id, fullname, serviceIds: services.map((s) => s.id) }));
  }

  const db = await getDb();
  const book = await db.select({ id: customers.id }).from(customers).where(eq(customers.appId, DEMO.appId)).limit(80);
  const week = weekRange(now, "Africa/Abidjan");
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

  const rows: (typeof appointments.$inferInsert)[] = [];
  outer: for (let day = 0; day < 6; day++) {
    for (const agent of agents) {
      // Back to back from 08:00 with short gaps: about seven a day each.
      let minute = 8 * 60 + Math.floor(random() * 3) * 15;
      for (let n = 0; n < 7 && minute < 18 * 60; n++) {
        const service = services[Math.floor(random() * services.length)];
        const date = new Date(week.start.getTime() + (day * 24 * 60 + minute) * 60_000);
        const end = new Date(date.getTime() + service.duration * 60_000);
        const status: AppointmentStatus =
          end <= now
            ? random() < 0.85
              ? "COMPLETED"
              : "CANCELLED"
            : date <= now
              ? "IN_PROGRESS"
              : ([...ACTIVE_STATUSES.slice(0, 2), "CANCELLED"] as const)[Math.floor(random() * 2.2)];
        rows.push({
          appId: DEMO.appId,
          companyId: company.id,
          serviceId: service.id,
          customerId: book[Math.floor(random() * book.length)].id,
          agentId: agent.id,
          date,
          end,
          totalPrice: service.basePrice,
          status,
        });
        if (rows.length === 500) break outer;
        minute += service.duration + 15 * Math.floor(random() * 3);
      }
    }
  }
  for (let i = 0; i < rows.length; i += 100) {
    const inserted = await db.insert(appointments).values(rows.slice(i, i + 100)).returning({ id: appointments.id, status: appointments.status });
    await db.insert(appointmentEvents).values(
      inserted.map((a) => ({
        appId: DEMO.appId,
        companyId: company.id,
        appointmentId: a.id,
        type: "appointment.created" as const,
        data: {},
        published: false,
        fromStatus: null,
        toStatus: a.status,
        actorType: "system" as const,
        actorName: "Import",
      })),
    );
  }
  await db.execute(fillHistoryDataStatement(DEMO.appId));
  const count = await db.$count(appointments, and(eq(appointments.appId, DEMO.appId), eq(appointments.companyId, company.id)));
  return { company, count };
}
