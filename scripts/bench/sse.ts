// `npm run bench:sse`: live dashboards at scale. A production server (`npm start`, built) on its
// own PostgreSQL database; S signed-in event streams open at once (default 1 000, one member's
// tabs); appointments booked through the API at R per second for T seconds by 8 callers. Prints
// how long the streams took to open, every event's delay from its commit to each stream
// (median, p99, max over all stream × event pairs), events missed or repeated (must be 0), the
// API's own latency meanwhile, and the server's memory and CPU.
//   npm run bench:sse -- [--streams 1000] [--rate 10] [--seconds 10]
// The database (rdv_bench_sse on BENCH_PG_URL's server) is made afresh and dropped at the end.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";

const { values } = parseArgs({
  options: {
    streams: { type: "string", default: "1000" },
    rate: { type: "string", default: "10" },
    seconds: { type: "string", default: "10" },
  },
});
const STREAMS = Number(values.streams);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const CALLERS = 8;

const root = path.resolve(import.meta.dirname, "../..");
if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID"))) throw new Error("No build: run `npm run build` first.");
const server = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DATABASE = "rdv_bench_sse";
const admin = postgres(server, { max: 1, onnotice: () => {} });
await admin.unsafe(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
await admin.unsafe(`CREATE DATABASE ${DATABASE}`);
const url = new URL(server);
url.pathname = `/${DATABASE}`;
process.env.DATABASE_URL = url.toString();

// The tenant, made through the domain: one company, four agents, a service, customers, an
// owner who signs in, an API key.
const { getDb, closeDb } = await import("../../db");
const { apps } = await import("../../db/schema");
const { systemCaller } = await import("../../lib/auth/caller");
const { addMember } = await import("../../lib/auth/team");
const { createApiKey } = await import("../../lib/auth/api-keys");
const { SCOPES } = await import("../../lib/contract/scopes");
const { createAgent, createCompany, createCustomer, createService } = await import("../../lib/catalog");
const db = await getDb();
const [app] = await db.insert(apps).values({ name: "Bench SSE" }).returning();
const owner = systemCaller(app.id, "bench");
const company = await createCompany(owner, { name: "Salon du bench" });
const service = await createService(owner, { companyId: company.id, name: "Coupe", basePrice: 5000, duration: 30 });
const agents: { id: string }[] = [];
for (let i = 0; i < CALLERS; i++) agents.push(await createAgent(owner, { companyId: company.id, fullname: `Agent ${i + 1}`, serviceIds: [service.id] }));
const { customer } = await createCustomer(owner, { fullname: "Client du bench", telephone: "+2250700000099" });
const member = { email: "sse-bench@rendez-vous.local", password: "Bench-SSE-2026-password" };
await addMember(owner, { email: member.email, name: "Bench", role: "owner", companyIds: [], password: member.password });
const { key: apiKey } = await createApiKey(owner, { name: "bench", scopes: [...SCOPES], rateLimit: 1_000_000 });
await closeDb();

const port = await freePort(3700);
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", "server/index.ts"], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NODE_ENV: "production",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789abcdef",
    NEXT_TELEMETRY_DISABLED: "1",
    WEBHOOKS_WORKER: "0",
    MESSAGES_WORKER: "0",
  },
  stdio: ["ignore", "ignore", "pipe"],
});
let childErr = "";
child.stderr!.on("data", (d) => (childErr = (childErr + d).slice(-4000)));
const cpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))![1]) / 1024;

