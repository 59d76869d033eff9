// `npm run bench`: the API against the bare ceiling at 1 and 8 callers, the list query's plan
// at 10 k and 1 M rows, the dashboard page's server time, first-load JS per route; a full run
// then the live streams, webhooks, and the free-slot search and moves (scheduling.ts).
//   npm run bench -- [--rows 1000000] [--runs 3] [--seconds 5] [--api-role api|all] [--api-workers n] [--smoke]
//   npm run bench -- --only scheduling [scheduling.ts's options]    (or --only get,scheduling…)
// --smoke: tiny data and few requests, to prove the harness works (part of `npm test`).
// Results print as tables and are saved under bench-results/.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { firstLoadJs, type RouteBundle } from "./bundle-sizes";
import { type BenchInfo, fillDatabase } from "./fill";
import { type LoadResult, type Request, runLoad } from "./load";
import { explainLists, type PlanResult } from "./plan";

export type OpName = "list (first page)" | "list (deep page)" | "get" | "create" | "status change";
export type Measure = { op: OpName; target: "api" | "bare"; concurrency: number; runs: LoadResult[] };
export type BenchReport = {
  startedAt: string;
  machine: { cpus: number; node: string; postgres: string };
  rows: number;
  measures: Measure[];
  plans: PlanResult[];
  /** Server time of the appointments page: the default view (today) and the whole company. */
  pages: { route: string; runsMs: number[] }[];
  bundles: RouteBundle[];
  /** Operations whose answer differs between the API and the bare server (should be none). */
  differingAnswers: string[];
};

const root = path.resolve(import.meta.dirname, "../..");

