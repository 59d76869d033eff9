import { readFileSync } from "node:fs";
import postgres from "postgres";
import { runLoad } from "./load";
const info = JSON.parse(readFileSync(".data/bench/rdv_bench_1m.json", "utf8"));
const sql = postgres(info.databaseUrl, { max: 1 });
const ids = (await sql`SELECT id FROM appointments WHERE app_id = ${info.appId} ORDER BY random() LIMIT 2000`).map((r) => r.id);
await sql.end();
const op = process.argv[2] ?? "get";
const base = `/app/${info.appId}/multi-service/appointments`;
const r = await runLoad({ baseUrl: "http://127.0.0.1:3590", concurrency: 8, seconds: Number(process.argv[3] ?? 8), warmupSeconds: 2,
  next: (i) => op === "get" ? { path: `${base}/${ids[i % ids.length]}`, body: { apiKey: info.apiKey } }
    : { path: `${base}/list`, body: { apiKey: info.apiKey, companyId: info.companyId, limit: 50 } } });
console.log(op, r.rps.toFixed(0), "req/s p50", r.p50.toFixed(2), "p99", r.p99.toFixed(2), "errors", r.errors, r.errorStatuses);
