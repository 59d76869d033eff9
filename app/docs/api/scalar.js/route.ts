// Scalar's API reference renderer, served from the installed package (no CDN: the server may
// have no internet, and the page must not depend on a third party).
import { readFile } from "node:fs/promises";
import path from "node:path";

const SCALAR = path.join(process.cwd(), "node_modules/@scalar/api-reference/dist/browser/standalone.js");
let source: Promise<Buffer> | undefined;

export async function GET() {
  source ??= readFile(SCALAR);
  try {
    return new Response(new Uint8Array(await source), {
      headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=86400" },
    });
  } catch {
    source = undefined;
    return new Response("// @scalar/api-reference is not installed", { status: 404 });
  }
}