export async function runBench(options: {
  rows: number;
  runs: number;
  seconds: number;
  smoke?: boolean;
  /** Only these operations (names as printed, or a prefix: "list", "get"…). */
  only?: string[];
  /** Skip the plans, the page timing and the bundle sizes. */
  apiOnly?: boolean;
  /**
   * Which process answers the API: "api" (default) an API-only one (`npm run start:api`, no
   * Next loaded), "all" the full server (`npm start`, Next and the API in one process).
   */
  apiRole?: "api" | "all";
  /** With the API-only process: that many processes sharing its port (API_WORKERS). */
  apiWorkers?: number;
  distDir?: string;
  log?: (line: string) => void;
}): Promise<BenchReport> {
  const log = options.log ?? ((l: string) => console.log(l));
  const distDir = options.distDir ?? process.env.NEXT_DIST_DIR ?? ".next";
  // Next's build serves the dashboard page and gives the bundle sizes; the API-only process needs none.
  const needsBuild = !options.apiOnly || options.apiRole === "all";
  if (needsBuild && !existsSync(path.join(root, distDir, "BUILD_ID"))) throw new Error(`No build in ${distDir}: run \`npm run build\` first.`);
  const smallRows = options.smoke ? 500 : 10_000;
  const smoke = options.smoke ? `_smoke_${process.pid}` : "";
  // BENCH_DATABASE: another database than the shared rdv_bench_<rows>, for a bench run beside
  // another one (each undoes its own writes between runs, and would undo the other's).
  const big = await fillDatabase({ rows: options.rows, database: smoke ? `rdv_bench${smoke}_big` : process.env.BENCH_DATABASE, quiet: !!smoke });
  // The small database only serves the plans' comparison, which --api-only skips.
  const small = options.apiOnly ? undefined : await fillDatabase({ rows: smallRows, database: smoke ? `rdv_bench${smoke}_small` : undefined, quiet: !!smoke });

  const sql = postgres(big.databaseUrl, { max: 2, onnotice: () => {} });
  const children: ChildProcess[] = [];
  try {
    const [apiPort, barePort, pagesPort] = await freePorts(3, Number(process.env.BENCH_PORT_BASE ?? 3500));
    const env = { ...process.env, DATABASE_URL: big.databaseUrl, NEXT_DIST_DIR: distDir, NODE_ENV: "production" as const, HOSTNAME: "127.0.0.1",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" };
    // BENCH_PROFILE_DIR=dir: both servers write a V8 CPU profile there when they stop.
    const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];
    const tsx = [...profile, "--import", "tsx", "--import", "./scripts/register.mjs"];
    const apiRole = options.apiRole ?? "api";
    // The webhook and message workers wake on every new event (each create and status change)
    // and query for work: background work the bare server does not do. Off in the measured
    // process unless WEBHOOKS_WORKER / MESSAGES_WORKER say otherwise (a deployment can run them
    // on other instances alike).
    const workers = { WEBHOOKS_WORKER: process.env.WEBHOOKS_WORKER ?? "0", MESSAGES_WORKER: process.env.MESSAGES_WORKER ?? "0" };
    children.push(spawnQuiet([...tsx, "server/index.ts"], { ...env, PORT: String(apiPort), RDV_ROLE: apiRole, ...workers, API_WORKERS: String(options.apiWorkers ?? 1) }));
    children.push(spawnQuiet([...tsx, "scripts/bench/bare-server.ts"], { ...env, PORT: String(barePort) }));
    const api = `http://127.0.0.1:${apiPort}`;
    const bare = `http://127.0.0.1:${barePort}`;
    await waitFor(`${api}/api/health`, children[0]);
    await waitForPort(barePort, children[1]);
    // The dashboard page is Next's: with an API-only process, a full server beside it, started
    // after the measures so it takes no CPU from them.
    const pagesServer = async () => {
      if (apiRole === "all") return api;
      children.push(spawnQuiet([...tsx, "server/index.ts"], { ...env, PORT: String(pagesPort) }));
      const url = `http://127.0.0.1:${pagesPort}`;
      await waitFor(`${url}/api/health`, children[children.length - 1]);
      return url;
    };

    // Earlier runs' creates and status changes were undone, leaving dead rows: clear them, as
    // autovacuum would, so each run starts from the same table.
    await vacuum(sql);
    const fixtures = await loadFixtures(sql, big);
    const differingAnswers = await compareAnswers(api, bare, fixtures.requests);
    if (differingAnswers.length) log(`Warning: the bare server answers differently for ${differingAnswers.join(", ")}`);
    const measures: Measure[] = [];
    const ops = (Object.keys(fixtures.requests) as OpName[]).filter(
      (op) => !options.only?.length || options.only.some((o) => op.startsWith(o)),
    );
    // Warm both servers up on every operation first (JIT, prepared statements on every pooled
    // connection, Postgres' generic plans): otherwise whichever operation runs first pays for it.
    for (const op of ops) {
      for (const target of [api, bare]) {
        await fixtures.reset();
        await runLoad({ baseUrl: target, concurrency: 8, seconds: options.smoke ? 0.1 : 3, warmupSeconds: 0, next: fixtures.requests[op] });
      }
    }
    for (const op of ops) {
      for (const concurrency of [1, 8]) {
        const m: Record<"api" | "bare", Measure> = {
          api: { op, target: "api", concurrency, runs: [] },
          bare: { op, target: "bare", concurrency, runs: [] },
        };
        for (let run = 0; run < options.runs; run++) {
          // Alternate, so a slow minute of the machine hurts both alike.
          for (const target of ["api", "bare"] as const) {
            await fixtures.reset();
            m[target].runs.push(
              await runLoad({
                baseUrl: target === "api" ? api : bare,
                concurrency,
                seconds: options.seconds,
                warmupSeconds: options.smoke ? 0.2 : 1,
                next: fixtures.requests[op],
                serverCpuMs: processCpuMs(children[target === "api" ? 0 : 1]),
              }),
            );
          }
        }
        measures.push(m.api, m.bare);
        log(line(m.api, m.bare));
      }
    }
    await fixtures.reset();
    await vacuum(sql);

    const plans = options.apiOnly ? [] : await explainLists([small!, big], options.smoke ? 3 : 50);
    const pages = options.apiOnly ? [] : await timeDashboardPages(await pagesServer(), big, options.smoke ? { warm: 1, times: 2 } : { warm: 60, times: 20 });
    const bundles = options.apiOnly ? [] : firstLoadJs(path.join(root, distDir));
    const [{ version }] = await sql`SELECT current_setting('server_version') AS version`;
    const report: BenchReport = {
      startedAt: new Date().toISOString(),
      machine: { cpus: (await import("node:os")).cpus().length, node: process.version, postgres: version },
      rows: big.rows,
      measures,
      plans,
      pages,
      bundles,
      differingAnswers,
    };
    return report;
  } finally {
    await Promise.all(children.map(stop));
    await sql.end();
    if (smoke) {
      const admin = postgres(process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres", { max: 1, onnotice: () => {} });
      for (const info of [big, small]) if (info) await admin.unsafe(`DROP DATABASE IF EXISTS "${info.database}" WITH (FORCE)`);
      await admin.end();
    }
  }
}

/** Request generators per operation, over real ids of the bench data, and a reset between runs. */
async function loadFixtures(sql: postgres.Sql, info: BenchInfo) {
  const appId = info.appId;
  const companies = (await sql`SELECT id FROM companies WHERE app_id = ${appId} ORDER BY slug`).map((r) => r.id as string);
  const sample = (await sql`SELECT id FROM appointments WHERE app_id = ${appId} ORDER BY random() LIMIT 2000`).map((r) => r.id as string);
  // Deep pages: the cursor of the row 80 % into each company's appointments.
  const deep = await sql`
    SELECT DISTINCT ON (company_id) company_id, date, id FROM (
      SELECT company_id, date, id, row_number() OVER (PARTITION BY company_id ORDER BY date, id) AS n,
             count(*) OVER (PARTITION BY company_id) AS total
      FROM appointments WHERE app_id = ${appId}) x
    WHERE n = floor(total * 0.8) ORDER BY company_id`;
  const deepCursors = deep.map((r) => ({
    companyId: r.company_id as string,
    cursor: Buffer.from(JSON.stringify([(r.date as Date).toISOString(), r.id])).toString("base64url"),
  }));
  const pending = (
    await sql`SELECT id FROM appointments WHERE app_id = ${appId} AND status = 'PENDING' AND date > now() ORDER BY random() LIMIT 60000`
  ).map((r) => r.id as string);
  const agents = await sql`
    SELECT a.id AS agent_id, s.service_id, a.company_id FROM agents a
    JOIN LATERAL (SELECT service_id FROM agent_services x WHERE x.app_id = a.app_id AND x.agent_id = a.id ORDER BY service_id LIMIT 1) s ON true
    WHERE a.app_id = ${appId} ORDER BY a.id`;
  const customers = (await sql`SELECT id FROM customers WHERE app_id = ${appId} LIMIT 500`).map((r) => r.id as string);

  // A week ahead, where CONFIRMED appointments are.
  const weekStart = new Date(Date.now() + 7 * 86_400_000);
  weekStart.setUTCHours(0, 0, 0, 0);
  const weekEnd = new Date(weekStart.getTime() + 7 * 86_400_000);
  const CREATE_FROM = Date.UTC(2031, 0, 1, 10);
  const apiKey = info.apiKey;
  const base = `/app/${appId}/multi-service/appointments`;
  const usedPending = new Set<string>();
  const LIFECYCLE = ["CONFIRMED", "IN_PROGRESS", "COMPLETED"];
  let pendingNext = 0;

  const requests: Record<OpName, (i: number) => Request> = {
    "list (first page)": (i) => ({
      path: `${base}/list`,
      body: { apiKey, companyId: companies[i % companies.length], status: "CONFIRMED", from: weekStart.toISOString(), to: weekEnd.toISOString(), limit: 50 },
    }),
    "list (deep page)": (i) => {
      const d = deepCursors[i % deepCursors.length];
      return { path: `${base}/list`, body: { apiKey, companyId: d.companyId, cursor: d.cursor, limit: 50 } };
    },
    get: (i) => ({ path: `${base}/${sample[i % sample.length]}`, body: { apiKey } }),
    create: (i) => {
      // One appointment per agent and day, past the generated data: always a free slot.
      const a = agents[i % agents.length];
      const date = new Date(CREATE_FROM + Math.floor(i / agents.length) * 86_400_000);
      return {
        path: `${base}/create`,
        expectStatus: 201,
        body: { apiKey, serviceId: a.service_id, agentId: a.agent_id, customerId: customers[i % customers.length], date: date.toISOString(), totalPrice: 5000 },
      };
    },
    "status change": () => {
      // Round-robin over PENDING appointments: the first pass confirms, the next ones start and
      // complete them, so each id serves three moves before the reset puts it back.
      const n = pendingNext++;
      const id = pending[n % pending.length];
      const status = LIFECYCLE[Math.floor(n / pending.length)];
      if (!status) throw new Error(`Not enough PENDING appointments for this run (${pending.length}): use more rows or fewer seconds`);
      usedPending.add(id);
      return { path: `${base}/${id}/status`, body: { apiKey, status } };
    },
  };

  const reset = async () => {
    pendingNext = 0;
    await sql`DELETE FROM appointments WHERE app_id = ${appId} AND date >= ${new Date(CREATE_FROM - 86_400_000)}`;
    if (usedPending.size > 0) {
      const ids = [...usedPending];
      await sql`DELETE FROM appointment_events WHERE app_id = ${appId} AND appointment_id = ANY(${ids}::uuid[])`;
      await sql`UPDATE appointments SET status = 'PENDING' WHERE app_id = ${appId} AND id = ANY(${ids}::uuid[])`;
      usedPending.clear();
    }
  };
  return { requests, reset };
}

async function vacuum(sql: postgres.Sql) {
  await sql`VACUUM (ANALYZE) appointments, appointment_events`;
}

/** The ceiling must do the same work: same answer for the same read. */
async function compareAnswers(api: string, bare: string, requests: Record<OpName, (i: number) => Request>) {
  const differing: string[] = [];
  for (const op of ["list (first page)", "list (deep page)", "get"] as const) {
    const req = requests[op](0);
    const answers = await Promise.all(
      [api, bare].map(async (base) => {
        const res = await fetch(base + req.path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(req.body) });
        return JSON.stringify(await res.json());
      }),
    );
    if (answers[0] !== answers[1]) {
      // Where they part, so the warning says what to fix.
      let at = 0;
      while (answers[0][at] === answers[1][at]) at++;
      differing.push(op);
      console.log(`${op}: api …${answers[0].slice(Math.max(0, at - 60), at + 80)}… bare …${answers[1].slice(Math.max(0, at - 60), at + 80)}…`);
    }
  }
  return differing;
}

