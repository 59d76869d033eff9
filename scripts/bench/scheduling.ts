// `npm run bench:scheduling` (also part of `npm run bench`, or alone with `npm run bench -- --only
// scheduling`): the issue's free-slot search and move figures.
//   npm run bench:scheduling -- [--rows 1000000] [--small-rows 10000] [--runs 3] [--seconds 5]
//                               [--history-days 365] [--only search|move] [--smoke]
// Two datasets, the main bench's own (scripts/bench/fill.ts: rdv_bench_1m and rdv_bench_10k,
// filled once and reused), each with the same salon added in an app of its own: 12 agents with
// working hours (4 of them their own week), time off and extra hours, 8 services with buffers,
// four busy weeks ahead (about 80 % booked) then four quieter ones; in the 1 M dataset a year of
// history too. Its ids are fixed, so both datasets answer the same search with the same slots
// (checked). The salon is removed at the end: the datasets stay as fill.ts made them.
//   - search, through the API (an API-only process per dataset), at 8 callers: one agent over a
//     week, and the company's 12 agents over a day; p50/p99 per dataset in alternating rounds,
//     and the 1 M / 10 k ratio of the medians;
//   - move (reschedule), on the 1 M dataset at 8 callers, through the API and through the bare
//     server running the same statements (moveCheckStatement, the hours, moveStatement), in
//     alternating rounds: the API/bare ratio of the median rates. Appointments of the busy weeks
//     moved into free slots (planned so that no two take the same place), then "contended":
//     groups of 8 moves aimed at one free slot (one wins, the others answer agent-unavailable).
// Results print as lines and are saved under bench-results/. `--smoke`
// (tests/bench/scheduling.test.ts): tiny datasets of their own, to keep it working.
import { createHash } from "node:crypto";
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
import { type BenchInfo, fillDatabase } from "./fill";
import { httpClient, type LoadResult, runCalls } from "./load";
import { freePorts, median, processCpuMs, spawnQuiet, spread, stop, waitFor, waitForPort } from "./run";

const root = path.resolve(import.meta.dirname, "../..");
const TZ = "Africa/Abidjan";
const DAY_MS = 86_400_000;
/** The salon's app, beside the fill's own (whose figures the main bench reads by app). */
const SALON_APP_ID = "5a1050a1-0000-4000-8000-00000000be9c";
const AGENTS = 12;
/** The service all 12 agents perform: the company search asks for it. */
const EVERYONE = 2;

export type SearchName = "one agent, one week" | "12 agents, one day";
export type MoveName = "move to a free slot" | "move, contended (8 to one slot)";
type Run = LoadResult & { labels: Record<string, number> };
export type DatasetReport = { label: string; database: string; appointments: number; salonAppointments: number };
export type SchedulingReport = {
  startedAt: string;
  machine: { cpus: number; node: string; postgres: string; loadBefore: number[]; loadAfter: number[] };
  /** The big dataset first, then the small one. */
  datasets: DatasetReport[];
  salon: { agents: number; services: number; busyWeekAppointments: number; timeOff: number; busyFrom: string };
  searches: { name: SearchName; dataset: string; concurrency: number; runs: Run[] }[];
  /** Per search: slots an answer, and big / small of the medians' p50 and p99. */
  searchSummary: { name: SearchName; slotsPerAnswer: number; p50Ratio: number; p99Ratio: number }[];
  moves: { name: MoveName; target: "api" | "bare"; concurrency: number; runs: Run[] }[];
  /** Per move plan: the API's median rate over the bare server's. */
  moveSummary: { name: MoveName; apiOverBare: number }[];
  /** Searches answered differently by the two datasets, moves by the API and the bare server (should be none). */
  differingAnswers: string[];
};

