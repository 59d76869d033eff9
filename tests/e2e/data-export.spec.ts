import { readFile } from "node:fs/promises";
import { unzipTexts } from "../support/unzip";
import { expect, expectNoSeriousA11yViolations, screenshot, test } from "./fixtures";
import { DEMO_APP, SALON } from "./support/accounts";

test("settings → data: the owner downloads the app's ZIP", async ({ page }) => {
  await page.goto(`/c/${SALON}/settings/data`);
  await expect(page.getByRole("heading", { level: 2, name: "Exporter les données" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Données", exact: true })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "data-export-01-1280");

  const link = page.getByRole("link", { name: "Exporter les données" });
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/^rendez-vous-export-\d{4}-\d\d-\d\d\.zip$/);
  const files = await unzipTexts(await readFile((await download.path())!));
  const manifest = JSON.parse(files.get("manifest.json")!);
  expect(manifest.appId).toBe(DEMO_APP);
  const companies = JSON.parse(files.get("companies.json")!) as { slug: string }[];
  expect(companies.map((c) => c.slug)).toContain(SALON);
  expect((JSON.parse(files.get("appointments.json")!) as unknown[]).length).toBeGreaterThan(100);
  expect(files.get("appointment_events.csv")).toMatch(/^\uFEFFid;companyId;appointmentId;type/);
});
