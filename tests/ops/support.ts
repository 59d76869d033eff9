// Helpers of the operations tests: run a project script as a user would, read every table's
// content as one fingerprint.
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { executeRows, type Queryable } from "@/db";

export function runScript(script: string, args: string[], env: Record<string, string | undefined>) {
  const res = spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/register.mjs", script, ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 180_000,
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

/** Each table's row count and an md5 of its rows in a stable order. */
export async function fingerprint(db: Queryable): Promise<Record<string, string>> {
  const tables = await executeRows<{ name: string }>(
    db,
    sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await executeRows<{ n: number; sum: string | null }>(
      db,
      sql.raw(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS sum FROM "${name}" t`),
    );
    out[name] = `${row.n}:${row.sum}`;
  }
  return out;
}
