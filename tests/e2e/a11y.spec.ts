import { expect, expectNoSeriousA11yViolations, screenshot, test } from "./fixtures";
import { SALON } from "./support/accounts";

test.describe("accessibility (axe: no serious or critical violations)", () => {
  test("sign-in page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/login");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "00-login-1280");
    await context.close();
  });

  test("appointment table, filters open, drawer, cancel dialog", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=week");
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: "Statut" }).click();
    await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "02-status-facets-1280");
    await page.keyboard.press("Escape");

    await appointments.openDrawer(appointments.rows().first());
    await expectNoSeriousA11yViolations(page);
  });

  test("messages journal, its state filter open, and a customer's page", async ({ page }) => {
    await page.goto(`/c/${SALON}/messages`);
    await expect(page.locator("[data-hydrated]").first()).toBeAttached();
    await expectNoSeriousA11yViolations(page);
    await page.getByRole("button", { name: /^État/ }).click();
    await expect(page.getByRole("listbox").getByRole("option").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.keyboard.press("Escape");
    await page.locator("tbody tr[data-message]").first().getByRole("link").first().click();
    await expect(page.getByTestId("customer-messaging")).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("new-appointment form with errors shown", async ({ page, newAppointment }) => {
    await newAppointment.goto(SALON);
    await newAppointment.chooseService("Brushing & soin");
    await newAppointment.submit();
    await expect(page.getByRole("alert", { name: "Corrigez les champs signalés." })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test("keyboard: a row's actions and the drawer are reachable without a mouse", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=all&status=PENDING");
    const first = appointments.rows().first();
    const customerButton = first.locator("td").nth(2).getByRole("button");
    await customerButton.focus();
    await page.keyboard.press("Enter");
    await expect(appointments.drawer().getByTestId("history")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(appointments.drawer()).toHaveCount(0);
    // Focus returns to the page, and the next Tab stops are the row's controls.
    await first.getByRole("button", { name: /^Actions pour/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("menuitem", { name: "Voir le détail" })).toBeFocused();
    await page.keyboard.press("Escape");

    // Confirmer by keyboard: the same button becomes Démarrer and keeps the focus.
    await appointments.goto(SALON, "range=all&sort=desc");
    const { row: pending, id, customer } = await appointments.firstRowWithStatus("En attente");
    await pending.getByRole("button", { name: `Confirmer — ${customer}` }).focus();
    await page.keyboard.press("Enter");
    const row = page.locator(`tbody tr[data-id="${id}"]`);
    await expect(row.locator("[data-status]")).toHaveText("Confirmé");
    await expect(row.getByRole("button", { name: `Démarrer — ${customer}` })).toBeFocused();
  });
});
