// `npm run bench:scheduling`: the free-slot search and moves on a realistic salon, through the
// API (an API-only process, as `npm run start:api`) and, for the search, in process too.
//   npm run bench:scheduling -- [--runs 3] [--seconds 5] [--history-days 365] [--only search|move] [--smoke]
// The salon: 20 agents (6 with their own week), opening hours with a lunch break, time off and
// extra hours in the busy weeks, 8 services with buffers, a year of history and four busy weeks
// ahead (about 80 % of the working time booked). Each figure at 1 and 8 callers:
//   - search: one agent over a week; a service over one day (its 12–13 agents); a service over a
//     week (every agent who performs it): p50/p99 per search, in process and through the API;
//   - move (reschedule through the API): appointments of the busy weeks moved into free slots
//     (planned so that no two take the same place: conflicts there are races of the run), then
//     "contended": groups of 8 moves aimed at one free slot (one wins, the others must answer
//     agent-unavailable): answers counted by code, the conflict rate beside the latency.
// It fills its own database (rdv_bench_sched on BENCH_PG_URL's server), refilled on every run
// (the busy weeks are dated from today). Results print as tables and are saved under
// bench-results/. `--smoke` (tests/bench/scheduling.test.ts): tiny data, to keep it working.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { generateApiKey } from "../../lib/auth/api-key-secret";
import type { WeeklyHours } from "../../lib/contract/hours";
import { SCOPES } from "../../lib/contract/scopes";
import { seededRandom } from "../../lib/demo/catalog";
import { addDays, type HoursSpec, instantAt, localDateOf, minutesOpenOn, weekdayOf } from "../../lib/scheduling/hours-math";
import { type CallOutcome, httpClient, type LoadResult, runCalls } from "./load";
import { freePorts, median, processCpuMs, spawnQuiet, spread, stop, waitFor } from "./run";

const root = path.resolve(import.meta.dirname, "../..");
const TZ = "Africa/Abidjan";
const DAY_MS = 86_400_000;

export type SearchName = "one agent, one week" | "one service, one day" | "one service, one week";
export type MoveName = "move to a free slot" | "move, contended (8 to one slot)";
type Run = LoadResult & { labels: Record<string, number> };
export type SchedulingReport = {
  startedAt: string;
  machine: { cpus: number; node: string; postgres: string; loadBefore: number[]; loadAfter: number[] };
  data: { agents: number; services: number; appointments: number; busyWeekAppointments: number; timeOff: number; busyFrom: string };
  searches: { name: SearchName; target: "in process" | "api"; concurrency: number; runs: Run[]; slotsPerAnswer: number }[];
  moves: { name: MoveName; concurrency: number; runs: Run[] }[];
  /** Searches whose API answer differs from the same search in process (should be none). */
  differingAnswers: string[];
};

// ——— the salon ———

const h = (start: string, end: string) => ({ start, end });
/** The company: Monday to Friday with a lunch break, Saturday shorter, closed on Sunday. */
const COMPANY_WEEK: WeeklyHours = {
  ...Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [h("08:00", "12:30"), h("13:30", "19:00")]])),
  sat: [h("09:00", "17:00")],
};
/** Agents with their own week (every third one). */
const OWN_WEEKS: WeeklyHours[] = [
  Object.fromEntries(["tue", "wed", "thu", "fri", "sat"].map((d) => [d, [h("09:00", "13:00"), h("14:00", "18:00")]])),
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [h("07:30", "12:00"), h("13:00", "16:00")]])),
  { ...Object.fromEntries(["wed", "thu", "fri"].map((d) => [d, [h("12:00", "20:00")]])), sat: [h("08:00", "14:00")] },
];
const SERVICES = [
  { name: "Coupe homme", duration: 30, before: 0, after: 10, price: 3000, kind: "hair" },
  { name: "Coupe femme", duration: 45, before: 0, after: 15, price: 6000, kind: "hair" },
  { name: "Brushing", duration: 45, before: 5, after: 10, price: 5000, kind: "hair" },
  { name: "Coloration", duration: 90, before: 10, after: 20, price: 15000, kind: "hair" },
  { name: "Tresses", duration: 120, before: 10, after: 15, price: 20000, kind: "hair" },
  { name: "Manucure", duration: 40, before: 5, after: 10, price: 7000, kind: "care" },
  { name: "Pédicure", duration: 50, before: 5, after: 10, price: 8000, kind: "care" },
  { name: "Soin du visage", duration: 60, before: 10, after: 15, price: 12000, kind: "care" },
] as const;

