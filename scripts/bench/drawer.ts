// How long opening an appointment's drawer takes, as a member sees it: on a running server
// (the e2e server or `npm start` on PostgreSQL), signs the demo owner in, opens rows of the
// appointments table one after the other and times, for each, the server's answer to the
// navigation (first byte and last byte of the request the click starts) and the moment the
// drawer shows the appointment. Prints medians and the slowest of each.
//
//   BASE_URL=http://127.0.0.1:3323 npx tsx scripts/bench/drawer.ts [company-slug] [query] [rounds]
import { chromium, type Request } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const slug = process.argv[2] ?? "salon-elegance-cocody";
const query = process.argv[3] ?? "range=week";
const rounds = Number(process.argv[4] ?? 12);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await browser.newPage({ locale: "fr-FR", viewport: { width: 1280, height: 800 } });
await page.goto(`${base}/login`);
await page.locator("form[data-hydrated]").waitFor();
await page.getByLabel("Adresse e-mail").fill(process.env.EMAIL ?? "proprietaire@demo.rendez-vous.ci");
await page.getByLabel("Mot de passe").fill(process.env.PASSWORD ?? "Abidjan-Demo-2026");
await page.getByRole("button", { name: "Se connecter" }).click();
await page.waitForURL(/\/c\//);
await page.goto(`${base}/c/${slug}/appointments?${query}`);
await page.locator("[data-hydrated]").first().waitFor();
// Times taken in the page itself (the click event, the drawer's history appearing), so
// Playwright's own round trips are not counted.
await page.evaluate(() => {
  const w = window as unknown as { clickAt: number; shownAt: number; openAt: number };
  document.addEventListener("click", () => ((w.clickAt = performance.now()), (w.shownAt = 0), (w.openAt = 0)), true);
  new MutationObserver(() => {
    if (!w.openAt && document.querySelector("[role=dialog]")) w.openAt = performance.now();
    if (!w.shownAt && document.querySelector('[role=dialog] [data-testid="history"]')) w.shownAt = performance.now();
  }).observe(document.body, { childList: true, subtree: true });
});
const ids = await page.locator("tbody tr[data-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")!));
if (ids.length === 0) throw new Error("no rows to open");

type Sample = { open: number; sent: number; firstByte: number; lastByte: number; shown: number; requests: number };
const samples: Sample[] = [];
for (let i = 0; i < rounds + 2; i++) {
  const id = ids[i % ids.length];
  const requests: Request[] = [];
  const onRequest = (r: Request) => {
    if (r.resourceType() === "fetch" || r.resourceType() === "xhr") requests.push(r);
  };
  page.on("request", onRequest);
  await page.locator(`tbody tr[data-id="${id}"] td`).nth(3).click();
  await page.locator('[role=dialog] [data-testid="history"]').waitFor();
  const [t0, shownAt, openAt, origin] = await page.evaluate(() => {
    const w = window as unknown as { clickAt: number; shownAt: number; openAt: number };
    return [w.clickAt, w.shownAt, w.openAt, performance.timeOrigin];
  });
  const shown = shownAt - t0;
  page.off("request", onRequest);
  const finished = await Promise.all(requests.map((r) => r.response().then(() => r.timing())));
  // The navigation's own request: the longest one the click started.
  const main = finished.sort((a, b) => b.responseEnd - a.responseEnd)[0];
  if (i >= 2) {
    // The first two warm up the server and the browser.
    samples.push({
      open: openAt - t0,
      sent: main ? main.startTime - (origin + t0) : 0,
      firstByte: main ? main.responseStart - main.requestStart : 0,
      lastByte: main ? main.responseEnd - main.requestStart : 0,
      shown,
      requests: requests.length,
    });
  }
  await page.keyboard.press("Escape");
  await page.waitForURL((u) => !u.searchParams.has("appointment"));
  await page.locator("[role=dialog]").waitFor({ state: "detached" });
  await page.waitForLoadState("networkidle");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);
const row = (name: string, xs: number[]) => `${name.padEnd(34)} median ${median(xs).toFixed(0).padStart(5)} ms   max ${max(xs).toFixed(0).padStart(5)} ms`;
console.log(`${slug}?${query}: ${samples.length} openings (${ids.length} rows on the page)`);
console.log(row("browser: click → drawer open", samples.map((s) => s.open)));
console.log(row("browser: click → request sent", samples.map((s) => s.sent)));
console.log(row("server: first byte of the answer", samples.map((s) => s.firstByte)));
console.log(row("server: whole answer", samples.map((s) => s.lastByte)));
console.log(row("browser: click → drawer filled", samples.map((s) => s.shown)));
console.log(`requests per opening: ${[...new Set(samples.map((s) => s.requests))].join(", ")}`);
await browser.close();
