import { expect, expectNoSeriousA11yViolations, screenshot, test } from "./fixtures";
import { SALON } from "./support/accounts";
import { bookToday } from "./support/book";

test.describe("phone (390 px)", () => {
  test("the table becomes a list of cards with the same actions", async ({ page, request, appointments }) => {
    await bookToday(request, SALON);
    await appointments.goto(SALON);
    await expect(page.getByRole("table")).toBeHidden();
    const cards = page.getByRole("list", { name: "Rendez-vous" }).getByRole("listitem");
    await expect(cards.first()).toBeVisible();
    // Nothing wider than the screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, "10-appointments-390", { fullPage: false });
    await expectNoSeriousA11yViolations(page);

    await appointments.goto(SALON, "range=all&status=PENDING");
    const card = page.getByRole("list", { name: "Rendez-vous" }).getByRole("listitem").first();
    const id = await card.getAttribute("data-id");
    await card.getByRole("button", { name: /^Confirmer — / }).click();
    await expect(page.getByText("Rendez-vous confirmé").first()).toBeVisible();
    await page.goto(`/c/${SALON}/appointments/${id}`);
    await expect(appointments.drawer().locator("[data-status]")).toHaveText("Confirmé");
    await screenshot(page, "11-drawer-390", { fullPage: false });
    await expectNoSeriousA11yViolations(page);
  });

  test("new-appointment form fits the phone", async ({ page, newAppointment }) => {
    await newAppointment.goto(SALON);
    await newAppointment.chooseService("Brushing & soin");
    await page.getByLabel("Masque hydratant (+2 000 F CFA)").check();
    await expect(newAppointment.total()).toHaveText(/10\s000\sF\sCFA/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, "12-new-appointment-390");
    await expectNoSeriousA11yViolations(page);
  });
});
