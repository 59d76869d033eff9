// The list query's plan and cost, EXPLAINed exactly as the domain builds it (listQuery).
import { fillPlaceholders } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../db/schema";
import { listQuery } from "../../lib/appointments/list";
import { listAppointmentsInput } from "../../lib/appointments/schemas";
import { systemCaller } from "../../lib/auth/caller";
import type { BenchInfo } from "./fill";

export type PlanResult = {
  rows: number;
  samples: number;
  firstMs: number;
  deepMs: number;
  /** The index the appointments scan used. */
  index: string;
  /** true when a Sort node had more rows to sort than the page: the company was sorted whole. */
  sortsCompany: boolean;
  plan: string;
};

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

export async function explainList(info: BenchInfo, samples: number): Promise<PlanResult> {
  const client = postgres(info.databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle({ client, schema, casing: "snake_case" });
  const caller = systemCaller(info.appId);
  try {
    const from = new Date(Date.now() + 7 * 86_400_000);
    from.setUTCHours(0, 0, 0, 0);
    const to = new Date(from.getTime() + 7 * 86_400_000);
    const first = listAppointmentsInput.parse({ companyId: info.companyId, status: "CONFIRMED", from: from.toISOString(), to: to.toISOString(), limit: 50 });
    const [cut] = await client`
      SELECT date, id FROM appointments WHERE app_id = ${info.appId} AND company_id = ${info.companyId}
      ORDER BY date, id OFFSET (SELECT (count(*) * 0.8)::int FROM appointments WHERE app_id = ${info.appId} AND company_id = ${info.companyId}) LIMIT 1`;
    // drizzle turns this client's timestamp parser off: the date comes back as text.
    const cursor = Buffer.from(JSON.stringify([new Date(cut.date as string).toISOString(), cut.id])).toString("base64url");
    const deep = listAppointmentsInput.parse({ companyId: info.companyId, cursor, limit: 50 });

    const statement = (filters: typeof first) => {
      const built = listQuery(caller, filters)!;
      const { sql, params } = built.query(db as never).toSQL();
      return { sql, params: fillPlaceholders(params, built.values) as never[] };
    };
    const explain = async (filters: typeof first) => {
      const { sql, params } = statement(filters);
      const [row] = await client.unsafe(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
      return (row["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[])[0];
    };
    const times = async (filters: typeof first) => {
      const ms: number[] = [];
      for (let i = 0; i < samples + 2; i++) {
        const p = await explain(filters);
        if (i >= 2) ms.push(p["Execution Time"]);
      }
      return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)];
    };
    const plan = await explain(first);
    const nodes = flatten(plan.Plan);
    const scan = nodes.find((n) => n["Relation Name"] === "appointments");
    const deepPlan = flatten((await explain(deep)).Plan);
    const sortsCompany = [...nodes, ...deepPlan].some((n) => n["Node Type"] === "Sort" && (n["Actual Rows"] ?? 0) > 51);
    const { sql: text, params } = statement(first);
    const textPlan = (await client.unsafe(`EXPLAIN ${text}`, params)).map((r) => r["QUERY PLAN"]).join("\n");
    return {
      rows: info.rows,
      samples,
      firstMs: await times(first),
      deepMs: await times(deep),
      index: scan?.["Index Name"] ?? scan?.["Node Type"] ?? "?",
      sortsCompany,
      plan: textPlan,
    };
  } finally {
    await client.end();
  }
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}
