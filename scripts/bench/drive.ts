// Drives one operation at a running server, for profiling it (`node --cpu-prof` on the server):
//   npx tsx scripts/bench/drive.ts <get|list|create> [seconds] [baseUrl] [database]
// Uses the bench database's details written by `npm run bench:fill` (.data/bench/<database>.json).
// Creates go to free slots far past the generated data and are deleted afterwards.
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { runLoad } from "./load";

const [op = "get", seconds = "8", baseUrl = "http://127.0.0.1:3590", database = "rdv_bench_1m"] = process.argv.slice(2);
const info = JSON.parse(readFileSync(`.data/bench/${database}.json`, "utf8"));
const sql = postgres(info.databaseUrl, { max: 1, onnotice: () => {} });
const ids = (await sql`SELECT id FROM appointments WHERE app_id = ${info.appId} ORDER BY random() LIMIT 2000`).map((r) => r.id);
const agents = await sql`
  SELECT a.id AS agent_id, (SELECT service_id FROM agent_services x WHERE x.app_id = a.app_id AND x.agent_id = a.id LIMIT 1) AS service_id
  FROM agents a WHERE a.app_id = ${info.appId} ORDER BY a.id`;
const [customer] = await sql`SELECT id FROM customers WHERE app_id = ${info.appId} LIMIT 1`;
const CREATE_FROM = Date.UTC(2032, 0, 1, 10);
const base = `/app/${info.appId}/multi-service/appointments`;
const r = await runLoad({
  baseUrl,
  concurrency: 8,
  seconds: Number(seconds),
  warmupSeconds: 2,
  next: (i) => {
    if (op === "get") return { path: `${base}/${ids[i % ids.length]}`, body: { apiKey: info.apiKey } };
    if (op === "list") return { path: `${base}/list`, body: { apiKey: info.apiKey, companyId: info.companyId, limit: 50 } };
    const a = agents[i % agents.length];
    const date = new Date(CREATE_FROM + Math.floor(i / agents.length) * 86_400_000).toISOString();
    return {
      path: `${base}/create`,
      expectStatus: 201,
      body: { apiKey: info.apiKey, serviceId: a.service_id, agentId: a.agent_id, customerId: customer.id, date, totalPrice: 5000 },
    };
  },
});
if (op === "create") await sql`DELETE FROM appointments WHERE app_id = ${info.appId} AND date >= ${new Date(CREATE_FROM - 86_400_000)}`;
await sql.end();
console.log(op, r.rps.toFixed(0), "req/s p50", r.p50.toFixed(2), "ms p99", r.p99.toFixed(2), "ms; unexpected answers", r.errorStatuses);
