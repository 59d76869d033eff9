// First-load JavaScript per page route, read from the production build: the root chunks plus
// every chunk the route's segments (layouts, page, loading, error…) name in their client
// reference manifest. Sizes raw and gzipped (what `next start` sends).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

export type RouteBundle = { route: string; files: number; rawKb: number; gzipKb: number };

export function firstLoadJs(distDir: string): RouteBundle[] {
  const build = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  const root: string[] = build.rootMainFiles ?? [];
  const out: RouteBundle[] = [];
  for (const file of walk(path.join(distDir, "server/app"))) {
    if (!file.endsWith("page_client-reference-manifest.js")) continue;
    const context: { self: Record<string, unknown>; globalThis?: unknown } = { self: {} };
    context.globalThis = context.self;
    vm.runInNewContext(readFileSync(file, "utf8"), context);
    const manifests = (context.self as { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> }).__RSC_MANIFEST ?? {};
    for (const [route, manifest] of Object.entries(manifests)) {
      const files = new Set(root);
      for (const chunks of Object.values(manifest.entryJSFiles ?? {})) for (const c of chunks) files.add(c);
      let raw = 0;
      let gzip = 0;
      for (const f of files) {
        const p = path.join(distDir, f);
        if (!existsSync(p)) continue;
        const bytes = readFileSync(p);
        raw += bytes.length;
        gzip += gzipSync(bytes).length;
      }
      out.push({ route: route.replace(/\/page$/, "") || "/", files: files.size, rawKb: raw / 1024, gzipKb: gzip / 1024 });
    }
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else yield p;
  }
}
