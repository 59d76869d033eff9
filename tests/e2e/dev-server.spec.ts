// `npm run dev` as a salon runs it on its own network: opened at 127.0.0.1 and at the machine's
// network address (a tablet at the reception), the dashboard must hydrate and answer clicks,
// not only show server-made pages. Starts its own `next dev` on the embedded database.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { OWNER } from "./support/accounts";

test.use({ storageState: { cookies: [], origins: [] } });

let dev: ChildProcess | undefined;
let port = 0;
let dataDir = "";
/** The dev server's last error lines, read as they come (a pipe left unread fills and stalls it). */
const devErrors: string[] = [];

/** The machine's first non-loopback IPv4 address, as another device on the network would use. */
function networkAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), "rdv-dev-"));
  dev = spawn(process.execPath, ["node_modules/next/dist/bin/next", "dev", "--hostname", "0.0.0.0", "--port", String(port)], {
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "development",
      // Its own build folder and embedded database: nothing shared with the production build under test.
      NEXT_DIST_DIR: ".next-dev-e2e",
      PGLITE_DIR: path.join(dataDir, "pglite"),
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  dev.stderr?.on("data", (chunk) => {
    devErrors.push(...String(chunk).split("\n").filter(Boolean));
    devErrors.splice(0, Math.max(0, devErrors.length - 40));
  });
  // The first request compiles the route and seeds the embedded database.
  for (let i = 0; ; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (dev.exitCode !== null || i > 240) throw new Error(`next dev did not answer (exit ${dev.exitCode}):\n${devErrors.join("\n")}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  // The sign-in page compiled once before the browser opens it: on a cold cache (a fresh clone)
  // the dev server's first compile of it reloaded the page again and again under load.
  await fetch(`http://127.0.0.1:${port}/login`, { signal: AbortSignal.timeout(240_000) }).catch(() => {});
});

test.afterAll(async () => {
  if (dev?.pid) {
    try {
      process.kill(-dev.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in as the demo owner through the dev server's own pages, and waits for the dashboard to hydrate. */
async function signIn(page: Page, base: string) {
  await page.goto(`${base}/login`, { timeout: 120_000 });
  await expect(page.locator("form[data-hydrated]")).toBeVisible({ timeout: 120_000 });
  await page.getByLabel("Adresse e-mail").fill(OWNER.email);
  await page.getByLabel("Mot de passe").fill(OWNER.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/c\/salon-elegance-cocody\/appointments/, { timeout: 120_000 });
  await expect(page.locator("[data-hydrated]").first()).toBeAttached({ timeout: 120_000 });
}

for (const where of ["127.0.0.1", "network address"] as const) {
  test(`npm run dev opened at ${where}: signs in and the dashboard answers clicks`, async ({ page }) => {
    test.setTimeout(240_000);
    const host = where === "127.0.0.1" ? where : networkAddress();
    test.skip(!host, "this machine has no network address");
    const base = `http://${host}:${port}`;

    await signIn(page, base);

    // Client-side interactivity: the language switch re-renders the page in English.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Appointments", level: 1 })).toBeVisible({ timeout: 60_000 });
    await page.getByRole("button", { name: "Français" }).click();
    await expect(page.getByRole("heading", { name: "Rendez-vous", level: 1 })).toBeVisible({ timeout: 60_000 });
  });
}

test("npm run dev: pages with checkboxes in forms and the calendar hydrate without a warning", async ({ page }) => {
  test.setTimeout(480_000);
  const base = `http://127.0.0.1:${port}`;
  // What React says in development when the server's HTML and the first client render differ,
  // or when a dependency still uses the classic JSX transform.
  const warnings: string[] = [];
  page.on("console", (m) => {
    if (/hydrat|didn't match|outdated JSX transform/i.test(m.text())) warnings.push(`${page.url()}: ${m.text().slice(0, 400)}`);
  });
  await signIn(page, base);
  await expect(page.getByRole("checkbox").first()).toBeVisible({ timeout: 60_000 });

  // The messages settings: a server-rendered form of checkboxes (their hidden inputs take part in the form).
  await page.goto(`${base}/c/salon-elegance-cocody/settings/messages`, { timeout: 180_000 });
  await expect(page.locator("form[data-hydrated]").first()).toBeAttached({ timeout: 180_000 });
  await expect(page.getByRole("checkbox").first()).toBeVisible();
  // The calendar (react-big-calendar, drawn in the browser) with its "cancelled" checkbox.
  await page.goto(`${base}/c/salon-elegance-cocody/calendar`, { timeout: 180_000 });
  await expect(page.locator(".rbc-calendar")).toBeVisible({ timeout: 180_000 });
  await expect(page.getByRole("checkbox").first()).toBeVisible();
  expect(warnings).toEqual([]);
});
