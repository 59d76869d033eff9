// `npm run bench:webhooks`: webhook delivery of N events (10 000) to a local receiver, by this
// process's worker as a server runs it: events per second, and commit → delivery latency
// (median, p99). Events are written in batches (each batch one transaction, like a busy app),
// over 100 appointments, so the per-appointment order holds while endpoints work in parallel.
//   DATABASE_URL=postgres://… npm run bench:webhooks -- [--events 10000] [--batch 100]
// Without DATABASE_URL: a throwaway embedded database in memory.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { events: { type: "string", default: "10000" }, batch: { type: "string", default: "100" } } });
const EVENTS = Number(values.events);
const BATCH = Number(values.batch);
const APPOINTMENTS = 100;

process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";
process.env.WEBHOOKS_POLL_MS ??= "100";
if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";

const { executeRows, getDb, closeDb } = await import("../../db");
const { apps } = await import("../../db/schema");
const { sql } = await import("drizzle-orm");
const { systemCaller } = await import("../../lib/auth/caller");
const { createAgent, createCompany, createCustomer, createService } = await import("../../lib/catalog");
const { createAppointment } = await import("../../lib/appointments");
const { createWebhook } = await import("../../lib/webhooks");
const { startWebhookWorker, stopWebhookWorker } = await import("../../lib/webhooks/background");

// The receiver: notes when each event arrived (the event's own time is in the body).
const latencies: number[] = [];
let firstCommit = Infinity;
let lastDelivery = 0;
const seen = new Set<string>();
let done: () => void;
const finished = new Promise<void>((r) => (done = r));
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const now = Date.now();
    res.writeHead(204).end();
    const id = String(req.headers["webhook-id"]);
    if (seen.has(id)) return;
    seen.add(id);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { data: { occurredAt: string } };
    const at = Date.parse(body.data.occurredAt);
    firstCommit = Math.min(firstCommit, at);
    lastDelivery = Math.max(lastDelivery, now);
    latencies.push(now - at);
    if (seen.size === EVENTS) done();
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
const port = (receiver.address() as AddressInfo).port;

const db = await getDb();
const [app] = await db.insert(apps).values({ name: "Bench webhooks" }).returning();
const owner = systemCaller(app.id, "bench");
const company = await createCompany(owner, { name: "Bench" });
const service = await createService(owner, { companyId: company.id, name: "Coupe", basePrice: 1000, duration: 30 });
const agent = await createAgent(owner, { companyId: company.id, fullname: "Agent", serviceIds: [service.id] });
const { customer } = await createCustomer(owner, { fullname: "Client", telephone: "+2250700000001" });
const ids: string[] = [];
for (let i = 0; i < APPOINTMENTS; i++) {
  const a = await createAppointment(owner, { serviceId: service.id, customerId: customer.id, agentId: agent.id, date: new Date(Date.UTC(2031, 0, 1) + i * 3_600_000) });
  ids.push(a.id);
}
await createWebhook(owner, { url: `http://127.0.0.1:${port}/bench` });
await startWebhookWorker();

const started = Date.now();
// N events written as status-change events of those appointments (a copy of each one's creation
// event: the payload's size is a real one), BATCH per transaction.
for (let written = 0; written < EVENTS; written += BATCH) {
  const n = Math.min(BATCH, EVENTS - written);
  await executeRows(
    db,
    sql`INSERT INTO appointment_events (app_id, company_id, appointment_id, type, from_status, to_status, actor_type, actor_name, data)
        SELECT e.app_id, e.company_id, e.appointment_id, 'appointment.status_changed', 'PENDING', 'PENDING', 'system', 'bench', e.data
        FROM generate_series(0, ${n - 1}) g
        JOIN LATERAL (SELECT * FROM appointment_events x WHERE x.app_id = ${app.id}::uuid AND x.appointment_id = (${sql.param(ids)}::uuid[])[(g % ${APPOINTMENTS}) + 1] ORDER BY x.id LIMIT 1) e ON true`,
  );
}
console.log(`${EVENTS} événements écrits en ${Date.now() - started} ms ; livraison…`);
const timeout = setTimeout(() => {
  console.error(`Délai dépassé : ${seen.size}/${EVENTS} livrés`);
  process.exit(1);
}, 600_000);
await finished;
clearTimeout(timeout);

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
const seconds = (lastDelivery - firstCommit) / 1000;
console.log(
  JSON.stringify(
    {
      database: process.env.DATABASE_URL ? "postgres" : "pglite",
      events: EVENTS,
      eventsPerSecond: Math.round(EVENTS / seconds),
      commitToDeliveryMs: { median: pct(50), p99: pct(99), max: latencies[latencies.length - 1] },
    },
    null,
    2,
  ),
);
const [attempts] = await executeRows<{ latency: number; attempts: number }>(
  db,
  sql`SELECT round(avg(latency_ms))::int AS latency, sum(attempt)::int AS attempts FROM webhook_deliveries WHERE app_id = ${app.id}::uuid`,
);
console.log(`HTTP par tentative : ${attempts.latency} ms en moyenne ; ${attempts.attempts} tentatives`);
await stopWebhookWorker();
receiver.close();
await db.execute(sql`DELETE FROM apps WHERE id = ${app.id}::uuid`);
await closeDb();
process.exit(0);
