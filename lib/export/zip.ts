// The app's data export as a ZIP, streamed: for every dataset a JSON file (an array of rows)
// and a CSV file (";" and a BOM, as the list's CSV export), then manifest.json with the row
// counts. Entries are produced one after the other from keyset pages as the client reads:
// yazl asks for an entry's stream only when its turn comes and the pipes carry the client's
// backpressure down to the page reads, so memory holds about one page whatever the app's size.
// Each dataset is read twice (once per format) rather than kept aside between the two entries.
// Pages are separate reads, not one snapshot: a change made during the export may show in a
// later file and not in an earlier one.
import "server-only";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { Caller } from "../auth/caller";
import { requireScope } from "../auth/caller";
import { CSV_BOM, csvLine } from "../contract/csv";
import { DATASETS, type Dataset } from "./datasets";

export const EXPORT_PAGE_SIZE = 1000;

export type ExportOptions = { now?: Date; pageSize?: number };

/** The caller's data as a ZIP byte stream. Throws (403) before anything is sent without `data:export`. */
export function exportAppZip(caller: Caller, options: ExportOptions = {}): Readable {
  requireScope(caller, "data:export");
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
  const zip = new ZipFile();
  // A client that goes away ends the reading at the next page.
  const stop = new AbortController();
  const counts: Record<string, number> = {};
  const entry = { mtime: now, compressionLevel: 6 };

  const out = zip.outputStream as unknown as Readable;
  // yazl does not listen for its lazy entries' errors: a failed page read (database gone, a
  // statement cancelled) would be an uncaught exception. It ends the archive instead, cut
  // short, which is all a stream whose headers are sent can say.
  const fail = (err: Error) => {
    console.error("Export interrompu :", err);
    out.destroy(err);
  };
  zip.on("error", fail);
  const source = (chunks: AsyncIterable<Buffer> | Iterable<Buffer>) => Readable.from(chunks).once("error", fail);

  for (const set of DATASETS) {
    zip.addReadStreamLazy(`${set.name}.json`, entry, (cb) =>
      cb(null, source(jsonChunks(caller, set, pageSize, stop.signal, (n) => (counts[set.name] = n)))),
    );
    zip.addReadStreamLazy(`${set.name}.csv`, entry, (cb) => cb(null, source(csvChunks(caller, set, pageSize, stop.signal))));
  }
  zip.addReadStreamLazy("manifest.json", entry, (cb) => {
    const manifest = {
      format: "rendez-vous-export/1",
      appId: caller.appId,
      companies: caller.companyIds,
      exportedAt: now.toISOString(),
      by: caller.actor.name,
      rows: counts,
    };
    cb(null, source([Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]));
  });
  zip.end();

  out.once("close", () => stop.abort());
  return out;
}

async function* rows(caller: Caller, set: Dataset, pageSize: number, signal: AbortSignal) {
  let after: string | number | undefined;
  for (;;) {
    if (signal.aborted) return;
    const page = await set.page(caller, after, pageSize);
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].id as string | number;
  }
}

async function* jsonChunks(caller: Caller, set: Dataset, pageSize: number, signal: AbortSignal, done: (n: number) => void) {
  let n = 0;
  yield Buffer.from("[");
  for await (const page of rows(caller, set, pageSize, signal)) {
    if (page.length === 0) continue;
    let text = "";
    for (const row of page) text += `${n++ === 0 ? "\n" : ",\n"}${JSON.stringify(row)}`;
    yield Buffer.from(text);
  }
  yield Buffer.from(n === 0 ? "]\n" : "\n]\n");
  done(n);
}

async function* csvChunks(caller: Caller, set: Dataset, pageSize: number, signal: AbortSignal) {
  yield Buffer.from(CSV_BOM + csvLine(set.columns));
  for await (const page of rows(caller, set, pageSize, signal)) {
    let text = "";
    for (const row of page) text += csvLine(set.columns.map((c) => cellText(row[c])));
    if (text) yield Buffer.from(text);
  }
}

/** Dates as ISO 8601 (UTC), arrays and objects (custom fields, history data) as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The download's file name: rendez-vous-export-<date>.zip. */
export function exportFileName(now = new Date()): string {
  return `rendez-vous-export-${now.toISOString().slice(0, 10)}.zip`;
}
