// Live screens: a change made elsewhere (another browser, the API) shows without a reload, marked
// with who made it, and the user's filters and selection stay; a row that no longer matches the
// filters leaves with a notice; an open calendar shows a booking made through the API; a change
// made while the page loads shows once its stream is open.
import { OWNER_STATE } from "../../playwright.config";
import { expect, screenshot, test } from "./fixtures";
import { CalendarPage } from "./pages/calendar";
import { SALON } from "./support/accounts";
import { apiStatus } from "./support/api";
import { bookToday } from "./support/book";
import { streamOpen } from "./support/live";

test.describe("live updates", () => {
  test("another browser confirms: this one shows it, marked, selection kept", async ({ page, browser, request, appointments }) => {
    const changed = await bookToday(request, SALON);
    const kept = await bookToday(request, SALON);
    const live = streamOpen(page);
    await appointments.goto(SALON);
    await live;
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
    const live = streamOpen(page);
    await appointments.goto(SALON, "status=PENDING");
    await expect(page.locator(`tbody tr[data-id="${leaving.id}"]`)).toBeVisible();
    await live;
    await apiStatus(request, leaving.id, "CANCELLED", "Client en voyage");
    await expect(page.getByText(`${leaving.customer.fullname} a quitté la liste (Annulé, par Clé de démonstration)`).first()).toBeVisible();
    await expect(page.locator(`tbody tr[data-id="${leaving.id}"]`)).toHaveCount(0);
    await expect(page).toHaveURL(/status=PENDING/);
  });

  test("an open calendar shows a booking made through the API", async ({ page, request }) => {
    const calendar = new CalendarPage(page);
    const live = streamOpen(page);
    await calendar.goto(SALON, "view=day");
    await expect(calendar.grid()).toBeVisible();
    await live;
    const booked = await bookToday(request, SALON);
    // bookToday books far ahead, then moves it to today in the database with no event: the
    // refresh after the booking's event may come before that move. A confirmation is an event
    // after it.
    await apiStatus(request, booked.id, "CONFIRMED");
    const event = calendar.grid().locator(`[data-id="${booked.id}"]`);
    await expect(event).toBeAttached();
    await expect(event).toHaveAttribute("data-changed", "true");
  });

  test("a change made while the page loads shows once the stream is open", async ({ page, request, appointments }) => {
    const missed = await bookToday(request, SALON);
    // Confirmed through the API after the page was rendered, before its stream is open: only
    // where the stream starts from can bring it to this page.
    let changed = false;
    await page.route("**/api/events/stream**", async (route) => {
      if (!changed) {
        changed = true;
        await apiStatus(request, missed.id, "CONFIRMED");
      }
      await route.continue();
    });
    const live = streamOpen(page);
    await appointments.goto(SALON);
    const row = page.locator(`tbody tr[data-id="${missed.id}"]`);
    await live;
    expect(changed).toBe(true);
    // The stream starts from the last event the page was rendered with: this one comes, marked.
    await expect(row.locator("[data-status]")).toHaveText("Confirmé");
    await expect(row).toHaveAttribute("data-changed", "true");
  });

  test("a change elsewhere leaves an open row menu open, and the focus in it", async ({ page, request, appointments }) => {
    const mine = await bookToday(request, SALON);
    const other = await bookToday(request, SALON);
    const live = streamOpen(page);
    await appointments.goto(SALON);
    await live;
    // Opened from the keyboard: the menu's first item takes the focus.
    await page.locator(`tbody tr[data-id="${mine.id}"]`).getByRole("button", { name: /^Actions pour/ }).focus();
    await page.keyboard.press("Enter");
    const item = page.getByRole("menuitem", { name: "Voir le détail" });
    await expect(item).toBeFocused();
    await apiStatus(request, other.id, "CONFIRMED");
    // The refresh that follows the event has rendered the changed row.
    await expect(page.locator(`tbody tr[data-id="${other.id}"] [data-status]`)).toHaveText("Confirmé");
    await expect(item).toBeVisible();
    await expect(item).toBeFocused();
  });
});