type Agent = { id: string; index: number; schedule: WeeklyHours | null; services: number[] };
type TimeOffRow = { agentId: string; kind: "off" | "extra"; startDate: string; endDate: string; startTime: string | null; endTime: string | null };

function makeAgents(count: number): Agent[] {
  return Array.from({ length: count }, (_, i) => {
    // Seven in ten do hair (four or five of its services), the rest nails and face.
    const hair = i < Math.ceil(count * 0.7);
    const services = hair ? [0, 1, 2, 3, 4].filter((s) => (s + i) % 5 !== 0 || i % 2 === 0) : [5, 6, 7];
    return { id: randomUUID(), index: i, schedule: i % 3 === 2 ? OWN_WEEKS[i % OWN_WEEKS.length] : null, services };
  });
}

/** Time off and extra hours in the busy weeks (days counted from their first Monday). */
function makeTimeOff(agents: Agent[], busyMonday: string, weeks: number): TimeOffRow[] {
  const out: TimeOffRow[] = [];
  const day = (n: number) => addDays(busyMonday, n);
  agents.forEach((a, i) => {
    for (let w = 0; w < weeks; w++) {
      const d = w * 7;
      if (i % 7 === 1) out.push({ agentId: a.id, kind: "off", startDate: day(d + ((i + w) % 6)), endDate: day(d + ((i + w) % 6)), startTime: null, endTime: null });
      if (i % 7 === 4 && w % 2 === 0) out.push({ agentId: a.id, kind: "off", startDate: day(d), endDate: day(d + 1), startTime: null, endTime: null });
      if (i % 5 === 2) out.push({ agentId: a.id, kind: "off", startDate: day(d + 3), endDate: day(d + 3), startTime: "10:00", endTime: "12:00" });
      if (i % 6 === 3) out.push({ agentId: a.id, kind: "off", startDate: day(d + 1), endDate: day(d + 1), startTime: "15:00", endTime: "19:00" });
      if (i % 9 === 0) out.push({ agentId: a.id, kind: "extra", startDate: day(d + 5), endDate: day(d + 5), startTime: "17:00", endTime: "19:00" });
    }
  });
  return out;
}

type NewAppointment = {
  agentId: string;
  service: number;
  date: Date;
  end: Date;
  status: "PENDING" | "CONFIRMED" | "COMPLETED" | "CANCELLED";
};

/**
 * Each agent's days from `firstDay` to `lastDay`, filled within their hours (time off
 * included) with back-to-back bookings and gaps: a booking's buffers stay inside the hours and
 * never overlap another's, as the database and the booking rule demand.
 */
function makeAppointments(agents: Agent[], timeOff: TimeOffRow[], firstDay: string, lastDay: string, fill: (day: string) => number, today: string, rnd: () => number) {
  const out: NewAppointment[] = [];
  for (const a of agents) {
    const spec: HoursSpec = { timezone: TZ, weekly: a.schedule ?? COMPANY_WEEK, exceptions: timeOff.filter((t) => t.agentId === a.id) };
    for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
      const share = fill(day);
      for (const open of minutesOpenOn(spec, day)) {
        let t = open.start;
        while (t < open.end) {
          const s = a.services[Math.floor(rnd() * a.services.length)];
          const svc = SERVICES[s];
          const block = svc.before + svc.duration + svc.after;
          if (t + block > open.end) break;
          if (rnd() < share) {
            const date = new Date(instantAt(day, t + svc.before, TZ));
            const r = rnd();
            const status = day < today ? (r < 0.9 ? "COMPLETED" : "CANCELLED") : r < 0.45 ? "PENDING" : r < 0.96 ? "CONFIRMED" : "CANCELLED";
            out.push({ agentId: a.id, service: s, date, end: new Date(date.getTime() + svc.duration * 60_000), status });
            t += block;
          } else {
            t += 15;
          }
        }
      }
    }
  }
  return out;
}