/** Server time of the appointments page for a signed-in owner: full response, N times per view. */
async function timeDashboardPages(baseUrl: string, info: BenchInfo, { warm, times }: { warm: number; times: number }) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const login = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: info.owner.email, password: info.owner.password }),
  });
  const session = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).filter((c) => c.includes("session-token"));
  if (session.length === 0) throw new Error("The bench owner could not sign in");
  // The default view (today, 25 rows) and the whole company (all its appointments counted for the facets).
  const pages = [];
  for (const route of ["/c/entreprise-1/appointments", "/c/entreprise-1/appointments?range=all"]) {
    const runsMs: number[] = [];
    // Warm loads first: the JIT, and each pooled connection's first five executions of a
    // statement, which Postgres plans afresh before it settles on a generic plan.
    for (let i = 0; i < warm + times; i++) {
      const start = performance.now();
      const res = await fetch(`${baseUrl}${route}`, { headers: { cookie: session.join("; ") } });
      await res.text();
      if (!res.ok) throw new Error(`${route} answered ${res.status}`);
      if (i >= warm) runsMs.push(performance.now() - start);
    }
    pages.push({ route, runsMs });
  }
  return pages;
}

// ——— printing ———

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}
export const spread = (xs: number[]) => (xs.length > 1 ? `±${(((Math.max(...xs) - Math.min(...xs)) / 2 / median(xs)) * 100).toFixed(0)}%` : "");

