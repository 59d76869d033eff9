// Live screens: a change made elsewhere (another browser, the API) shows without a reload, marked
// with who made it, and the user's filters and selection stay; a row that no longer matches the
// filters leaves with a notice; an open calendar shows a booking made through the API.
import { OWNER_STATE } from "../../playwright.config";
import { expect, screenshot, test } from "./fixtures";
import { CalendarPage } from "./pages/calendar";
import { SALON } from "./support/accounts";
import { apiStatus } from "./support/api";
import { bookToday } from "./support/book";

test.describe("live updates", () => {
  test("another browser confirms: this one shows it, marked, selection kept", async ({ page, browser, request, appointments }) => {
    const changed = await bookToday(request, SALON);
    const kept = await bookToday(request, SALON);
    await appointments.goto(SALON);
    const keptRow = page.locator(`tbody tr[data-id="${kept.id}"]`);
    await keptRow.getByRole("checkbox").check();

    const other = await browser.newContext({ storageState: OWNER_STATE });
    const otherPage = await other.newPage();
    await otherPage.goto(`/c/${SALON}/appointments/${changed.id}`);
    await expect(otherPage.locator("[data-hydrated]").first()).toBeAttached();
    await otherPage.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await expect(otherPage.getByRole("dialog").locator("[data-status]")).toHaveText("Confirmé");
    await other.close();

    const row = page.locator(`tbody tr[data-id="${changed.id}"]`);
    await expect(row.locator("[data-status]")).toHaveText("Confirmé");
    await expect(row).toHaveAttribute("data-changed", "true");
    await expect(row.getByText("Modifié par Mme Aïcha Ouattara")).toBeVisible();
    await screenshot(page, "50-live-change-marked-1280", { fullPage: false });
    await expect(keptRow.getByRole("checkbox")).toBeChecked();
  });

  test("a change through the API: a row that leaves the filtered list says so", async ({ page, request, appointments }) => {
    const leaving = await bookToday(request, SALON);
    await appointments.goto(SALON, "status=PENDING");
    await expect(page.locator(`tbody tr[data-id="${leaving.id}"]`)).toBeVisible();
    await apiStatus(request, leaving.id, "CANCELLED", "Client en voyage");
    await expect(page.getByText(`${leaving.customer.fullname} a quitté la liste (Annulé, par Clé de démonstration)`).first()).toBeVisible();
    await expect(page.locator(`tbody tr[data-id="${leaving.id}"]`)).toHaveCount(0);
    await expect(page).toHaveURL(/status=PENDING/);
  });

  test("an open calendar shows a booking made through the API", async ({ page, request }) => {
    const calendar = new CalendarPage(page);
    await calendar.goto(SALON, "view=day");
    await expect(calendar.grid()).toBeVisible();
    const booked = await bookToday(request, SALON);
    const event = calendar.grid().locator(`[data-id="${booked.id}"]`);
    await expect(event).toBeAttached();
    await expect(event).toHaveAttribute("data-changed", "true");
  });
});
