// Settings' tabs on a phone (390 px): the row is wider than the screen, so it scrolls sideways
// with a fade on the side that hides more tabs, and the current tab is scrolled into view.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SALON } from "./support/accounts";

async function open(page: Page, section: string) {
  await page.goto(`/c/${SALON}/settings/${section}`);
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
}

/** How much of an element lies inside the viewport's width, 0–1. */
async function shownPart(page: Page, name: string) {
  const box = (await page.getByRole("navigation", { name: "Sections des paramètres" }).getByRole("link", { name, exact: true }).boundingBox())!;
  const width = page.viewportSize()!.width;
  return (Math.min(box.x + box.width, width) - Math.max(box.x, 0)) / box.width;
}

test("the tabs scroll with a fade where more are hidden, the current one in view", async ({ page }) => {
  const tabs = page.getByTestId("settings-tabs");

  await open(page, "companies");
  await expect(tabs).toHaveAttribute("data-more-after", "true");
  await expect(tabs).not.toHaveAttribute("data-more-before", /.*/);
  expect(await shownPart(page, "Entreprises")).toBe(1);
  // The row is cut: "Messages", the last tab, is not fully on screen, and the fade says so.
  expect(await shownPart(page, "Messages")).toBeLessThan(1);
  await expect(tabs.locator("span[aria-hidden]").last()).toHaveCSS("opacity", "1");

  // Opened on the last tab: scrolled to it, now more on the left only.
  await open(page, "messages");
  await expect.poll(() => shownPart(page, "Messages")).toBe(1);
  await expect(tabs).toHaveAttribute("data-more-before", "true");
  await expect(tabs).not.toHaveAttribute("data-more-after", /.*/);
  await expect(tabs.locator("span[aria-hidden]").first()).toHaveCSS("opacity", "1");
  // The page itself does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
