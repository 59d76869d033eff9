// The e2e run's database, named once by the Playwright runner (playwright.config.ts sets
// E2E_DATABASE; its workers and the web server inherit it): the server creates and fills it,
// and a spec that needs what the API refuses writes it there itself, as staff would record it.
import postgres from "postgres";

/** The PostgreSQL server the e2e database lives on. */
export const PG_SERVER_URL = process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The URL of the database named `name` on that server. */
export function databaseUrl(name: string): string {
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A start far ahead, at a minute no other booking of the run takes, for an appointment booked
 * through the API (unassigned, its company open) and then moved back with `backdate`.
 */
export function farAhead(): Date {
  return new Date(Date.UTC(2090, 0, 1) + Math.floor(Math.random() * 500_000) * 60_000);
}

/**
 * Moves an appointment the API booked (in the future) to `date`, keeping its length: an API key
 * may not book a start already past, the dashboard's staff may (a walk-in entered afterwards),
 * and a test needing one that started writes the start as the dashboard would. Answers the new
 * start and end.
 */
export async function backdate(id: string, date: Date): Promise<{ date: string; end: string }> {
  return inE2eDatabase(async (sql) => {
    const [row] = await sql<{ date: Date; end: Date }[]>`
      UPDATE appointments SET date = ${date}, "end" = ${date}::timestamptz + ("end" - date), updated_at = clock_timestamp()
      WHERE id = ${id}::uuid RETURNING date, "end"`;
    if (!row) throw new Error(`no appointment ${id} to backdate`);
    return { date: row.date.toISOString(), end: row.end.toISOString() };
  });
}

/**
 * Gives an appointment another start and end, as staff recording a long sitting would: one
 * begun before midnight and still running now, whatever the hour the test runs.
 */
export async function retime(id: string, date: Date, end: Date): Promise<void> {
  await inE2eDatabase(async (sql) => {
    const rows = await sql`UPDATE appointments SET date = ${date}, "end" = ${end}, updated_at = clock_timestamp() WHERE id = ${id}::uuid RETURNING id`;
    if (rows.length === 0) throw new Error(`no appointment ${id} to retime`);
  });
}

async function inE2eDatabase<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const name = process.env.E2E_DATABASE;
  if (!name) throw new Error("E2E_DATABASE is not set: appointments in the past need the e2e server's database (not E2E_BASE_URL)");
  const sql = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 2 });
  }
}
