import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

// Vitest's default is one worker less than the cores: a single one on a 2-core CI machine. The
// unit files and the PGlite domain files share nothing (each of the latter has its own in-memory
// database, in its own process), so they run at least two at a time (sequence group 0). The
// projects whose files share a database or servers (postgres, http, ops, bench) keep the
// default, after them (group 1); cluster and faults, one file at a time, come last.
const isolated = { maxWorkers: Math.max(2, os.availableParallelism() - 1), sequence: { groupOrder: 0 } };
const shared = { sequence: { groupOrder: 1 } };

// Domain tests run twice: on the embedded PGlite and on a real PostgreSQL server.
export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Next maps this marker to an empty module on the server; so do the tests.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], ...isolated } },
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/pglite-template.ts"],
          setupFiles: ["tests/setup/pglite.ts"],
          ...isolated,
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/postgres-database.ts"],
          setupFiles: ["tests/setup/postgres.ts"],
          ...shared,
        },
      },
      {
        // The HTTP API over the network: the production server and `next start` on the
        // `next build` output (NEXT_DIST_DIR), on a throwaway PostgreSQL database.
        extends: true,
        test: {
          name: "http",
          include: ["tests/http/**/*.test.ts"],
          globalSetup: ["tests/http/setup/servers.ts"],
          setupFiles: ["tests/http/setup/env.ts"],
          hookTimeout: 120_000,
          ...shared,
        },
      },
      {
        // Operations as a user runs them (backups and restores), each on its own database.
        extends: true,
        test: { name: "ops", include: ["tests/ops/**/*.test.ts"], testTimeout: 300_000, hookTimeout: 180_000, ...shared },
      },
      {
        // A primary, a streaming replica, app instances and haproxy made per file (tests/support/
        // cluster.ts: needs PostgreSQL's server tools and haproxy, and the build): reads on the
        // replica, and instances behaving as one behind the proxy.
        extends: true,
        test: { name: "cluster", include: ["tests/cluster/**/*.test.ts"], fileParallelism: false, testTimeout: 120_000, hookTimeout: 240_000 },
      },
      {
        // Faults under load (npm run test:faults, before each release): each file its own
        // cluster (primary, two instances, haproxy), 8 writers, the database checked at the end.
        extends: true,
        test: { name: "faults", include: ["tests/faults/**/*.test.ts"], fileParallelism: false, testTimeout: 300_000, hookTimeout: 240_000 },
      },
      {
        // The benchmark harness on tiny data (needs the build, like the HTTP tests).
        extends: true,
        test: { name: "bench", include: ["tests/bench/**/*.test.ts"], testTimeout: 240_000, ...shared },
      },
    ],
  },
});
