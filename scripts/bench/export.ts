// The data export's memory and speed on a large app:
//   npm run bench:export -- [--rows 100000] [--database rdv_bench_100k] [--page 1000]
// Fills (or reuses) the benchmark database with scripts/bench/fill.ts, gives every appointment
// one history event if it has none (the fill writes none), then runs the export in a child
// process of its own, through the app's database layer and lib/export/zip.ts, writing the ZIP
// to a file, and prints that process's peak RSS (sampled every 20 ms), rows/s and the size.
import { spawn } from "node:child_process";
import { createWriteStream, statSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { benchDatabaseName, fillDatabase } from "./fill";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "100000" },
    database: { type: "string" },
    page: { type: "string", default: "1000" },
    child: { type: "boolean", default: false },
    app: { type: "string" },
    out: { type: "string" },
  },
});

type ChildReport = { rows: number; seconds: number; baselineRssMb: number; peakRssMb: number; bytes: number };

if (values.child) {
  await child();
} else {
  await parent();
}

async function parent() {
  const rows = Number(values.rows);
  const info = await fillDatabase({ rows, database: values.database ?? benchDatabaseName(rows) });
  const sql = postgres(info.databaseUrl, { max: 1, onnotice: () => {} });
  const [{ n }] = await sql`SELECT count(*)::int AS n FROM appointment_events WHERE app_id = ${info.appId}`;
  if (n === 0) {
    console.log("Writing one history event per appointment…");
    await sql`
      INSERT INTO appointment_events (app_id, company_id, appointment_id, type, to_status, actor_type, actor_name, data, published)
      SELECT app_id, company_id, id, 'appointment.created', status, 'system', 'bench',
             jsonb_build_object('id', id, 'status', status, 'date', date, 'totalPrice', total_price), false
      FROM appointments WHERE app_id = ${info.appId}`;
  }
  const counts = await sql`
    SELECT (SELECT count(*) FROM appointments WHERE app_id = ${info.appId})::int AS appointments,
           (SELECT count(*) FROM appointment_events WHERE app_id = ${info.appId})::int AS events,
           (SELECT count(*) FROM customers WHERE app_id = ${info.appId})::int AS customers`;
  await sql.end();
  console.log(`Database ${path.basename(new URL(info.databaseUrl).pathname)}:`, counts[0]);

  const out = path.join(os.tmpdir(), `rdv-export-bench-${process.pid}.zip`);
  const report = await new Promise<ChildReport>((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/register.mjs", "scripts/bench/export.ts", "--child", "--app", info.appId, "--out", out, "--page", values.page!],
      { env: { ...process.env, DATABASE_URL: info.databaseUrl, NODE_ENV: "production" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    let text = "";
    proc.stdout.on("data", (d) => (text += d));
    proc.on("error", reject);
    proc.on("exit", (code) => (code === 0 ? resolve(JSON.parse(text.trim().split("\n").pop()!)) : reject(new Error(`export child exited ${code}`))));
  });
  unlinkSync(out);
  console.log(
    [
      `rows exported (all datasets): ${report.rows.toLocaleString("en")}`,
      `time: ${report.seconds.toFixed(1)} s, ${Math.round(report.rows / report.seconds).toLocaleString("en")} rows/s`,
      `ZIP: ${(report.bytes / 1e6).toFixed(1)} MB`,
      `RSS: ${report.baselineRssMb.toFixed(0)} MB before, peak ${report.peakRssMb.toFixed(0)} MB during the export`,
    ].join("\n"),
  );
}

async function child() {
  const { systemCaller } = await import("../../lib/auth/caller");
  const { exportAppZip } = await import("../../lib/export/zip");
  const { getDb, closeDb } = await import("../../db");
  await getDb();
  const mb = () => process.memoryUsage().rss / 1e6;
  const baseline = mb();
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, mb())), 20);
  const started = performance.now();
  const caller = systemCaller(values.app!, "bench");
  await pipeline(exportAppZip(caller, { pageSize: Number(values.page) }), createWriteStream(values.out!));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, mb());
  // The manifest is the archive's last entry; its counts are the rows written (each in JSON and CSV).
  const manifestRows = await manifestCount(values.out!);
  await closeDb();
  const report: ChildReport = { rows: manifestRows, seconds, baselineRssMb: baseline, peakRssMb: peak, bytes: statSync(values.out!).size };
  console.log(JSON.stringify(report));
}

/** Sums the manifest's row counts, reading only the manifest entry (the ZIP may be large). */
async function manifestCount(file: string): Promise<number> {
  const yauzl = (await import("yauzl")).default;
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on("entry", (entry: import("yauzl").Entry) => {
        if (entry.fileName !== "manifest.json") return zip.readEntry();
        zip.openReadStream(entry, async (e, stream) => {
          if (e || !stream) return reject(e);
          let text = "";
          for await (const chunk of stream) text += chunk;
          const rows = JSON.parse(text).rows as Record<string, number>;
          zip.close();
          resolve(Object.values(rows).reduce((a, b) => a + b, 0));
        });
      });
      zip.on("end", () => reject(new Error("no manifest.json in the export")));
      zip.readEntry();
    });
  });
}
