// Fills a PostgreSQL database with benchmark data, set-based (no row-by-row inserts):
//   npm run bench:fill -- [--rows 1000000] [--database rdv_bench_1m] [--reset]
// Scale for N appointments: N/5000 companies (at least 2), 10 agents and 5 services each,
// N/50 customers, two years centred on today, every status, no agent overlap (an agent has
// at most one appointment a day). Writes .data/bench/<database>.json with the app id, a key
// with a high rate limit, and sample ids for the harness.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { generateApiKey } from "../../lib/auth/api-key-secret";
import { hashPassword } from "../../lib/auth/password";
import { SCOPES } from "../../lib/contract/scopes";

export type BenchInfo = {
  database: string;
  databaseUrl: string;
  rows: number;
  appId: string;
  apiKey: string;
  companyId: string;
  owner: { email: string; password: string };
};

export const BENCH_OWNER = { email: "bench@rendez-vous.local", password: "bench-password-1234" };

export function benchDatabaseName(rows: number): string {
  return `rdv_bench_${rows >= 1e6 ? `${rows / 1e6}m` : `${rows / 1e3}k`}`;
}

/** Creates (or reuses) the database and fills it; answers what the harness needs to call it. */
export async function fillDatabase(options: {
  rows: number;
  database?: string;
  server?: string;
  reset?: boolean;
  quiet?: boolean;
  /**
   * Leave the bench key and owner as they are (a main bench run may be using them): for callers
   * that bring their own key (scheduling.ts). The answer's apiKey is then empty.
   */
  keepKey?: boolean;
}): Promise<BenchInfo> {
  const scale = new Scale(options.rows);
  const dbName = options.database ?? benchDatabaseName(options.rows);
  const serverUrl = new URL(options.server ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;
  const log = options.quiet ? () => {} : console.log;

  const admin = postgres(serverUrl.toString(), { max: 1, onnotice: () => {} });
  const exists = (await admin`SELECT 1 FROM pg_database WHERE datname = ${dbName}`).length > 0;
  if (exists && options.reset) await admin.unsafe(`DROP DATABASE "${dbName}" WITH (FORCE)`);
  if (!exists || options.reset) await admin.unsafe(`CREATE DATABASE "${dbName}"`);
  await admin.end();

  // Migrate with the app's own migrations, as a deployment would.
  const sql = postgres(dbUrl.toString(), { max: 1, onnotice: () => {} });
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  await migrate(drizzle({ client: sql, casing: "snake_case" }), { migrationsFolder: path.join(process.cwd(), "db/migrations") });

  const [{ n }] = await sql`SELECT count(*)::int AS n FROM appointments`;
  if (n > 0) {
    log(`${dbName} holds ${n} appointments already (--reset to refill).`);
  } else {
    await generate(sql, scale, dbName, log);
  }
  const info = options.keepKey ? await readInfo(sql, dbName, dbUrl.toString()) : await writeInfo(sql, dbName, dbUrl.toString(), log);
  await sql.end();
  return info;
}

const AGENTS_PER_COMPANY = 10;
const SERVICES_PER_COMPANY = 5;
const DAYS = 730;
export const BENCH_APP_ID = "b0b0b0b0-0000-4000-8000-00000000be9c";
const APP_ID = BENCH_APP_ID;

class Scale {
  readonly COMPANIES: number;
  readonly AGENTS: number;
  readonly PER_AGENT: number;
  readonly CUSTOMERS: number;
  constructor(readonly N: number) {
    this.COMPANIES = Math.max(2, Math.round(N / 5000));
    this.AGENTS = this.COMPANIES * AGENTS_PER_COMPANY;
    this.PER_AGENT = Math.ceil(N / this.AGENTS);
    this.CUSTOMERS = Math.max(100, Math.round(N / 50));
  }
}

async function generate(sql: postgres.Sql, scale: Scale, dbName: string, log: (...a: unknown[]) => void) {
  const { N, COMPANIES, AGENTS, PER_AGENT, CUSTOMERS } = scale;
  const t0 = performance.now();
  const step = async (label: string, query: () => Promise<unknown>) => {
    const s = performance.now();
    await query();
    log(`  ${label.padEnd(28)} ${((performance.now() - s) / 1000).toFixed(1)} s`);
  };
  log(`Filling ${dbName}: ${N} appointments, ${COMPANIES} companies, ${AGENTS} agents, ${CUSTOMERS} customers`);
  await step("app, companies", () =>
    sql.begin(async (tx) => {
      await tx`INSERT INTO apps (id, name) VALUES (${APP_ID}, 'Benchmark')`;
      await tx`INSERT INTO companies (app_id, id, name, slug, is_default)
        SELECT ${APP_ID}, md5('bench-company-' || g)::uuid, 'Entreprise ' || g, 'entreprise-' || g, g = 1
        FROM generate_series(1, ${COMPANIES}::int) g`;
    }),
  );
  await step("services, agents", () =>
    sql.begin(async (tx) => {
      await tx`INSERT INTO services (app_id, id, company_id, name, slug, base_price, duration)
        SELECT ${APP_ID}, md5('bench-service-' || c || '-' || k)::uuid, md5('bench-company-' || c)::uuid,
               'Service ' || k, 'service-' || k, 2000 + k * 1500, (ARRAY[30, 45, 60, 90, 120])[k + 1]
        FROM generate_series(1, ${COMPANIES}::int) c, generate_series(0, ${SERVICES_PER_COMPANY - 1}::int) k`;
      await tx`INSERT INTO agents (app_id, id, company_id, fullname)
        SELECT ${APP_ID}, md5('bench-agent-' || a)::uuid, md5('bench-company-' || ((a - 1) / ${AGENTS_PER_COMPANY}::int + 1))::uuid, 'Agent ' || a
        FROM generate_series(1, ${AGENTS}::int) a`;
      await tx`INSERT INTO agent_services (app_id, company_id, agent_id, service_id)
        SELECT ${APP_ID}, md5('bench-company-' || c)::uuid, md5('bench-agent-' || a)::uuid, md5('bench-service-' || c || '-' || k)::uuid
        FROM (SELECT a, (a - 1) / ${AGENTS_PER_COMPANY}::int + 1 AS c FROM generate_series(1, ${AGENTS}::int) a) x,
             generate_series(0, ${SERVICES_PER_COMPANY - 1}::int) k`;
    }),
  );
  await step("customers", () =>
    sql`INSERT INTO customers (app_id, id, fullname, telephone)
      SELECT ${APP_ID}, md5('bench-customer-' || g)::uuid, 'Client ' || g, '+22507' || lpad(g::text, 8, '0')
      FROM generate_series(1, ${CUSTOMERS}::int) g`,
  );
  // Batches of agents keep each statement's memory and WAL moderate.
  const batch = Math.max(1, Math.floor(200_000 / PER_AGENT));
  for (let first = 1; first <= AGENTS; first += batch) {
    const last = Math.min(AGENTS, first + batch - 1);
    await step(`appointments agents ${first}–${last}`, () =>
      sql`INSERT INTO appointments (app_id, id, company_id, service_id, customer_id, agent_id, date, "end", total_price, commune, status, created_at, updated_at)
        SELECT ${APP_ID}, gen_random_uuid(), md5('bench-company-' || c)::uuid, md5('bench-service-' || c || '-' || s)::uuid,
               md5('bench-customer-' || (1 + floor(random() * ${CUSTOMERS}::int))::int)::uuid, md5('bench-agent-' || a)::uuid,
               d, d + make_interval(mins => (ARRAY[30, 45, 60, 90, 120])[s + 1]), 2000 + s * 1500,
               (ARRAY['Cocody', 'Plateau', 'Marcory', 'Yopougon', 'Treichville'])[1 + (k % 5)],
               CASE WHEN d < now() THEN (CASE WHEN r < 0.85 THEN 'COMPLETED' WHEN r < 0.97 THEN 'CANCELLED' ELSE 'CONFIRMED' END)
                    ELSE (CASE WHEN r < 0.55 THEN 'PENDING' WHEN r < 0.9 THEN 'CONFIRMED' ELSE 'CANCELLED' END) END::appointment_status,
               d - interval '3 days', d - interval '1 day'
        FROM (
          SELECT a, k, (a - 1) / ${AGENTS_PER_COMPANY}::int + 1 AS c, (a + k) % ${SERVICES_PER_COMPANY}::int AS s, random() AS r,
                 date_trunc('day', now()) - interval '365 days'
                   + make_interval(days => (k * ${DAYS}::int / ${PER_AGENT}::int))
                   + make_interval(hours => 8 + ((a * 7 + k * 13) % 10), mins => 15 * ((a + k) % 4)) AS d
          FROM generate_series(${first}::int, ${last}::int) a, generate_series(0, ${PER_AGENT - 1}::int) k
        ) x`,
    );
  }
  // As autovacuum leaves a settled table: statistics and the visibility map (index-only scans).
  await step("vacuum analyze", () => sql`VACUUM ANALYZE`);
  log(`Filled in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function readInfo(sql: postgres.Sql, dbName: string, databaseUrl: string): Promise<BenchInfo> {
  const [{ count }] = await sql`SELECT count(*)::int AS count FROM appointments WHERE app_id = ${APP_ID}`;
  const companyId = (await sql`SELECT md5('bench-company-1')::uuid AS id`)[0].id as string;
  return { database: dbName, databaseUrl, rows: count, appId: APP_ID, apiKey: "", companyId, owner: BENCH_OWNER };
}

async function writeInfo(sql: postgres.Sql, dbName: string, databaseUrl: string, log: (...a: unknown[]) => void): Promise<BenchInfo> {
  // The owner signs in to time the dashboard page.
  const passwordHash = await hashPassword(BENCH_OWNER.password);
  await sql`INSERT INTO users (email, name, password_hash) VALUES (${BENCH_OWNER.email}, 'Bench', ${passwordHash})
    ON CONFLICT (email) DO UPDATE SET password_hash = excluded.password_hash`;
  await sql`INSERT INTO memberships (app_id, user_id, role) SELECT ${APP_ID}, id, 'owner' FROM users WHERE email = ${BENCH_OWNER.email}
    ON CONFLICT DO NOTHING`;
  const { key, prefix, digest } = generateApiKey();
  await sql`DELETE FROM api_keys WHERE app_id = ${APP_ID} AND name = 'bench'`;
  await sql`INSERT INTO api_keys (app_id, name, prefix, digest, scopes, rate_limit)
    VALUES (${APP_ID}, 'bench', ${prefix}, ${digest}, ${sql.array([...SCOPES])}, 100000000)`;
  const [{ count }] = await sql`SELECT count(*)::int AS count FROM appointments WHERE app_id = ${APP_ID}`;
  const info: BenchInfo = {
    database: dbName,
    databaseUrl,
    rows: count,
    appId: APP_ID,
    apiKey: key,
    companyId: (await sql`SELECT md5('bench-company-1')::uuid AS id`)[0].id,
    owner: BENCH_OWNER,
  };
  const dir = path.join(process.cwd(), ".data/bench");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${dbName}.json`), JSON.stringify(info, null, 2));
  log(`${dbName}: ${count} appointments; details in .data/bench/${dbName}.json`);
  return info;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "1000000" },
      database: { type: "string" },
      server: { type: "string" },
      reset: { type: "boolean", default: false },
    },
  });
  await fillDatabase({ rows: Number(values.rows), database: values.database, server: values.server, reset: values.reset });
}