// ——— the bench ———

export async function runSchedulingBench(options: {
  runs: number;
  seconds: number;
  smoke?: boolean;
  historyDays?: number;
  /** Only the searches or only the moves. */
  only?: "search" | "move";
  log?: (line: string) => void;
}): Promise<SchedulingReport> {
  const log = options.log ?? ((l: string) => console.log(l));
  const smoke = !!options.smoke;
  const loadBefore = os.loadavg();
  const dbName = smoke ? `rdv_bench_sched_smoke_${process.pid}` : "rdv_bench_sched";
  const serverUrl = new URL(process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;
  const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${dbName}"`);
  const sql = postgres(dbUrl.toString(), { max: 4, onnotice: () => {} });
  const children: ReturnType<typeof spawnQuiet>[] = [];
  // The domain, in this process, on the bench database (imported once DATABASE_URL names it).
  process.env.DATABASE_URL = dbUrl.toString();
  const { closeDb, getDb } = await import("../../db");
  try {
    await getDb(); // migrates, as a deployment's first start does
    const fixture = await fill(sql, { smoke, historyDays: options.historyDays ?? (smoke ? 14 : 365), log });
    const { searchAvailability } = await import("../../lib/scheduling/availability");
    const { systemCaller } = await import("../../lib/auth/caller");
    const owner = systemCaller(fixture.appId, "bench");

    const [apiPort] = await freePorts(1, Number(process.env.BENCH_PORT_BASE ?? 3600));
    const env = {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      NODE_ENV: "production" as const,
      HOSTNAME: "127.0.0.1",
      PORT: String(apiPort),
      RDV_ROLE: "api",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789abcdef",
      // Background workers wake on every event (each move): not part of what is measured.
      WEBHOOKS_WORKER: "0",
      MESSAGES_WORKER: "0",
    };
    children.push(spawnQuiet(["--import", "tsx", "--import", "./scripts/register.mjs", "server/index.ts"], env));
    const api = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${api}/api/health`, children[0]);
    const base = `/app/${fixture.appId}/multi-service`;

    // ——— searches ———
    const searches = searchInputs(fixture);
    const differingAnswers: string[] = [];
    const client = httpClient(api, 8);
    for (const [name, input] of Object.entries(searches) as [SearchName, (i: number) => SearchInput][]) {
      const q = input(0);
      const local = await searchAvailability(owner, q);
      const remote = await client.send({ path: `${base}/availability/search`, body: { apiKey: fixture.apiKey, ...q } }, true);
      const wire = JSON.parse(remote.body) as { data: { agentId: string; start: string }[] };
      const same = remote.status === 200 && JSON.stringify(wire.data.map((s) => [s.agentId, s.start])) === JSON.stringify(local.data.map((s) => [s.agentId, s.start.toISOString()]));
      if (!same) differingAnswers.push(name);
    }
    client.close();
    const results: SchedulingReport["searches"] = [];
    const inProcess = (input: (i: number) => SearchInput, slots: number[]) => async (i: number): Promise<CallOutcome> => {
      try {
        const answer = await searchAvailability(owner, input(i));
        slots.push(answer.data.length);
        return { ok: true, label: "ok" };
      } catch (err) {
        return { ok: false, label: (err as { code?: string }).code ?? "error" };
      }
    };
    for (const [name, input] of Object.entries(searches) as [SearchName, (i: number) => SearchInput][]) {
      if (options.only === "move") break;
      // Warm both up (JIT, each pooled connection's statements) before measuring.
      const warm = smoke ? 0.1 : 2;
      await runCalls({ concurrency: 8, seconds: warm, call: inProcess(input, []) });
      await httpRuns(api, 8, warm, 0, (i) => ({ path: `${base}/availability/search`, body: { apiKey: fixture.apiKey, ...input(i) } }));
      for (const concurrency of [1, 8]) {
        const local: Run[] = [];
        const remote: Run[] = [];
        const slots: number[] = [];
        for (let run = 0; run < options.runs; run++) {
          // Alternate, so a slow moment of the machine weighs on both.
          local.push(await runCalls({ concurrency, seconds: options.seconds, warmupSeconds: smoke ? 0.05 : 0.5, call: inProcess(input, slots) }));
          remote.push(
            await httpRuns(api, concurrency, options.seconds, smoke ? 0.05 : 0.5, (i) => ({ path: `${base}/availability/search`, body: { apiKey: fixture.apiKey, ...input(i) } }), processCpuMs(children[0])),
          );
        }
        const perAnswer = slots.length ? slots.reduce((a, b) => a + b, 0) / slots.length : 0;
        results.push({ name, target: "in process", concurrency, runs: local, slotsPerAnswer: perAnswer });
        results.push({ name, target: "api", concurrency, runs: remote, slotsPerAnswer: perAnswer });
        log(searchLine(name, concurrency, local, remote, perAnswer));
      }
    }

    // ——— moves ———
    const moves: SchedulingReport["moves"] = [];
    const plans = options.only === "search" ? {} : await planMoves(sql, fixture, smoke, (id, serviceId, from, to) =>
      searchAvailability(owner, { serviceId, from, to, appointmentId: id }, { limit: 400 }),
    );
    for (const [name, plan] of Object.entries(plans) as [MoveName, MovePlan[]][]) {
      for (const concurrency of [1, 8]) {
        const runs: Run[] = [];
        for (let run = 0; run < options.runs; run++) {
          await fixture.restore(plan.map((p) => p.id));
          runs.push(
            // Smoke: the whole (small) plan, however long the machine takes over it.
            await moveRun(api, concurrency, smoke ? 120 : options.seconds, plan, (p) => ({
              path: `${base}/appointments/${p.id}/reschedule`,
              body: { apiKey: fixture.apiKey, date: p.date, ...(p.agentId ? { agentId: p.agentId } : {}) },
            }), processCpuMs(children[0])),
          );
        }
        await fixture.restore(plan.map((p) => p.id));
        moves.push({ name, concurrency, runs });
        log(moveLine(name, concurrency, runs));
      }
    }

    const [{ version }] = await sql`SELECT current_setting('server_version') AS version`;
    return {
      startedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, postgres: version, loadBefore, loadAfter: os.loadavg() },
      data: fixture.data,
      searches: results,
      moves,
      differingAnswers,
    };
  } finally {
    await Promise.all(children.map(stop));
    await closeDb();
    await sql.end();
    if (smoke) await admin.unsafe(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

type SearchInput = { serviceId: string; agentId?: string; from: string; to: string };
type Fixture = Awaited<ReturnType<typeof fill>>;

/** The three searches, each a rotation over agents, services and days of the first busy week. */
function searchInputs(f: Fixture): Record<SearchName, (i: number) => SearchInput> {
  const weekFrom = new Date(instantAt(f.busyMonday, 0, TZ)).toISOString();
  const weekTo = new Date(instantAt(addDays(f.busyMonday, 7), 0, TZ)).toISOString();
  const pairs = f.agents.flatMap((a) => a.services.map((s) => ({ agentId: a.id, serviceId: f.serviceIds[s] })));
  // The service most agents perform (the issue's "company of 12 agents over a day").
  const busiest = [...f.serviceIds.keys()].sort((x, y) => f.agents.filter((a) => a.services.includes(y)).length - f.agents.filter((a) => a.services.includes(x)).length);
  return {
    "one agent, one week": (i) => ({ ...pairs[i % pairs.length], from: weekFrom, to: weekTo }),
    "one service, one day": (i) => {
      const day = addDays(f.busyMonday, i % 6);
      return { serviceId: f.serviceIds[busiest[Math.floor(i / 6) % 2]], from: new Date(instantAt(day, 0, TZ)).toISOString(), to: new Date(instantAt(addDays(day, 1), 0, TZ)).toISOString() };
    },
    "one service, one week": (i) => ({ serviceId: f.serviceIds[i % f.serviceIds.length], from: weekFrom, to: weekTo }),
  };
}

/** The salon, written with set-based inserts; `restore` puts moved appointments back. */
async function fill(sql: postgres.Sql, o: { smoke: boolean; historyDays: number; log: (l: string) => void }) {
  const started = performance.now();
  const appId = randomUUID();
  const companyId = randomUUID();
  const rnd = seededRandom(42);
  const today = localDateOf(Date.now(), TZ);
  // The busy weeks start on the Monday at least two days ahead (searches never look before now).
  let busyMonday = addDays(today, 2);
  while (weekdayOf(busyMonday) !== "mon") busyMonday = addDays(busyMonday, 1);
  const weeks = o.smoke ? 1 : 4;
  const agents = makeAgents(o.smoke ? 4 : 20);
  const serviceIds = SERVICES.map(() => randomUUID());
  const timeOff = makeTimeOff(agents, busyMonday, weeks);
  const busyEnd = addDays(busyMonday, weeks * 7 - 1);
  const appointments = makeAppointments(
    agents,
    timeOff,
    addDays(today, -o.historyDays),
    addDays(busyEnd, o.smoke ? 0 : 28),
    (day) => (day >= busyMonday && day <= busyEnd ? 0.8 : day < today ? 0.7 : 0.45),
    today,
    rnd,
  );

  await sql`INSERT INTO apps (id, name) VALUES (${appId}, 'Bench scheduling')`;
  await sql`INSERT INTO companies (app_id, id, name, slug, is_default, timezone, opening_hours)
    VALUES (${appId}, ${companyId}, 'Salon Bench', 'salon-bench', true, ${TZ}, ${sql.json(COMPANY_WEEK)})`;
  await sql`INSERT INTO services ${sql(
    SERVICES.map((s, i) => ({
      app_id: appId,
      id: serviceIds[i],
      company_id: companyId,
      name: s.name,
      slug: `service-${i}`,
      base_price: s.price,
      duration: s.duration,
      buffer_before: s.before,
      buffer_after: s.after,
    })),
  )}`;
  await sql`INSERT INTO agents ${sql(
    agents.map((a) => ({ app_id: appId, id: a.id, company_id: companyId, fullname: `Agent ${a.index + 1}`, schedule: a.schedule ? sql.json(a.schedule) : null })),
  )}`;
  await sql`INSERT INTO agent_services ${sql(agents.flatMap((a) => a.services.map((s) => ({ app_id: appId, company_id: companyId, agent_id: a.id, service_id: serviceIds[s] }))))}`;
  if (timeOff.length) {
    await sql`INSERT INTO agent_time_off ${sql(
      timeOff.map((t) => ({ app_id: appId, company_id: companyId, agent_id: t.agentId, kind: t.kind, start_date: t.startDate, end_date: t.endDate, start_time: t.startTime, end_time: t.endTime })),
    )}`;
  }
  const customers = o.smoke ? 50 : 3000;
  await sql`INSERT INTO customers (app_id, id, fullname, telephone)
    SELECT ${appId}, md5(${appId}::text || g)::uuid, 'Client ' || g, '+22507' || lpad(g::text, 8, '0') FROM generate_series(1, ${customers}::int) g`;
  const customerIds = (await sql`SELECT id FROM customers WHERE app_id = ${appId} ORDER BY id`).map((r) => r.id as string);
  // 4 000 rows of 13 columns a statement: under its 65 535 parameters.
  for (let at = 0; at < appointments.length; at += 4000) {
    const rows = appointments.slice(at, at + 4000).map((a, k) => {
      const s = SERVICES[a.service];
      return {
        app_id: appId,
        company_id: companyId,
        service_id: serviceIds[a.service],
        customer_id: customerIds[(at + k) % customerIds.length],
        agent_id: a.agentId,
        date: a.date,
        end: a.end,
        total_price: s.price,
        status: a.status,
        buffer_before: s.before,
        buffer_after: s.after,
        created_at: new Date(a.date.getTime() - 3 * DAY_MS),
        updated_at: new Date(a.date.getTime() - DAY_MS),
      };
    });
    await sql`INSERT INTO appointments ${sql(rows)}`;
  }
  const { key, prefix, digest } = generateApiKey();
  await sql`INSERT INTO api_keys (app_id, name, prefix, digest, scopes, rate_limit)
    VALUES (${appId}, 'bench', ${prefix}, ${digest}, ${sql.array([...SCOPES])}, 100000000)`;
  await sql`VACUUM ANALYZE`;

  const busyFrom = new Date(instantAt(busyMonday, 0, TZ));
  const busyTo = new Date(instantAt(addDays(busyEnd, 1), 0, TZ));
  const busyWeekAppointments = appointments.filter((a) => a.date >= busyFrom && a.date < new Date(busyFrom.getTime() + 7 * DAY_MS)).length;
  o.log(
    `Salon: ${agents.length} agents, ${SERVICES.length} services, ${appointments.length} appointments (${busyWeekAppointments} in the first busy week, from ${busyMonday}), ` +
      `${timeOff.length} time off / extra hours; filled in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // Where every appointment of the busy weeks was, to put moved ones back between runs.
  const original = new Map(
    (
      await sql`SELECT id, date, "end", agent_id, status FROM appointments
        WHERE app_id = ${appId} AND date >= ${busyFrom} AND date < ${busyTo}`
    ).map((r) => [r.id as string, r]),
  );
  const restore = async (ids: string[]) => {
    const rows = ids.map((id) => original.get(id)!).filter(Boolean);
    if (!rows.length) return;
    const list = rows.map((r) => r.id as string);
    await sql.begin(async (tx) => {
      // Out of the overlap constraint first, so putting each back never meets another still moved.
      await tx`UPDATE appointments SET status = 'CANCELLED' WHERE app_id = ${appId} AND id = ANY(${list}::uuid[])`;
      await tx`
        UPDATE appointments a SET date = o.date, "end" = o."end", agent_id = o.agent_id, status = o.status::appointment_status
        FROM (SELECT unnest(${list}::uuid[]) AS id, unnest(${rows.map((r) => (r.date as Date).toISOString())}::timestamptz[]) AS date,
                     unnest(${rows.map((r) => (r.end as Date).toISOString())}::timestamptz[]) AS "end",
                     unnest(${rows.map((r) => r.agent_id as string | null)}::uuid[]) AS agent_id,
                     unnest(${rows.map((r) => r.status as string)}::text[]) AS status) o
        WHERE a.app_id = ${appId} AND a.id = o.id`;
      await tx`DELETE FROM appointment_events WHERE app_id = ${appId} AND appointment_id = ANY(${list}::uuid[]) AND type = 'appointment.moved'`;
    });
  };

  return {
    appId,
    companyId,
    apiKey: key,
    agents,
    serviceIds,
    busyMonday,
    busyFrom,
    busyTo,
    restore,
    data: { agents: agents.length, services: SERVICES.length, appointments: appointments.length, busyWeekAppointments, timeOff: timeOff.length, busyFrom: busyMonday },
  };
}

type MovePlan = { id: string; date: string; agentId: string | null };

/**
 * Moves to run: active appointments of the busy weeks, each to a free slot of another busy day
 * found by the search for that appointment (its booked length and buffers), chosen so that no
 * two planned moves take overlapping places; and the contended plan: groups of 8 appointments
 * of one service aimed at one free slot of one agent.
 */
async function planMoves(
  sql: postgres.Sql,
  f: Fixture,
  smoke: boolean,
  search: (id: string, serviceId: string, from: Date, to: Date) => Promise<{ data: { agentId: string; start: Date; end: Date }[] }>,
): Promise<Record<MoveName, MovePlan[]>> {
  const rnd = seededRandom(7);
  const candidates = await sql`
    SELECT id, service_id, buffer_before, buffer_after FROM appointments
    WHERE app_id = ${f.appId} AND date >= ${f.busyFrom} AND date < ${f.busyTo} AND status IN ('PENDING', 'CONFIRMED') AND agent_id IS NOT NULL
    ORDER BY md5(id::text)`;
  const days = Math.round((f.busyTo.getTime() - f.busyFrom.getTime()) / DAY_MS);
  const taken = new Map<string, { start: number; end: number }[]>();
  const clear = (agentId: string, start: number, end: number) => !(taken.get(agentId) ?? []).some((r) => r.start < end && start < r.end);
  const take = (agentId: string, start: number, end: number) => taken.set(agentId, [...(taken.get(agentId) ?? []), { start, end }]);
  /** The free slots for this appointment on the first busy day, from a random one, that has some passing `keep`. */
  const slotsFor = async (id: string, serviceId: string, keep: (s: { agentId: string; start: Date; end: Date }) => boolean) => {
    const first = Math.floor(rnd() * days);
    for (let k = 0; k < days; k++) {
      const from = new Date(instantAt(addDays(localDateOf(f.busyFrom, TZ), (first + k) % days), 0, TZ));
      const found = (await search(id, serviceId, from, new Date(from.getTime() + DAY_MS))).data.filter(keep);
      if (found.length) return found;
    }
    return [];
  };
  const free: MovePlan[] = [];
  // Half the candidates at most (a run takes a few hundred), the rest left for the contended plan.
  const limit = smoke ? 20 : Math.min(1500, Math.floor(candidates.length / 2));
  for (const c of candidates) {
    if (free.length >= limit) break;
    const before = Number(c.buffer_before) * 60_000;
    const after = Number(c.buffer_after) * 60_000;
    const fits = await slotsFor(c.id, c.service_id, (s) => clear(s.agentId, s.start.getTime() - before, s.end.getTime() + after));
    if (!fits.length) continue;
    const slot = fits[Math.floor(rnd() * fits.length)];
    take(slot.agentId, slot.start.getTime() - before, slot.end.getTime() + after);
    free.push({ id: c.id, date: slot.start.toISOString(), agentId: slot.agentId });
  }
  // Contended: candidates grouped by service, 8 a group, each group aimed at one free slot found
  // for its first member, an hour away from any other planned move.
  const planned = new Set(free.map((p) => p.id));
  const byService = new Map<string, string[]>();
  for (const c of candidates) if (!planned.has(c.id)) byService.set(c.service_id, [...(byService.get(c.service_id) ?? []), c.id]);
  const contended: MovePlan[] = [];
  const groups = smoke ? 2 : 150;
  const HOUR = 3_600_000;
  for (const [serviceId, ids] of byService) {
    for (let g = 0; g + 8 <= ids.length && contended.length < groups * 8; g += 8) {
      const [slot] = await slotsFor(ids[g], serviceId, (s) => clear(s.agentId, s.start.getTime() - HOUR, s.end.getTime() + HOUR));
      if (!slot) continue;
      take(slot.agentId, slot.start.getTime() - HOUR, slot.end.getTime() + HOUR);
      for (const id of ids.slice(g, g + 8)) contended.push({ id, date: slot.start.toISOString(), agentId: slot.agentId });
    }
  }
  return { "move to a free slot": free, "move, contended (8 to one slot)": contended };
}

/** Closed-loop HTTP calls, counted by status. */
async function httpRuns(baseUrl: string, concurrency: number, seconds: number, warmupSeconds: number, next: (i: number) => { path: string; body: unknown }, serverCpuMs?: () => number): Promise<Run> {
  const client = httpClient(baseUrl, concurrency);
  try {
    return await runCalls({
      concurrency,
      seconds,
      warmupSeconds,
      serverCpuMs,
      call: async (i) => {
        const { status } = await client.send(next(i));
        return { ok: status === 200, label: String(status) };
      },
    });
  } finally {
    client.close();
  }
}

/**
 * The plan's moves in order, each once (a caller stops when the plan is spent, so a run may be
 * shorter than asked), answers counted by status and code: a 409 is a conflict, not a failure.
 */
async function moveRun(baseUrl: string, concurrency: number, seconds: number, plan: MovePlan[], request: (p: MovePlan) => { path: string; body: unknown }, serverCpuMs?: () => number): Promise<Run> {
  const client = httpClient(baseUrl, concurrency);
  try {
    return await runCalls({
      concurrency,
      seconds,
      serverCpuMs,
      call: (i) => {
        if (i >= plan.length) return null;
        return client.send(request(plan[i]), true).then(({ status, body }) => {
          const code = status === 200 ? "" : ` ${(JSON.parse(body) as { error?: { code?: string } }).error?.code ?? ""}`;
          return { ok: status === 200 || status === 409, label: `${status}${code}` };
        });
      },
    });
  } finally {
    client.close();
  }
}

// ——— printing ———

const ms = (runs: Run[], k: "p50" | "p99") => median(runs.map((r) => r[k])).toFixed(1);
const rps = (runs: Run[]) => `${median(runs.map((r) => r.rps)).toFixed(0)} /s ${spread(runs.map((r) => r.rps))}`.trim();

function searchLine(name: string, c: number, local: Run[], remote: Run[], slots: number) {
  const errors = [...local, ...remote].reduce((s, r) => s + r.errors, 0);
  return (
    `${name.padEnd(22)} c=${c}  in process ${rps(local).padEnd(12)} p50 ${ms(local, "p50").padStart(6)} ms p99 ${ms(local, "p99").padStart(6)} ms | ` +
    `API ${rps(remote).padEnd(12)} p50 ${ms(remote, "p50").padStart(6)} ms p99 ${ms(remote, "p99").padStart(6)} ms | ${slots.toFixed(0)} slots an answer` +
    (errors ? ` | ERRORS ${errors}` : "")
  );
}

/** Answers of all runs by label, and the share of 409s. */
export function moveOutcomes(runs: Run[]) {
  const labels: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.labels)) labels[k] = (labels[k] ?? 0) + v;
  const total = Object.values(labels).reduce((a, b) => a + b, 0);
  const conflicts = Object.entries(labels).filter(([k]) => k.startsWith("409")).reduce((a, [, v]) => a + v, 0);
  return { labels, total, conflictRate: total ? conflicts / total : 0 };
}