function line(api: Measure, bare: Measure): string {
  const a = median(api.runs.map((r) => r.rps));
  const b = median(bare.runs.map((r) => r.rps));
  const cpu = (m: Measure) => median(m.runs.map((r) => r.cpuMsPerRequest ?? NaN));
  const cell = (m: Measure) =>
    `${median(m.runs.map((r) => r.rps)).toFixed(0).padStart(6)} req/s ${spread(m.runs.map((r) => r.rps)).padEnd(5)} ` +
    `p50 ${median(m.runs.map((r) => r.p50)).toFixed(2).padStart(6)} ms p99 ${median(m.runs.map((r) => r.p99)).toFixed(2).padStart(6)} ms` +
    (m.runs.some((r) => r.errors) ? ` errors ${m.runs.reduce((s, r) => s + r.errors, 0)}` : "");
  return (
    `${api.op.padEnd(18)} c=${String(api.concurrency).padEnd(2)} API ${cell(api)} | bare ${cell(bare)} | API/bare ${((a / b) * 100).toFixed(0)}%` +
    ` (paired ${(pairedRatio(api, bare) * 100).toFixed(0)}%) | server CPU/request API ${cpu(api).toFixed(2)} ms, bare ${cpu(bare).toFixed(2)} ms`
  );
}

