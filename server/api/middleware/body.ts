// Reads the request body once, for every route: JSON only (415), at most 64 KB counted while
// the stream is read (413; an unbounded body is never buffered), valid UTF-8 JSON holding an
// object (400 validation-error). The parsed object is left on the context, where the routes'
// validation reads it (validated-app.ts).
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import type { Context } from "hono";
import { AppError } from "@/lib/contract/errors";
import type { ApiEnv } from "../env";

export const MAX_BODY_BYTES = 64 * 1024;
const MAX_DEPTH = 32;

export async function readJsonBody(c: Context<ApiEnv>): Promise<void> {
  if (!isJsonContentType(c.req.header("content-type"))) throw new AppError("unsupported-media-type");
  const declared = c.req.header("content-length");
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) throw tooLarge();

  // The Node request when there is one: reading the web Request's body would first build a
  // real Request and a web stream around it (measured: ~8 % of a `get`'s CPU).
  const incoming = c.env?.incoming;
  const text = decodeUtf8(await readLimited(incoming ?? c.req.raw.body, MAX_BODY_BYTES));
  // An empty body is an empty object: `curl -H 'Authorization: Bearer …' -X POST …/appointments/list`.
  const json = text.trim() === "" ? "{}" : text;
  let body: unknown;
  try {
    body = JSON.parse(json);
  } catch {
    throw invalid("JSON mal formé dans le corps de la requête");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw invalid("Le corps doit être un objet JSON");
  checkValues(body);
  c.set("body", body as Record<string, unknown>);
}

/** application/json, in UTF-8 when a charset is named. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(";").map((p) => p.trim().toLowerCase());
  if (type !== "application/json") return false;
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  return charset === undefined || charset === "utf-8" || charset === "utf8";
}

/** The body's bytes, stopping with 413 payload-too-large past `limit`. */
export function readLimited(stream: IncomingMessage | ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!stream) return Promise.resolve(new Uint8Array(0));
  return stream instanceof Readable ? readNode(stream, limit) : readWeb(stream, limit);
}

/**
 * A Node request read through its events: its async iterator makes several promises per chunk,
 * on every request (seen in the API's CPU profiles).
 */
function readNode(stream: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let refused = false;
    // An unnamed listener: under tsx (`npm start`) a named closure costs a defineProperty per call.
    stream.on("data", (chunk: Buffer) => {
      if (refused) return;
      total += chunk.byteLength;
      if (total > limit) {
        // The rest flows past unkept: destroying the request would reset the connection
        // before the 413 is written.
        refused = true;
        chunks.length = 0;
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    stream.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total)));
    stream.once("error", reject);
    // Ended without its end (the client went away): nothing to answer, but nothing waits forever.
    stream.once("close", () => {
      // Also emitted after a normal end: no error (with its stack) made then.
      if (!stream.readableEnded) reject(new Error("request closed before its body was read"));
    });
  });
}

async function readWeb(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  // Leaving the loop early (over the limit) cancels the web stream.
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > limit) throw tooLarge();
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw invalid("Le corps doit être encodé en UTF-8");
  }
}

/**
 * Values Postgres cannot store (NUL characters, lone UTF-16 surrogates) and absurd nesting
 * are the caller's mistake: refuse them here rather than fail in the database.
 */
function checkValues(root: object): void {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (!isStorable(value)) throw invalid("Le texte contient des caractères non permis");
    } else if (value && typeof value === "object") {
      if (depth >= MAX_DEPTH) throw invalid("Corps JSON trop imbriqué");
      for (const [k, v] of Object.entries(value)) {
        if (!isStorable(k)) throw invalid("Le texte contient des caractères non permis");
        stack.push([v, depth + 1]);
      }
    }
  }
}

function isStorable(s: string): boolean {
  return !s.includes("\u0000") && s.isWellFormed();
}

export function tooLarge(): AppError {
  return new AppError("payload-too-large", `La requête dépasse ${MAX_BODY_BYTES / 1024} Ko`, {
    details: { maxBytes: MAX_BODY_BYTES },
  });
}

function invalid(message: string): AppError {
  return new AppError("validation-error", message);
}
