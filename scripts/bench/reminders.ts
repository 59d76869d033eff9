// `npm run bench:reminders` (or `npm run bench -- --only reminders`): the issue's promise for
// customer messages — "10 000 reminders due in the same minute are all handed to a local
// provider within that minute on this machine, while the API's p99 at 8 callers stays under
// 50 ms" — measured, never asserted.
//
// On PostgreSQL (the server of BENCH_PG_URL; its own database rdv_bench_reminders, made afresh
// and dropped after unless --keep), for each instance count asked (1 and 2): that many API
// processes (`server/index.ts`, RDV_ROLE=api) with their message worker on, as a server runs
// them. Then a company with only the 2-hours-before reminder on and an SMS provider pointing to a
// local receiver that speaks the generic SMS shape (README); N customers and N appointments
// written at once (set-based, each with its creation event, as the change path writes it), all
// starting at the same instant, so the instances' own planner makes N reminders due at the same
// second: the first second of a minute at least `lead` away. No dependence on the hour: the
// company's zone is picked so that minute is daytime on its clock, away from the quiet hours.
//
// The receiver runs in a process of its own (sms-receiver.mjs), so the load generator here does
// not share its event loop with the provider's side of hundreds of sends a second.
//
// Printed per run: the planning time; from the due second, when the receiver got each message
// (the first time), duplicates (a second arrival of a message: must be 0), hand-offs per second,
// p50/p99 due → handed; the messages' states afterwards; and the API at 8 callers (get and list
// in turn, on the first instance) for a few seconds before the due minute (baseline) and while
// the reminders go. `uptime`'s load average is printed too: other work on the machine shows.
//
// --db pglite: the embedded database serves one process, so that process does it all: the worker,
// the API, the receiver and the load generator share one event loop (1 instance only).
//   npm run bench:reminders -- [--reminders 10000] [--instances 1,2] [--callers 8] [--db postgres|pglite]
//                              [--provider-ms 0] [--lead-s S] [--split] [--keep]
// --split: the first instance (which the API load goes to) runs without its message worker
// (MESSAGES_WORKER=0), the others send: the API and the sending on separate instances.
// --provider-ms: the receiver answers after that long, as a provider across the Internet does
// (the message counts as handed when it arrives, but the sender's slot is held until the answer).
//   npm run bench:reminders -- --smoke      # a few reminders, a few seconds: the harness works
import { type ChildProcess, fork } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { type LoadResult, runLoad } from "./load";
import { freePorts, spawnQuiet, stop, waitFor } from "./run";

export type RemindersOptions = {
  reminders: number;
  /** Instance counts to run, one run each (PGlite: 1 only). */
  instances: number[];
  callers: number;
  database: "postgres" | "pglite";
  /** Keep the PostgreSQL database after the runs. */
  keep?: boolean;
  /** The due time this far ahead (ms) at least; then the next minute's first second unless `anyTime`. */
  leadMs?: number;
  /** Due at now + lead, not on a minute boundary (the smoke run: no minute to wait for). */
  anyTime?: boolean;
  /** Baseline API measure before the due time (s). */
  baselineSeconds?: number;
  /** Give up this long after the due time (ms). */
  timeoutMs?: number;
  /** The receiver answers after this long (ms), as a distant provider would; 0 unless told. */
  providerDelayMs?: number;
  /** The first instance (the one the API load goes to) without its message worker: the others send. */
  split?: boolean;
  log?: (line: string) => void;
};

export type RemindersRun = {
  database: "postgres" | "pglite";
  instances: number;
  split: boolean;
  reminders: number;
  /** Appointments written → every reminder planned (by the instances' planner). */
  planningMs: number;
  dueAt: string;
  timeZone: string;
  /** Messages the receiver got at least once. */
  handed: number;
  /** Second (or later) arrivals of a message already handed. */
  duplicates: number;
  /** Due → the last first arrival. */
  dueToLastMs: number;
  handoffsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** The run's messages by state afterwards, and how many took more than one attempt. */
  states: Record<string, number>;
  retried: number;
  api: { baseline: LoadResult | null; whileSending: LoadResult };
  loadAverage: { before: number[]; after: number[] };
};

const BENCH_SECRET = "bench-secret-not-for-production-0123456789abcdef";
const MINUTE = 60_000;
const HOURS_BEFORE = 120;