try {
  await waitFor(`${base}/api/health`);
  const cookie = await signIn();

  // The streams: each counts the events it gets and their delay from the event's commit.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const delays: number[] = [];
  const perStream: Map<string, number>[] = [];
  let repeated = 0;
  const openStarted = performance.now();
  const requests: http.ClientRequest[] = [];
  await Promise.all(
    Array.from({ length: STREAMS }, (_, i) => {
      const seen = new Map<string, number>();
      perStream.push(seen);
      return new Promise<void>((resolve, reject) => {
        const req = http.get(`${base}/api/events/stream`, { agent, headers: { cookie, accept: "text/event-stream" } }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`stream ${i}: HTTP ${res.statusCode}`));
          res.setEncoding("utf8");
          let text = "";
          let opened = false;
          res.on("data", (chunk: string) => {
            const now = Date.now();
            if (!opened) {
              opened = true;
              resolve();
            }
            text += chunk;
            let cut: number;
            while ((cut = text.indexOf("\n\n")) >= 0) {
              const block = text.slice(0, cut);
              text = text.slice(cut + 2);
              const id = /^id: (\d+)$/m.exec(block)?.[1];
              if (!id) continue;
              // Only the time is read: parsing every payload 1 000 times would measure the client.
              const at = /"occurredAt":"([^"]+)"/.exec(block)?.[1];
              if (seen.has(id)) repeated++;
              seen.set(id, 1);
              if (at) delays.push(now - Date.parse(at));
            }
          });
        });
        req.on("error", reject);
        requests.push(req);
      });
    }),
  );
  const openMs = performance.now() - openStarted;
  console.log(`${STREAMS} flux ouverts en ${(openMs / 1000).toFixed(1)} s`);
  await new Promise((r) => setTimeout(r, 1000));

  // The changes: creates through the API, paced at RATE per second over CALLERS callers.
  const total = RATE * SECONDS;
  const created: string[] = [];
  const apiMs: number[] = [];
  const cpuBefore = cpuMs();
  const started = Date.now();
  let next = 0;
  const slot0 = Date.UTC(2031, 0, 6, 8);
  await Promise.all(
    Array.from({ length: CALLERS }, async (_, c) => {
      for (;;) {
        const n = next++;
        if (n >= total) return;
        const due = started + (n * 1000) / RATE;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        const t0 = performance.now();
        const res = await fetch(`${base}/app/${app.id}/multi-service/appointments/create`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            apiKey,
            serviceId: service.id,
            agentId: agents[c].id,
            customerId: customer.id,
            date: new Date(slot0 + n * 30 * 60_000).toISOString(),
          }),
        });
        apiMs.push(performance.now() - t0);
        const body = (await res.json()) as { data?: { id: string } };
        if (res.status !== 201 || !body.data) throw new Error(`create ${n}: HTTP ${res.status} ${JSON.stringify(body)}`);
        created.push(body.data.id);
      }
    }),
  );
  // Every stream should now get every event: wait (at most 30 s) for the last ones.
  const expected = STREAMS * total;
  for (let i = 0; i < 300 && delays.length < expected; i++) await new Promise((r) => setTimeout(r, 100));
  const cpu = cpuMs() - cpuBefore;
  const wall = Date.now() - started;
  const missing = perStream.reduce((sum, seen) => sum + Math.max(0, total - seen.size), 0);
  const rss = rssMb();
  requests.forEach((r) => r.destroy());
  agent.destroy();

  delays.sort((a, b) => a - b);
  apiMs.sort((a, b) => a - b);
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  console.log(
    JSON.stringify(
      {
        streams: STREAMS,
        events: total,
        deliveries: delays.length,
        missing,
        repeated,
        commitToScreenMs: { median: pct(delays, 50), p99: pct(delays, 99), max: delays[delays.length - 1] },
        apiCreateMs: { median: +pct(apiMs, 50).toFixed(1), p99: +pct(apiMs, 99).toFixed(1) },
        server: { cpuPercentOfOneCore: Math.round((cpu / wall) * 100), rssMb: Math.round(rss) },
        openSeconds: +(openMs / 1000).toFixed(1),
      },
      null,
      2,
    ),
  );
  if (missing > 0 || repeated > 0) process.exitCode = 1;
} catch (err) {
  console.error(err, childErr);
  process.exitCode = 1;
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await admin.unsafe(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
}

async function signIn(): Promise<string> {
  const cookies = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookies(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email: member.email, password: member.password, csrfToken, callbackUrl: "/" }),
  });
  const session = cookies(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed (HTTP ${res.status})`);
  return [...jar, session].join("; ");
}

async function waitFor(target: string) {
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      if ((await fetch(target)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${target} never answered`);
}

async function freePort(from: number): Promise<number> {
  for (let p = from; p < from + 100; p++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen(p, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (free) return p;
  }
  throw new Error("no free port");
}
