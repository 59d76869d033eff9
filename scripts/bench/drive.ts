// Drives one operation at a running server, for profiling it (`node --cpu-prof` on the server):
//   npx tsx scripts/bench/drive.ts <get|list> [seconds] [baseUrl] [database]
// Uses the bench database's details written by `npm run bench:fill` (.data/bench/<database>.json).
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { runLoad } from "./load";

const [op = "get", seconds = "8", baseUrl = "http://127.0.0.1:3590", database = "rdv_bench_1m"] = process.argv.slice(2);
const info = JSON.parse(readFileSync(`.data/bench/${database}.json`, "utf8"));
const sql = postgres(info.databaseUrl, { max: 1 });
const ids = (await sql`SELECT id FROM appointments WHERE app_id = ${info.appId} ORDER BY random() LIMIT 2000`).map((r) => r.id);
await sql.end();
const base = `/app/${info.appId}/multi-service/appointments`;
const r = await runLoad({
  baseUrl,
  concurrency: 8,
  seconds: Number(seconds),
  warmupSeconds: 2,
  next: (i) =>
    op === "get"
      ? { path: `${base}/${ids[i % ids.length]}`, body: { apiKey: info.apiKey } }
      : { path: `${base}/list`, body: { apiKey: info.apiKey, companyId: info.companyId, limit: 50 } },
});
console.log(op, r.rps.toFixed(0), "req/s p50", r.p50.toFixed(2), "ms p99", r.p99.toFixed(2), "ms; unexpected answers", r.errorStatuses);