export async function runRemindersBench(o: RemindersOptions): Promise<RemindersRun[]> {
  const log = o.log ?? ((l: string) => console.log(l));
  process.env.AUTH_SECRET ??= BENCH_SECRET;
  process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";
  const pg = o.database === "postgres" ? await freshDatabase(o.keep ? "rdv_bench_reminders" : `rdv_bench_reminders_${process.pid}`) : undefined;
  if (pg) process.env.DATABASE_URL = pg.url;
  else {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DIR = "memory://";
  }
  const { closeDb } = await import("../../db");
  const runs: RemindersRun[] = [];
  try {
    for (const instances of o.database === "pglite" ? [1] : o.instances) {
      const run = await oneRun(o, instances, log);
      runs.push(run);
      log(summary(run));
    }
  } finally {
    await closeDb();
    await pg?.drop(!o.keep);
  }
  return runs;
}

async function oneRun(o: RemindersOptions, instances: number, log: (l: string) => void): Promise<RemindersRun> {
  const { getDb, executeRows } = await import("../../db");
  const { sql } = await import("drizzle-orm");
  const db = await getDb();
  const loadBefore = os.loadavg();
  const receiver = await startReceiver(o.providerDelayMs ?? 0);
  const servers = await startInstances(o.database, instances, o.split ?? false);
  try {
    // The due second, then everything that depends on it.
    const lead = o.leadMs ?? 30_000 + o.reminders * 8;
    const earliest = Date.now() + lead;
    const due = new Date(o.anyTime ? earliest : Math.ceil(earliest / MINUTE) * MINUTE);
    const start = new Date(due.getTime() + HOURS_BEFORE * MINUTE);
    const timeZone = daytimeZone(due);
    const data = await makeData({ n: o.reminders, start, timeZone, receiverUrl: receiver.url });
    log(`${instances} instance(s) : ${o.reminders} rappels dus à ${due.toISOString()} (${timeZone}, ${localTime(due, timeZone)} sur son horloge)`);

    // The instances' planner turns the new events into reminders (woken by its poll).
    const written = Date.now();
    const planned = async () =>
      (
        await executeRows<{ n: number }>(
          db,
          sql`SELECT count(*)::int AS n FROM messages WHERE app_id = ${data.appId}::uuid AND trigger = 'reminder-hours-before' AND state = 'scheduled'`,
        )
      )[0].n;
    while ((await planned()) < o.reminders) {
      if (Date.now() > due.getTime()) throw new Error(`Planning not done by the due time: ${await planned()}/${o.reminders} reminders; give more lead (--lead-s)`);
      await sleep(200);
    }
    const planningMs = Date.now() - written;
    log(`  planifiés en ${(planningMs / 1000).toFixed(1)} s`);

    const request = requests(data);
    const baselineSeconds = Math.min(o.baselineSeconds ?? 10, (due.getTime() - Date.now() - 1500) / 1000);
    const baseline =
      baselineSeconds >= 0.5 ? await runLoad({ baseUrl: servers.urls[0], concurrency: o.callers, seconds: baselineSeconds, warmupSeconds: 0, next: request }) : null;
    await sleep(due.getTime() - Date.now() - 200);

    // While the reminders go: until the receiver has them all (or the time limit).
    const limit = due.getTime() + (o.timeoutMs ?? 3 * MINUTE);
    const whileSending = await runLoad({
      baseUrl: servers.urls[0],
      concurrency: o.callers,
      seconds: (limit - Date.now()) / 1000,
      warmupSeconds: 0,
      next: request,
      stopWhen: () => receiver.count() >= o.reminders,
    });
    while (receiver.count() < o.reminders && Date.now() < limit) await sleep(100);
    const report = await receiver.report();
    const arrivals = report.arrivals.map((t) => t - due.getTime()).sort((a, b) => a - b);
    const states = Object.fromEntries(
      (
        await executeRows<{ state: string; n: number }>(db, sql`SELECT state, count(*)::int AS n FROM messages WHERE app_id = ${data.appId}::uuid GROUP BY state`)
      ).map((r) => [r.state, r.n]),
    );
    const [{ retried }] = await executeRows<{ retried: number }>(
      db,
      sql`SELECT count(*)::int AS retried FROM messages WHERE app_id = ${data.appId}::uuid AND attempts > 1`,
    );
    const last = arrivals[arrivals.length - 1] ?? NaN;
    return {
      database: o.database,
      instances,
      split: o.split ?? false,
      reminders: o.reminders,
      planningMs,
      dueAt: due.toISOString(),
      timeZone,
      handed: arrivals.length,
      duplicates: report.duplicates,
      dueToLastMs: last,
      handoffsPerSecond: arrivals.length / (Math.max(last, 1) / 1000),
      latencyMs: { p50: pct(arrivals, 50), p99: pct(arrivals, 99), max: last },
      states,
      retried,
      api: { baseline, whileSending },
      loadAverage: { before: loadBefore, after: os.loadavg() },
    };
  } finally {
    await servers.stop();
    await receiver.close();
  }
}

