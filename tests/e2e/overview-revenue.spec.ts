// The home's revenue card compares like with like: this week so far beside last week up to
// the same weekday and time, the change stated with that basis, last week's whole total apart.
import { expect, plain, screenshot, test } from "./fixtures";
import { OverviewPage } from "./pages/calendar";
import { SALON } from "./support/accounts";

test("revenue: this week so far against last week at the same moment, the whole last week as context", async ({ page }) => {
  const day = () => new Intl.DateTimeFormat("fr-FR", { weekday: "long", timeZone: "Africa/Abidjan" }).format(new Date());
  const before = day();
  const home = new OverviewPage(page);
  await home.goto(SALON);
  const card = page.getByRole("region", { name: "Chiffre d'affaires" });
  await expect(card.getByText("Cette semaine, à ce jour")).toBeVisible();
  await expect(card.getByText("Semaine dernière, au même moment")).toBeVisible();
  await expect(page.getByTestId("revenue-this-week")).toHaveText(/^\d[\d ]*\sF\sCFA$/);
  await expect(page.getByTestId("revenue-last-week-to-date")).toHaveText(/^\d[\d ]*\sF\sCFA$/);
  // Where last week's figure stops: the same weekday and time as now, on the company's clock.
  // (Either side of midnight, should the page load straddle it.)
  await expect(card.getByText(new RegExp(`^du lundi au (${before}|${day()}) \\d{2}:\\d{2}$`))).toBeVisible();
  const change = plain(await page.getByTestId("revenue-change").innerText());
  expect(change).toMatch(/^([+−]?\d+ %) par rapport à la semaine dernière au même moment$|^Rien de terminé la semaine dernière à ce moment-là/);
  await expect(page.getByTestId("revenue-last-week")).toHaveText(/^Semaine dernière entière : \d[\d ]*\sF\sCFA$/);
  await screenshot(page, "home-revenue-1280");
});
