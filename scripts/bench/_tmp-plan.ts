import { fillPlaceholders } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../db/schema";
import { listQuery } from "../../lib/appointments/list";
import { listAppointmentsInput } from "../../lib/appointments/schemas";
import { systemCaller } from "../../lib/auth/caller";
import { readFileSync } from "node:fs";
const info = JSON.parse(readFileSync(`/work/main/.data/bench/${process.env.DB ?? "rdv_bench_1m"}.json`, "utf8"));
const client = postgres(info.databaseUrl, { max: 1, onnotice: () => {} });
const db = drizzle({ client, schema, casing: "snake_case" });
const [cut] = await client`SELECT date, id FROM appointments WHERE app_id = ${info.appId} AND company_id = ${info.companyId} ORDER BY date, id OFFSET 4000 LIMIT 1`;
const cursor = Buffer.from(JSON.stringify([new Date(cut.date as string).toISOString(), cut.id])).toString("base64url");
const mode = process.argv[2] ?? "deep";
const from = new Date(Date.now() + 7 * 86_400_000); from.setUTCHours(0,0,0,0);
const to = new Date(from.getTime() + 7 * 86_400_000);
const f = mode === "deep" ? listAppointmentsInput.parse({ companyId: info.companyId, cursor, limit: 50 })
  : listAppointmentsInput.parse({ companyId: info.companyId, status: "CONFIRMED", from: from.toISOString(), to: to.toISOString(), limit: 50 });
const built = listQuery(systemCaller(info.appId), f)!;
let { sql, params } = built.query(db as never).toSQL();
if (process.env.LIT) { sql = sql.replace(/limit \$(\d+)/, 'limit 51'); params = params.slice(0, -1); }
const p = fillPlaceholders(params, built.values) as never[];
const res = await client.begin(async (tx) => {
  await tx.unsafe(`SET LOCAL plan_cache_mode = ${process.argv[3] ?? "force_generic_plan"}`);
  await tx.unsafe(`PREPARE s AS ${sql}`);
  const out = [];
  for (let i = 0; i < 9; i++) out.push(await tx.unsafe(`EXPLAIN (ANALYZE, BUFFERS) EXECUTE s(${p.map((v) => `'${v}'`).join(",")})`));
  return out.map((o) => o.map((r: any) => r['QUERY PLAN']).filter((l: string) => /Planning|Execution/.test(l)).join(' ')).join('\n');
});
console.log(sql);
console.log(res);
await client.end();