// ——— the data ———

type BenchData = { appId: string; companyId: string; apiKey: string; appointmentIds: string[] };

/**
 * An app with one company (in `timeZone`): messages on with only the 2-hours-before reminder, an
 * SMS provider at the receiver, `n` customers with mobile numbers, `n` appointments at `start`
 * (no agent: they may overlap), each with its creation event; and an API key for the load.
 */
async function makeData(p: { n: number; start: Date; timeZone: string; receiverUrl: string }): Promise<BenchData> {
  const { getDb, executeRows } = await import("../../db");
  const { apps, apiKeys } = await import("../../db/schema");
  const { sql } = await import("drizzle-orm");
  const { systemCaller } = await import("../../lib/auth/caller");
  const { generateApiKey } = await import("../../lib/auth/api-key-secret");
  const { SCOPES } = await import("../../lib/contract/scopes");
  const { MESSAGE_TRIGGERS } = await import("../../lib/contract/messages");
  const { createCompany, createService } = await import("../../lib/catalog");
  const { createAppointment } = await import("../../lib/appointments");
  const { setProvider, updateMessageSettings } = await import("../../lib/messages");
  const db = await getDb();
  const [app] = await db.insert(apps).values({ name: "Bench rappels" }).returning();
  const owner = systemCaller(app.id, "bench");
  const company = await createCompany(owner, { name: "Salon des rappels", timezone: p.timeZone });
  const service = await createService(owner, { companyId: company.id, name: "Coupe", basePrice: 5000, duration: 30 });
  await setProvider(owner, "sms", {
    settings: { url: p.receiverUrl, idPath: "data.id" },
    secrets: { authValue: "Bearer bench", callbackSecret: "bench-callback-secret-0123456789" },
  });
  const triggers = Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, t === "reminder-hours-before"])) as Record<(typeof MESSAGE_TRIGGERS)[number], boolean>;
  await updateMessageSettings(owner, company.id, { enabled: true, triggers, hoursBeforeMinutes: HOURS_BEFORE });
  const { key, prefix, digest } = generateApiKey();
  await db.insert(apiKeys).values({ appId: app.id, name: "bench", prefix, digest, scopes: [...SCOPES], rateLimit: 100_000_000 });

  await executeRows(
    db,
    sql`INSERT INTO customers (app_id, fullname, first_name, telephone)
        SELECT ${app.id}::uuid, 'Cliente ' || g, 'Cliente', '+22507' || lpad(g::text, 8, '0') FROM generate_series(1, ${p.n}::int) g`,
  );
  // The first appointment through the change path: its event is the template of the others'.
  const [first] = await executeRows<{ id: string }>(db, sql`SELECT id FROM customers WHERE app_id = ${app.id}::uuid ORDER BY telephone LIMIT 1`);
  const template = await createAppointment(owner, { serviceId: service.id, customerId: first.id, date: p.start, totalPrice: 5000 });
  const end = new Date(p.start.getTime() + 30 * MINUTE);
  // The others in one statement each, as many transactions of bookings would leave them.
  await executeRows(
    db,
    sql`INSERT INTO appointments (app_id, company_id, service_id, customer_id, date, "end", total_price)
        SELECT ${app.id}::uuid, ${company.id}::uuid, ${service.id}::uuid, c.id, ${p.start.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz, 5000
        FROM customers c WHERE c.app_id = ${app.id}::uuid AND c.id <> ${first.id}::uuid`,
  );
  await executeRows(
    db,
    sql`INSERT INTO appointment_events (app_id, company_id, appointment_id, type, to_status, actor_type, actor_name, data)
        SELECT a.app_id, a.company_id, a.id, 'appointment.created', 'PENDING', 'system', 'bench',
               t.data || jsonb_build_object('id', a.id, 'customerId', c.id,
                 'customer', jsonb_build_object('id', c.id, 'fullname', c.fullname, 'telephone', c.telephone, 'email', c.email))
        FROM appointments a
        JOIN customers c ON c.app_id = a.app_id AND c.id = a.customer_id
        CROSS JOIN (SELECT data FROM appointment_events WHERE app_id = ${app.id}::uuid AND appointment_id = ${template.id}::uuid LIMIT 1) t
        WHERE a.app_id = ${app.id}::uuid AND a.id <> ${template.id}::uuid`,
  );
  const ids = await executeRows<{ id: string }>(db, sql`SELECT id FROM appointments WHERE app_id = ${app.id}::uuid ORDER BY random() LIMIT 1000`);
  return { appId: app.id, companyId: company.id, apiKey: key, appointmentIds: ids.map((r) => r.id) };
}