/** A fixed uuid from a name: the salon is the same in both datasets, ids included. */
function uuidOf(name: string): string {
  const h = createHash("md5").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** "1 M", "10 k": a dataset by its fill's size. */
const sizeLabel = (rows: number) => (rows >= 1e6 ? `${rows / 1e6} M` : `${rows / 1e3} k`);

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
    // Seven in ten do hair (four or five of its services), the rest nails and face; everyone
    // does a brushing (the company search).
    const hair = i < Math.ceil(count * 0.7);
    const services = hair ? [0, 1, 2, 3, 4].filter((s) => s === EVERYONE || (s + i) % 5 !== 0 || i % 2 === 0) : [EVERYONE, 5, 6, 7];
    return { id: uuidOf(`salon-agent-${i}`), index: i, schedule: i % 3 === 2 ? OWN_WEEKS[i % OWN_WEEKS.length] : null, services };
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

type Salon = Awaited<ReturnType<typeof putSalon>>;
type Dataset = { label: string; info: BenchInfo; sql: postgres.Sql; salon: Salon; api: string; cpu?: () => number };

export async function runSchedulingBench(options: {
  runs: number;
  seconds: number;
  /** The big dataset's fill (1 M), and the small one's (10 k). */
  rows?: number;
  smallRows?: number;
  /** The salon's history in the big dataset (none in the small one). */
  historyDays?: number;
  callers?: number;
  smoke?: boolean;
  /** Only the searches or only the moves. */
  only?: "search" | "move";
  log?: (line: string) => void;
}): Promise<SchedulingReport> {
  const log = options.log ?? ((l: string) => console.log(l));
  const smoke = !!options.smoke;
  const callers = options.callers ?? 8;
  const loadBefore = os.loadavg();
  const tag = smoke ? `_smoke_${process.pid}` : "";
  const sizes = [options.rows ?? (smoke ? 2000 : 1_000_000), options.smallRows ?? (smoke ? 500 : 10_000)];
  // The main bench's datasets, filled if missing and reused as they are (smoke: tiny ones of its own).
  const infos: BenchInfo[] = [];
  for (const [k, rows] of sizes.entries()) {
    infos.push(await fillDatabase({ rows, database: smoke ? `rdv_bench_sched${tag}_${k ? "small" : "big"}` : undefined, quiet: smoke, keepKey: true }));
  }
  const today = localDateOf(Date.now(), TZ);
  const datasets: Dataset[] = [];
  const children: ReturnType<typeof spawnQuiet>[] = [];
  let closeDb: (() => Promise<void>) | undefined;
  try {
    for (const [k, info] of infos.entries()) {
      const sql = postgres(info.databaseUrl, { max: 4, onnotice: () => {} });
      const salon = await putSalon(sql, { smoke, historyDays: k ? 0 : (options.historyDays ?? (smoke ? 14 : 365)), today, log: (l) => log(`${sizeLabel(sizes[k])}: ${l}`) });
      datasets.push({ label: sizeLabel(sizes[k]), info, sql, salon, api: "" });
    }
    const [big] = datasets;

    const ports = await freePorts(3, Number(process.env.BENCH_PORT_BASE ?? 3600));
    const env = (databaseUrl: string, port: number) => ({
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production" as const,
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      RDV_ROLE: "api",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789abcdef",
      // Background workers wake on every event (each move): not part of what is measured.
      WEBHOOKS_WORKER: "0",
      MESSAGES_WORKER: "0",
    });
    const tsx = ["--import", "tsx", "--import", "./scripts/register.mjs"];
    for (const [k, d] of datasets.entries()) {
      const child = spawnQuiet([...tsx, "server/index.ts"], env(d.info.databaseUrl, ports[k]));
      children.push(child);
      d.api = `http://127.0.0.1:${ports[k]}`;
      d.cpu = processCpuMs(child);
    }
    const bareChild = spawnQuiet([...tsx, "scripts/bench/bare-server.ts"], env(big.info.databaseUrl, ports[2]));
    children.push(bareChild);
    const bare = `http://127.0.0.1:${ports[2]}`;
    for (const [k, d] of datasets.entries()) await waitFor(`${d.api}/api/health`, children[k]);
    const differingAnswers: string[] = [];

    // ——— searches ———
    const searches: SchedulingReport["searches"] = [];
    const searchSummary: SchedulingReport["searchSummary"] = [];
    const base = `/app/${SALON_APP_ID}/multi-service`;
    const searchRequest = (d: Dataset, input: SearchInput) => ({ path: `${base}/availability/search`, body: { apiKey: d.salon.apiKey, ...input } });
    for (const [name, input] of Object.entries(searchInputs(big.salon)) as [SearchName, (i: number) => SearchInput][]) {
      if (options.only === "move") break;
      // The same search must find the same slots in both datasets (the same salon): checked on a
      // few inputs, which also count the slots an answer.
      const slots: number[] = [];
      for (let i = 0; i < (smoke ? 2 : 12); i++) {
        const answers = await Promise.all(
          datasets.map(async (d) => {
            const client = httpClient(d.api, 1);
            try {
              const { status, body } = await client.send(searchRequest(d, input(i)), true);
              return status === 200 ? JSON.stringify((JSON.parse(body) as { data: unknown[] }).data) : `${status} ${body}`;
            } finally {
              client.close();
            }
          }),
        );
        if (answers.some((a) => a !== answers[0]) && !differingAnswers.includes(name)) differingAnswers.push(name);
        slots.push(answers[0].startsWith("[") ? (JSON.parse(answers[0]) as unknown[]).length : 0);
      }
      // Warm each server up (JIT, each pooled connection's statements) before measuring.
      for (const d of datasets) await httpRuns(d.api, callers, smoke ? 0.1 : 2, 0, (i) => searchRequest(d, input(i)));
      const runs = datasets.map(() => [] as Run[]);
      for (let run = 0; run < options.runs; run++) {
        // Alternate, so a slow moment of the machine weighs on both datasets.
        for (const [k, d] of datasets.entries()) {
          runs[k].push(await httpRuns(d.api, callers, options.seconds, smoke ? 0.05 : 0.5, (i) => searchRequest(d, input(i)), d.cpu));
        }
      }
      for (const [k, d] of datasets.entries()) searches.push({ name, dataset: d.label, concurrency: callers, runs: runs[k] });
      const ratio = (p: "p50" | "p99") => median(runs[0].map((r) => r[p])) / median(runs[1].map((r) => r[p]));
      const summary = { name, slotsPerAnswer: slots.reduce((a, b) => a + b, 0) / slots.length, p50Ratio: ratio("p50"), p99Ratio: ratio("p99") };
      searchSummary.push(summary);
      log(searchLine(name, callers, datasets.map((d, k) => ({ label: d.label, runs: runs[k] })), summary));
    }

    // ——— moves (the big dataset) ———
    const moves: SchedulingReport["moves"] = [];
    const moveSummary: SchedulingReport["moveSummary"] = [];
    if (options.only !== "search") {
      await waitForPort(ports[2], bareChild);
      // The plan comes from the domain's own search, in this process, on the big dataset.
      process.env.DATABASE_URL = big.info.databaseUrl;
      const dbModule = await import("../../db");
      closeDb = dbModule.closeDb;
      const { searchAvailability } = await import("../../lib/scheduling/availability");
      const { systemCaller } = await import("../../lib/auth/caller");
      const owner = systemCaller(SALON_APP_ID, "bench");
      const plans = await planMoves(big.sql, big.salon, smoke, (id, serviceId, from, to) =>
        searchAvailability(owner, { serviceId, from, to, appointmentId: id }, { limit: 400 }),
      );
      const moveRequest = (p: MovePlan) => ({
        path: `${base}/appointments/${p.id}/reschedule`,
        body: { apiKey: big.salon.apiKey, date: p.date, ...(p.agentId ? { agentId: p.agentId } : {}) },
      });
      const targets = { api: { url: big.api, cpu: big.cpu }, bare: { url: bare, cpu: processCpuMs(bareChild) } };
      // The same move answers the same appointment from both (but for the time it was written).
      const first = plans["move to a free slot"][0];
      if (first) {
        const answers: string[] = [];
        for (const t of Object.values(targets)) {
          const client = httpClient(t.url, 1);
          const { status, body } = await client.send(moveRequest(first), true);
          client.close();
          await big.salon.restore([first.id]);
          answers.push(`${status} ${body.replace(/"updatedAt":"[^"]*"/, "")}`);
        }
        if (answers[0] !== answers[1] || !answers[0].startsWith("200")) {
          differingAnswers.push("move");
          log(`move: API ${answers[0].slice(0, 300)}… bare ${answers[1].slice(0, 300)}…`);
        }
      }
      for (const [name, plan] of Object.entries(plans) as [MoveName, MovePlan[]][]) {
        const runs = { api: [] as Run[], bare: [] as Run[] };
        // Smoke: the whole (small) plan, however long the machine takes over it.
        const seconds = smoke ? 120 : options.seconds;
        // A first round each, not recorded: JIT and each pooled connection's statements.
        for (const t of Object.values(targets)) {
          await big.salon.restore(plan.map((p) => p.id));
          await moveRun(t.url, callers, smoke ? 120 : Math.min(2, seconds), plan, moveRequest);
        }
        for (let run = 0; run < options.runs; run++) {
          for (const target of ["api", "bare"] as const) {
            await big.salon.restore(plan.map((p) => p.id));
            runs[target].push(await moveRun(targets[target].url, callers, seconds, plan, moveRequest, targets[target].cpu));
          }
        }
        await big.salon.restore(plan.map((p) => p.id));
        for (const target of ["api", "bare"] as const) moves.push({ name, target, concurrency: callers, runs: runs[target] });
        const apiOverBare = median(runs.api.map((r) => r.rps)) / median(runs.bare.map((r) => r.rps));
        moveSummary.push({ name, apiOverBare });
        log(moveLine(name, callers, runs.api, runs.bare, apiOverBare));
      }
    }

    const [{ version }] = await big.sql`SELECT current_setting('server_version') AS version`;
    const counted: DatasetReport[] = [];
    for (const d of datasets) {
      const [{ n }] = await d.sql`SELECT count(*)::int AS n FROM appointments`;
      counted.push({ label: d.label, database: d.info.database, appointments: n, salonAppointments: d.salon.data.appointments });
    }
    const { agents, services, busyWeekAppointments, timeOff, busyFrom } = big.salon.data;
    return {
      startedAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, postgres: version, loadBefore, loadAfter: os.loadavg() },
      datasets: counted,
      salon: { agents, services, busyWeekAppointments, timeOff, busyFrom },
      searches,
      searchSummary,
      moves,
      moveSummary,
      differingAnswers,
    };
  } finally {
    await Promise.all(children.map(stop));
    await closeDb?.();
    for (const d of datasets) {
      if (!smoke) await d.salon.remove();
      await d.sql.end();
    }
    if (smoke) {
      const admin = postgres(process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", { max: 1, onnotice: () => {} });
      for (const info of infos) await admin.unsafe(`DROP DATABASE IF EXISTS "${info.database}" WITH (FORCE)`);
      await admin.end();
    }
  }
}

type SearchInput = { serviceId: string; agentId?: string; from: string; to: string };

/** The issue's two searches, each a rotation over the busy weeks (and, for one agent, over agents and their services). */
function searchInputs(f: Salon): Record<SearchName, (i: number) => SearchInput> {
  const weeks = Math.round((f.busyTo.getTime() - f.busyFrom.getTime()) / (7 * DAY_MS));
  const pairs = f.agents.flatMap((a) => a.services.map((s) => ({ agentId: a.id, serviceId: f.serviceIds[s] })));
  const day = (n: number) => new Date(instantAt(addDays(f.busyMonday, n), 0, TZ)).toISOString();
  return {
    "one agent, one week": (i) => {
      const week = Math.floor(i / pairs.length) % weeks;
      return { ...pairs[i % pairs.length], from: day(week * 7), to: day(week * 7 + 7) };
    },
    // Monday to Saturday of each busy week (Sunday the salon is closed).
    "12 agents, one day": (i) => {
      const n = Math.floor((i % (6 * weeks)) / 6) * 7 + (i % 6);
      return { serviceId: f.serviceIds[EVERYONE], from: day(n), to: day(n + 1) };
    },
  };
}

/**
 * The salon, put (again) into a dataset with set-based inserts; `restore` puts moved appointments
 * back, `remove` takes the salon out. Everything but its history depends only on `today`: two
 * datasets filled the same day hold the same salon ahead.
 */
async function putSalon(sql: postgres.Sql, o: { smoke: boolean; historyDays: number; today: string; log: (l: string) => void }) {
  const started = performance.now();
  const appId = SALON_APP_ID;
  const companyId = uuidOf("salon-company");
  const today = o.today;
  // The busy weeks start on the Monday at least two days ahead (searches never look before now).
  let busyMonday = addDays(today, 2);
  while (weekdayOf(busyMonday) !== "mon") busyMonday = addDays(busyMonday, 1);
  const weeks = o.smoke ? 1 : 4;
  const agents = makeAgents(AGENTS);
  const serviceIds = SERVICES.map((_, i) => uuidOf(`salon-service-${i}`));
  const timeOff = makeTimeOff(agents, busyMonday, weeks);
  const busyEnd = addDays(busyMonday, weeks * 7 - 1);
  const share = (day: string) => (day >= busyMonday && day <= busyEnd ? 0.8 : day < today ? 0.7 : 0.45);
  // History and what lies ahead from random sequences of their own: the days ahead are the same
  // whatever the history's length.
  const appointments = [
    ...(o.historyDays > 0 ? makeAppointments(agents, timeOff, addDays(today, -o.historyDays), addDays(today, -1), share, today, seededRandom(41)) : []),
    ...makeAppointments(agents, timeOff, today, addDays(busyEnd, o.smoke ? 0 : 28), share, today, seededRandom(42)),
  ];

  // A previous run's salon (moves recorded, or a run stopped midway) goes first.
  await sql`DELETE FROM apps WHERE id = ${appId}`;
  await sql`INSERT INTO apps (id, name) VALUES (${appId}, 'Bench scheduling salon')`;
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
  // As autovacuum leaves it: statistics and the visibility map, the fill's rows' and the salon's.
  await sql`VACUUM ANALYZE appointments, appointment_events, agents, agent_services, agent_time_off, services, companies, customers, api_keys`;

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
    remove: async () => {
      await sql`DELETE FROM apps WHERE id = ${appId}`;
    },
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
  f: Salon,
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
const errorsOf = (runs: Run[]) => runs.reduce((s, r) => s + r.errors, 0);

function searchLine(name: string, c: number, sets: { label: string; runs: Run[] }[], s: SchedulingReport["searchSummary"][number]) {
  const cells = sets.map(({ label, runs }) => `${label}: ${rps(runs).padEnd(11)} p50 ${ms(runs, "p50").padStart(6)} ms p99 ${ms(runs, "p99").padStart(6)} ms`);
  const errors = sets.reduce((n, x) => n + errorsOf(x.runs), 0);
  return (
    `${name.padEnd(20)} c=${c}  ${cells.join(" | ")} | ${sets[0].label} / ${sets[1].label}: p50 ×${s.p50Ratio.toFixed(2)}, p99 ×${s.p99Ratio.toFixed(2)} | ` +
    `${s.slotsPerAnswer.toFixed(0)} slots an answer${errors ? ` | ERRORS ${errors}` : ""}`
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

function moveLine(name: string, c: number, api: Run[], bare: Run[], apiOverBare: number) {
  const cell = (runs: Run[]) => {
    const { labels, conflictRate } = moveOutcomes(runs);
    return (
      `${rps(runs).padEnd(11)} p50 ${ms(runs, "p50").padStart(6)} ms p99 ${ms(runs, "p99").padStart(6)} ms ` +
      `(${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(", ")}; conflicts ${(conflictRate * 100).toFixed(1)} %)`
    );
  };
  return `${name.padEnd(32)} c=${c}  API ${cell(api)} | bare ${cell(bare)} | API/bare ${(apiOverBare * 100).toFixed(0)} %`;
}

export function printSchedulingReport(r: SchedulingReport, log: (l: string) => void = console.log) {
  log(`\nDatasets: ${r.datasets.map((d) => `${d.label} (${d.database}): ${d.appointments} appointments, ${d.salonAppointments} of them the salon's`).join("; ")}`);
  log(
    `Machine: ${r.machine.cpus} CPUs, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; load average ` +
      `${r.machine.loadBefore.map((l) => l.toFixed(2)).join(", ")} before, ${r.machine.loadAfter.map((l) => l.toFixed(2)).join(", ")} after`,
  );
  const p99 = (name: SearchName, label: string) => median(r.searches.find((s) => s.name === name && s.dataset === label)?.runs.map((x) => x.p99) ?? []);
  const big = r.datasets[0].label;
  const limits: Record<SearchName, number> = { "one agent, one week": 20, "12 agents, one day": 50 };
  for (const s of r.searchSummary) {
    const value = p99(s.name, big);
    log(`Target ${s.name}: p99 at ${big} ${value.toFixed(1)} ms (under ${limits[s.name]}: ${value < limits[s.name] ? "yes" : "NO"}), ×${s.p99Ratio.toFixed(2)} of ${r.datasets[1].label} (within 1.5: ${s.p99Ratio <= 1.5 ? "yes" : "NO"})`);
  }
  for (const m of r.moveSummary) log(`Target ${m.name}: API/bare ${(m.apiOverBare * 100).toFixed(0)} % (60 % or more: ${m.apiOverBare >= 0.6 ? "yes" : "NO"})`);
  if (r.differingAnswers.length) log(`Warning: different answers for ${r.differingAnswers.join(", ")}`);
}

export async function schedulingMain(args: string[]) {
  const { values } = parseArgs({
    args,
    // `npm run bench -- --only scheduling` hands its own arguments over.
    strict: false,
    options: {
      rows: { type: "string", default: "1000000" },
      "small-rows": { type: "string", default: "10000" },
      runs: { type: "string", default: "3" },
      seconds: { type: "string", default: "5" },
      "history-days": { type: "string", default: "365" },
      callers: { type: "string", default: "8" },
      smoke: { type: "boolean", default: false },
      only: { type: "string" },
    },
  });
  const smoke = values.smoke === true;
  const report = await runSchedulingBench({
    runs: smoke ? 1 : Number(values.runs),
    seconds: smoke ? 0.3 : Number(values.seconds),
    smoke,
    rows: smoke ? undefined : Number(values.rows),
    smallRows: smoke ? undefined : Number(values["small-rows"]),
    historyDays: smoke ? undefined : Number(values["history-days"]),
    callers: Number(values.callers),
    only: values.only === "search" || values.only === "move" ? values.only : undefined,
  });
  printSchedulingReport(report);
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const file = path.join(root, "bench-results", `scheduling-${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`Saved ${path.relative(root, file)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await schedulingMain(process.argv.slice(2));
  process.exit(0);
}
