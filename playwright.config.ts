// Browser tests: Debian's Chromium against the production build (`next start`) on a fresh
// PostgreSQL database seeded with the demo data (tests/e2e/server.ts). Build first
// (`npm run build`; NEXT_DIST_DIR picks another output folder). CHROMIUM_PATH picks another
// browser; E2E_BASE_URL points the tests at a server you started yourself.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3310);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
// Runs side by side (several people in one working tree) each need their own sign-in state and
// output folder: E2E_AUTH_STATE and E2E_OUTPUT_DIR pick them (a state signed against another
// run's database would not sign in here).
export const OWNER_STATE = process.env.E2E_AUTH_STATE ?? "test-results/.auth/owner.json";
// The run's database, named here once (the workers inherit the variable, the config being read
// again in each): the web server creates it, and specs that need an appointment already started
// (which the API refuses) write it there (tests/e2e/support/database.ts).
process.env.E2E_DATABASE ??= `rdv_e2e_${process.pid}_${Date.now().toString(36)}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: process.env.E2E_OUTPUT_DIR ?? "test-results/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One server, one database, tests that change shared rows: one worker keeps them independent.
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    // Neither the browser's zone nor the server's: what is shown must follow the company.
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "desktop",
      testIgnore: [/auth\.setup\.ts/, /\.mobile\.spec\.ts/],
      dependencies: ["setup"],
      use: { viewport: { width: 1280, height: 800 }, storageState: OWNER_STATE },
    },
    {
      name: "mobile",
      testMatch: /\.mobile\.spec\.ts/,
      dependencies: ["setup"],
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, storageState: OWNER_STATE },
    },
  ],
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: "npx tsx --import ./scripts/register.mjs tests/e2e/server.ts",
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "ignore",
        stderr: "pipe",
        env: { E2E_PORT: String(port), E2E_DATABASE: process.env.E2E_DATABASE, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next" },
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      },
});
