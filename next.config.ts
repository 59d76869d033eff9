import { hostname, networkInterfaces } from "node:os";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * Where `npm run dev` may be opened from: Next refuses its development socket to other origins
 * than localhost, and the dashboard then never hydrates. A salon opens it at 127.0.0.1, at the
 * machine's name or at its network address (a tablet at the reception); DEV_ORIGINS adds more
 * (comma-separated host names, `*.example.lan` patterns allowed).
 */
function devOrigins(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined)
    .map((a) => (a.family === "IPv6" ? `[${a.address}]` : a.address));
  const extra = (process.env.DEV_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return [...new Set(["localhost", "127.0.0.1", "[::1]", hostname(), `${hostname()}.local`, ...addresses, ...extra])];
}

const nextConfig: NextConfig = {
  // Native or WASM packages that must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
  poweredByHeader: false,
  // Lets parallel builds (tests, benchmarks) use their own output folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  allowedDevOrigins: devOrigins(),
  experimental: {
    // `next dev` starts from scratch each time, without Turbopack's cache on disk: restored from a
    // session that had compiled other pages (the dashboard), it answered every browser's HMR
    // subscription to the app's main chunk list with "restart", and the page reloaded itself
    // again and again (seen at 127.0.0.1 on /login: 14 reloads in 15 s, on every such restart).
    turbopackFileSystemCacheForDev: false,
    // Turbopack's build cache (.next/cache, about 140 MB) only speeds up the next build in the
    // same folder; writing it took about 30 s on 2 cores, beside the type check. CI builds a
    // clean clone once: .ci/run sets NEXT_BUILD_CACHE=0.
    turbopackFileSystemCacheForBuild: process.env.NEXT_BUILD_CACHE !== "0",
  },
  // Pages get the full set from proxy.ts (with the CSP nonce); everything else (static files,
  // route handlers) is never MIME-sniffed either.
  async headers() {
    return [{ source: "/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] }];
  },
};

export default withNextIntl(nextConfig);