/** The API load: get an appointment and list the company's first page, in turn. */
function requests(d: BenchData) {
  const base = `/app/${d.appId}/multi-service/appointments`;
  return (i: number) =>
    i % 2 === 0
      ? { path: `${base}/${d.appointmentIds[(i / 2) % d.appointmentIds.length]}`, body: { apiKey: d.apiKey } }
      : { path: `${base}/list`, body: { apiKey: d.apiKey, companyId: d.companyId, limit: 50 } };
}

/** A fixed-offset zone (no summer time) where `at` is between 12:00 and 12:59: far from the quiet hours. */
export function daytimeZone(at: Date): string {
  const offset = 12 - at.getUTCHours();
  const hours = offset > 12 ? offset - 24 : offset;
  // Etc/GMT signs are the POSIX way round: Etc/GMT-3 is UTC+3.
  return hours === 0 ? "Etc/UTC" : `Etc/GMT${hours > 0 ? "-" : "+"}${Math.abs(hours)}`;
}

function localTime(at: Date, timeZone: string): string {
  return at.toLocaleTimeString("fr-FR", { timeZone, hour: "2-digit", minute: "2-digit" });
}

// ——— the provider's stand-in and the instances ———

/** The provider's stand-in in its own process (sms-receiver.mjs); the count of messages it got is refreshed every 100 ms. */
async function startReceiver(delayMs: number) {
  const child = fork(path.join(import.meta.dirname, "sms-receiver.mjs"), [String(delayMs)], { execArgv: [], stdio: ["ignore", "ignore", "inherit", "ipc"] });
  type Said = { port?: number; count?: number; arrivals?: number[]; duplicates?: number };
  let count = 0;
  let onReport: ((r: { arrivals: number[]; duplicates: number }) => void) | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    child.once("exit", () => reject(new Error("the SMS receiver stopped")));
    child.on("message", (m: Said) => {
      if (m.port !== undefined) resolve(m.port);
      if (m.count !== undefined) count = m.count;
      if (m.arrivals) onReport?.({ arrivals: m.arrivals, duplicates: m.duplicates ?? 0 });
    });
  });
  const poll = setInterval(() => child.connected && child.send("count"), 100);
  return {
    url: `http://127.0.0.1:${port}/sms`,
    count: () => count,
    report: () =>
      new Promise<{ arrivals: number[]; duplicates: number }>((resolve) => {
        onReport = resolve;
        child.send("report");
      }),
    close: async () => {
      clearInterval(poll);
      child.removeAllListeners("exit");
      child.disconnect();
    },
  };
}

/**
 * PostgreSQL: `count` API processes with their message worker on (the webhook worker off: no
 * webhooks here). PGlite: the worker and the API in this process.
 */