/**
 * The median of each round's API/bare ratio. A round of each runs back to back, so a slow
 * spell of the machine that spans a few rounds weighs on both sides of a pair, where it can move
 * the ratio of the two medians (seen: a neighbour's load falling mid-run).
 */
export function pairedRatio(api: Measure, bare: Measure): number {
  return median(api.runs.map((r, i) => r.rps / bare.runs[i].rps));
}

export function printReport(r: BenchReport, log: (l: string) => void = console.log) {
  log(`\nMachine: ${r.machine.cpus} CPUs, Node ${r.machine.node}, PostgreSQL ${r.machine.postgres}; ${r.rows} appointments`);
  log("\nList query (one company, CONFIRMED, one week; deep keyset page):");
  for (const p of r.plans) {
    log(`  ${String(p.rows).padStart(8)} rows: first page ${p.firstMs.toFixed(3)} ms, deep page ${p.deepMs.toFixed(3)} ms (median of ${p.samples}); ` +
      `index ${p.index}; whole-company sort: ${p.sortsCompany ? "YES" : "no"}`);
  }
  if (r.plans.length === 2) {
    log(`  growth 10k → 1M: first page ×${(r.plans[1].firstMs / r.plans[0].firstMs).toFixed(2)}, deep page ×${(r.plans[1].deepMs / r.plans[0].deepMs).toFixed(2)}`);
  }
  for (const p of r.pages) {
    log(`\nDashboard ${p.route}: median ${median(p.runsMs).toFixed(0)} ms (${p.runsMs.length} loads, ${Math.min(...p.runsMs).toFixed(0)}–${Math.max(...p.runsMs).toFixed(0)} ms)`);
  }
  log("\nFirst-load JS per route (gzip / raw):");
  for (const b of r.bundles) log(`  ${b.route.padEnd(48)} ${b.gzipKb.toFixed(0).padStart(5)} KB / ${b.rawKb.toFixed(0).padStart(5)} KB`);
}

// ——— processes ———

/**
 * A child's CPU time so far (user + system, ms), its own processes' included (tsx's, and the
 * API's workers with --api-workers), from /proc (Linux; elsewhere: not measured).
 */
export function processCpuMs(child: ChildProcess): (() => number) | undefined {
  if (!existsSync(`/proc/${child.pid}/stat`)) return undefined;
  // Fields after the command name: ppid is the 2nd, utime and stime the 12th and 13th (ticks of 10 ms).
  const stat = (pid: string) => {
    try {
      return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    } catch {
      return undefined;
    }
  };
  return () => {
    const parents = new Map<string, string[]>();
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      const fields = stat(pid);
      if (fields) parents.set(pid, [fields[1], fields[11], fields[12]]);
    }
    let total = 0;
    const walk = (pid: string) => {
      const own = parents.get(pid);
      if (own) total += (Number(own[1]) + Number(own[2])) * 10;
      for (const [p, [ppid]] of parents) if (ppid === pid) walk(p);
    };
    walk(String(child.pid));
    return total;
  };
}

export function spawnQuiet(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d) => (err = (err + d).slice(-4000)));
  (child as ChildProcess & { lastError?: () => string }).lastError = () => err;
  return child;
}

