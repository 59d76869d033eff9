// Date and time fields follow the interface's language, not the browser's: a French member
// with an English (US) browser sees 28/11/2026 and 18:30, never 11/28/2026 or 6:30 PM, and the
// reverse; typing, the month grid and the keyboard all work, and the time booked is the
// company's wall clock (Paris, with the browser in Tokyo and the server in Kiritimati).
import type { Browser, BrowserContext } from "@playwright/test";
import { OWNER_STATE } from "../../playwright.config";
import { dayFirst, expect, NewAppointmentPage, plain, screenshot, test } from "./fixtures";
import { PARIS, SALON } from "./support/accounts";
import { plusDays } from "./support/days";

const DAY_FIRST = /^\d{2}\/\d{2}\/\d{4}$/;
const H24 = /^([01]\d|2[0-3]):[0-5]\d$/;

async function contextIn(browser: Browser, baseURL: string, browserLocale: string, uiLocale: "fr" | "en"): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: browserLocale, timezoneId: "Asia/Tokyo", storageState: OWNER_STATE, viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: "locale", value: uiLocale, url: baseURL }]);
  return context;
}

test.describe("date and time fields in the interface's language", () => {
  test("French interface, American browser: day first, 24-hour, French month grid; the Paris wall clock is booked", async ({ browser, baseURL }) => {
    const context = await contextIn(browser, baseURL!, "en-US", "fr");
    const page = await context.newPage();
    const form = new NewAppointmentPage(page);
    await form.goto(PARIS.slug);
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");

    const date = form.field("Date");
    const time = form.field("Heure");
    await expect(date).toHaveValue(DAY_FIRST);
    await expect(time).toHaveValue(H24);
    const shown = await date.inputValue();
    const iso = shown.split("/").reverse().join("-");

    // The month grid in French, opened and used with the keyboard alone.
    await date.focus();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Choisir dans le calendrier" })).toBeFocused();
    await page.keyboard.press("Enter");
    const grid = page.getByRole("grid");
    await expect(grid).toBeVisible();
    const month = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
    await expect(grid).toHaveAccessibleName(new RegExp(month, "i"));
    await screenshot(page, "date-grid-fr-on-en-US-1280", { fullPage: false });
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(grid).toBeHidden();
    await expect(date).toHaveValue(dayFirst(plusDays(iso, 1)));
    await expect(date).toBeFocused();

    // Typed as staff type it, tidied on the way out; the arrows step by 5 minutes.
    await time.fill("1825");
    await time.press("ArrowUp");
    await expect(time).toHaveValue("18:30");
    await time.fill("18h30");
    await time.blur();
    await expect(time).toHaveValue("18:30");
    await expect(page.getByText(/heure de Paris, UTC\+[12]/)).toBeVisible();

    await form.chooseService(PARIS.service);
    await page.getByLabel("Style").selectOption({ label: "Courte" });
    await form.chooseCustomer("Salimata Bamba");
    await form.field("Agent").selectOption({ label: "Sans agent (à attribuer)" });
    await screenshot(page, "date-time-fields-fr-on-en-US-1280");
    await form.submit();
    await expect(page).toHaveURL(new RegExp(`from=${plusDays(iso, 1)}`));
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByRole("heading", { name: "Salimata Bamba" })).toBeVisible();
    expect(plain(await drawer.innerText())).toContain("18:30 – 19:00");
    await context.close();
  });

  test("an unreadable date or time is said at submit, nothing booked", async ({ page, newAppointment }) => {
    await newAppointment.goto(SALON);
    await newAppointment.field("Date").fill("31/02/2027");
    await newAppointment.field("Heure").fill("25:00");
    await newAppointment.chooseService("Manucure");
    await newAppointment.chooseCustomer("Salimata Bamba");
    await newAppointment.submit();
    await expect(page.getByText("Date illisible : tapez-la comme 28/11/2026 ou choisissez-la dans le calendrier.")).toBeVisible();
    await expect(page.getByText("Heure illisible : tapez-la comme 14:30.")).toBeVisible();
    await expect(newAppointment.field("Date")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/\/new$/);
  });

  test("English interface, French browser: day first with English names; the table's custom range too", async ({ browser, baseURL }) => {
    const context = await contextIn(browser, baseURL!, "fr-FR", "en");
    const page = await context.newPage();
    await page.goto(`/c/${SALON}/appointments/new`);
    await expect(page.getByRole("heading", { name: "New appointment" })).toBeVisible();
    await expect(page.locator("form[data-hydrated]")).toBeVisible();
    expect(await page.evaluate(() => navigator.language)).toBe("fr-FR");

    const date = page.getByLabel(/^Date\s*\*?$/);
    await expect(date).toHaveValue(DAY_FIRST);
    await expect(page.getByLabel(/^Time\s*\*?$/)).toHaveValue(H24);
    await date.fill("");
    await expect(date).toHaveAttribute("placeholder", "dd/mm/yyyy");
    await date.fill("28/11/2027");
    await page.getByRole("button", { name: "Pick in the calendar" }).click();
    const grid = page.getByRole("grid");
    await expect(grid).toHaveAccessibleName(/November 2027/);
    await expect(grid.getByRole("button", { name: /Sunday, 28 November 2027/ })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(grid).toBeHidden();

    // The custom range: typed day first, sent as dates in the URL.
    await page.goto(`/c/${SALON}/appointments?range=custom`);
    await expect(page.locator("[data-hydrated]").first()).toBeAttached();
    await page.getByLabel("From", { exact: true }).fill("01/02/2027");
    await expect(page).toHaveURL(/from=2027-02-01/);
    await page.getByLabel("To", { exact: true }).fill("03/02/2027");
    await expect(page).toHaveURL(/to=2027-02-03/);
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("01/02/2027");
    await screenshot(page, "date-range-en-on-fr-FR-1280", { fullPage: false });
    await context.close();
  });
});