function moveLine(name: string, c: number, runs: Run[]) {
  const { labels, total, conflictRate } = moveOutcomes(runs);
  return (
    `${name.padEnd(32)} c=${c}  API ${rps(runs).padEnd(12)} p50 ${ms(runs, "p50").padStart(6)} ms p99 ${ms(runs, "p99").padStart(6)} ms | ` +
    `${total} moves, conflicts ${(conflictRate * 100).toFixed(1)} % (${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(", ")})`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "3" },
      seconds: { type: "string", default: "5" },
      "history-days": { type: "string", default: "365" },
      smoke: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const report = await runSchedulingBench({
    runs: values.smoke ? 1 : Number(values.runs),
    seconds: values.smoke ? 0.3 : Number(values.seconds),
    smoke: values.smoke,
    historyDays: values.smoke ? undefined : Number(values["history-days"]),
    only: values.only === "search" || values.only === "move" ? values.only : undefined,
  });
  console.log(`\nMachine: ${report.machine.cpus} CPUs, Node ${report.machine.node}, PostgreSQL ${report.machine.postgres}; load average ${report.machine.loadBefore.map((l) => l.toFixed(2)).join(", ")} before, ${report.machine.loadAfter.map((l) => l.toFixed(2)).join(", ")} after`);
  if (report.differingAnswers.length) console.log(`Warning: the API answers differently from the domain for ${report.differingAnswers.join(", ")}`);
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const file = path.join(root, "bench-results", `scheduling-${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`Saved ${path.relative(root, file)}`);
  process.exit(0);
}