export async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} never answered: ${(child as ChildProcess & { lastError?: () => string }).lastError?.()}`);
}

export async function waitForPort(port: number, child: ChildProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    if (!(await isFree(port))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`bare server never listened: ${(child as ChildProcess & { lastError?: () => string }).lastError?.()}`);
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(t);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function freePorts(count: number, base: number): Promise<number[]> {
  const ports: number[] = [];
  for (let p = base; p < base + 100 && ports.length < count; p++) if (await isFree(p)) ports.push(p);
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

const onlyArg = process.argv.find((a) => a.startsWith("--only="))?.slice(7) ?? (process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined);
if (import.meta.url === `file://${process.argv[1]}` && onlyArg === "reminders") {
  // The customer messages' benchmark has its own options (scripts/bench/reminders.ts).
  await (await import("./reminders")).remindersMain(process.argv.slice(2));
  process.exit(0);
}
if (import.meta.url === `file://${process.argv[1]}` && onlyArg === "scheduling") {
  // The free-slot search and moves (scripts/bench/scheduling.ts): --rows, --runs, --seconds as
  // here. A process of its own: importing it here would wait on this module (it imports it).
  await runChild("Free-slot search and moves (npm run bench:scheduling)", "scripts/bench/scheduling.ts", {}, process.argv.slice(2));
  process.exit(0);
}
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "1000000" },
      runs: { type: "string", default: "3" },
      seconds: { type: "string", default: "5" },
      smoke: { type: "boolean", default: false },
      only: { type: "string" },
      "api-only": { type: "boolean", default: false },
      "api-role": { type: "string", default: "api" },
      "api-workers": { type: "string", default: "1" },
    },
  });
  const smoke = values.smoke;
  const report = await runBench({
    rows: smoke ? 5000 : Number(values.rows),
    runs: smoke ? 1 : Number(values.runs),
    seconds: smoke ? 0.3 : Number(values.seconds),
    smoke,
    only: values.only?.split(",").filter((o) => o !== "scheduling"),
    apiOnly: values["api-only"],
    apiRole: values["api-role"] === "all" ? "all" : "api",
    apiWorkers: Number(values["api-workers"]),
  });
  printReport(report);
  mkdirSync(path.join(root, "bench-results"), { recursive: true });
  const file = path.join(root, "bench-results", `${report.startedAt.replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nSaved ${path.relative(root, file)}`);
  // A full run also measures the event pipeline's fan-out (1 000 live streams, 10 000 webhooks)
  // and the free-slot search and moves on the same datasets.
  const schedulingToo = values.only?.split(",").includes("scheduling");
  if (!smoke && !values.only && !values["api-only"]) await runEventBenches();
  if (!smoke && ((!values.only && !values["api-only"]) || schedulingToo)) {
    await runChild("Free-slot search and moves (npm run bench:scheduling)", "scripts/bench/scheduling.ts", {}, [
      "--rows", values.rows!, "--runs", values.runs!, "--seconds", values.seconds!,
    ]);
  }
}

async function runChild(title: string, script: string, env: Record<string, string>, args: string[] = []) {
  console.log(`\n${title}`);
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", script, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: "inherit" });
  await new Promise((resolve) => child.once("exit", resolve));
}

async function runEventBenches() {
  const server = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe("DROP DATABASE IF EXISTS rdv_bench_webhooks WITH (FORCE)");
  await admin.unsafe("CREATE DATABASE rdv_bench_webhooks");
  const webhooksDb = new URL(server);
  webhooksDb.pathname = "/rdv_bench_webhooks";
  for (const [title, script, env] of [
    ["Live streams (npm run bench:sse)", "scripts/bench/sse.ts", {}],
    ["Webhooks (npm run bench:webhooks)", "scripts/bench/webhooks.ts", { DATABASE_URL: webhooksDb.toString() }],
  ] as const) {
    await runChild(title, script, env);
  }
  await admin.unsafe("DROP DATABASE IF EXISTS rdv_bench_webhooks WITH (FORCE)");
  await admin.end();
}
