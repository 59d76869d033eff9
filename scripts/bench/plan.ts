// The list query's plan and cost, EXPLAINed exactly as the domain builds it (listQuery).
import { fillPlaceholders } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "../../db/schema";
import { listQuery } from "../../lib/appointments/list";
import { listAppointmentsInput } from "../../lib/contract/appointment-inputs";
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

/**
 * The list query's plan at each size, and its execution time: the sizes are sampled in turn
 * (10 k, 1 M, 10 k, …) so a slow moment of the machine weighs on both alike. Timed samples
 * use TIMING OFF: per-node clocks would add their own cost to the figure.
 */
export async function explainLists(infos: BenchInfo[], samples: number): Promise<PlanResult[]> {
  const lists = await Promise.all(infos.map(prepareList));
  try {
    const first: number[][] = lists.map(() => []);
    const deep: number[][] = lists.map(() => []);
    for (let i = 0; i < samples + 2; i++) {
      for (const [k, list] of lists.entries()) {
        const [f, d] = [await list.time(list.first), await list.time(list.deep)];
        if (i >= 2) first[k].push(f), deep[k].push(d); // the first two warm caches up
      }
    }
    return await Promise.all(
      lists.map(async (list, k) => ({ ...(await list.describe()), samples, firstMs: median(first[k]), deepMs: median(deep[k]) })),
    );
  } finally {
    await Promise.all(lists.map((l) => l.client.end()));
  }
}

async function prepareList(info: BenchInfo) {
  const client = postgres(info.databaseUrl, { max: 1, onnotice: () => {} });
  const db = drizzle({ client, schema, casing: "snake_case" });
  const caller = systemCaller(info.appId);
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
  const explain = async (filters: typeof first, options = "ANALYZE") => {
    const { sql, params } = statement(filters);
    const [row] = await client.unsafe(`EXPLAIN (${options}, FORMAT JSON) ${sql}`, params);
    return (row["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[])[0];
  };
  return {
    client,
    first,
    deep,
    time: async (filters: typeof first) => (await explain(filters, "ANALYZE, TIMING OFF"))["Execution Time"],
    describe: async () => {
      const nodes = flatten((await explain(first)).Plan);
      const scan = nodes.find((n) => n["Relation Name"] === "appointments");
      const deepPlan = flatten((await explain(deep)).Plan);
      const sortsCompany = [...nodes, ...deepPlan].some((n) => n["Node Type"] === "Sort" && (n["Actual Rows"] ?? 0) > 51);
      const { sql: text, params } = statement(first);
      const textPlan = (await client.unsafe(`EXPLAIN ${text}`, params)).map((r) => r["QUERY PLAN"]).join("\n");
      return { rows: info.rows, index: scan?.["Index Name"] ?? scan?.["Node Type"] ?? "?", sortsCompany, plan: textPlan };
    },
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function flatten(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(flatten)];
}