async function startInstances(database: "postgres" | "pglite", count: number, split: boolean): Promise<{ urls: string[]; stop: () => Promise<void> }> {
  if (database === "pglite") {
    const { startMessageWorker, stopMessageWorker } = await import("../../lib/messages/worker");
    const { api } = await import("../../server/api");
    const { getRequestListener } = await import("@hono/node-server");
    const server = createServer(getRequestListener(api.fetch));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    await startMessageWorker();
    return {
      urls: [`http://127.0.0.1:${(server.address() as AddressInfo).port}`],
      stop: async () => {
        await stopMessageWorker();
        await new Promise<void>((r) => server.close(() => r()));
      },
    };
  }
  const ports = await freePorts(count, Number(process.env.BENCH_PORT_BASE ?? 3600));
  const children: ChildProcess[] = [];
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    HOSTNAME: "127.0.0.1",
    RDV_ROLE: "api",
    MESSAGES_WORKER: "1",
    WEBHOOKS_WORKER: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  try {
    // BENCH_PROFILE_DIR=dir: each instance writes a V8 CPU profile there when it stops.
    const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
    for (const [i, port] of ports.entries()) {
      const worker = split && i === 0 ? { MESSAGES_WORKER: "0" } : {};
      children.push(spawnQuiet([...profile, "--import", "tsx", "--import", "./scripts/register.mjs", "server/index.ts"], { ...env, PORT: String(port), ...worker }));
    }
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    await Promise.all(urls.map((u, i) => waitFor(`${u}/api/health`, children[i])));
    return { urls, stop: () => Promise.all(children.map(stop)).then(() => {}) };
  } catch (err) {
    await Promise.all(children.map(stop));
    throw err;
  }
}

/** The bench's own database on the BENCH_PG_URL server, made afresh. */
async function freshDatabase(name: string) {
  const server = new URL(process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const admin = postgres(server.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async (drop: boolean) => {
      if (drop) await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

// ——— output ———

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

export function summary(r: RemindersRun): string {
  const api = (l: LoadResult | null) => (l ? `${l.rps.toFixed(0)} req/s, p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms${l.errors ? `, ${l.errors} errors` : ""}` : "—");
  return [
    `${r.database}, ${r.instances} instance(s)${r.split ? " (the API's without worker)" : ""}, ${r.reminders} reminders due at ${r.dueAt}:`,
    `  handed ${r.handed}/${r.reminders}, duplicates ${r.duplicates}, due → last hand-off ${(r.dueToLastMs / 1000).toFixed(1)} s, ${r.handoffsPerSecond.toFixed(0)} hand-offs/s`,
    `  due → handed p50 ${(r.latencyMs.p50 / 1000).toFixed(1)} s, p99 ${(r.latencyMs.p99 / 1000).toFixed(1)} s; planning ${(r.planningMs / 1000).toFixed(1)} s`,
    `  states ${JSON.stringify(r.states)}, retried ${r.retried}`,
    `  API (${r.api.whileSending.requests} requests) baseline ${api(r.api.baseline)}; while sending ${api(r.api.whileSending)}`,
    `  load average before ${r.loadAverage.before.map((x) => x.toFixed(2)).join(" ")}, after ${r.loadAverage.after.map((x) => x.toFixed(2)).join(" ")}`,
  ].join("\n");
}

/** The command line (also `npm run bench -- --only reminders …`). */
export async function remindersMain(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      reminders: { type: "string", default: "10000" },
      instances: { type: "string", default: "1,2" },
      callers: { type: "string", default: "8" },
      db: { type: "string", default: "postgres" },
      "lead-s": { type: "string" },
      "provider-ms": { type: "string", default: "0" },
      split: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const smoke = values.smoke;
  const runs = await runRemindersBench({
    reminders: smoke ? 40 : Number(values.reminders),
    instances: smoke ? [1] : values.instances.split(",").map(Number),
    callers: smoke ? 2 : Number(values.callers),
    database: values.db === "pglite" ? "pglite" : "postgres",
    keep: values.keep,
    providerDelayMs: Number(values["provider-ms"]),
    split: values.split,
    ...(values["lead-s"] ? { leadMs: Number(values["lead-s"]) * 1000 } : {}),
    ...(smoke ? { leadMs: 8000, anyTime: true, baselineSeconds: 1, timeoutMs: 60_000 } : {}),
  });
  const root = path.resolve(import.meta.dirname, "../..");
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const file = path.join(root, "bench-results", `reminders-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(runs, null, 2));
  console.log(`\nSaved ${path.relative(root, file)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await remindersMain(process.argv.slice(2));
  process.exit(0);
}
