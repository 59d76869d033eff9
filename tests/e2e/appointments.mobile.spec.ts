import { expect, expectNoSeriousA11yViolations, screenshot, test } from "./fixtures";
import { PARIS, SALON } from "./support/accounts";
import { DemoApi, parisInstant } from "./support/api";
import { openDay } from "./support/days";
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

test("an agent's time off: Absent under the day in the agenda, and on the cards it crosses", async ({ page, request }) => {
  const api = new DemoApi(request);
  const agent = await api.parisAgent("Agent Absent", null);
  try {
    const day = openDay(39);
    const [customer] = await api.customers(1);
    // Booked first (a booking into time off is refused), then the agent takes the morning off.
    const apt = await api.bookParis({ serviceId: agent.serviceId, customerId: customer.id, agentId: agent.id, date: parisInstant(`${day}T10:30`) });
    await api.call(`agents/${agent.id}/time-off/create`, { startDate: day, startTime: "10:00", endTime: "12:00" });

    await page.goto(`/c/${PARIS.slug}/calendar?view=day&date=${day}`);
    await expect(page.getByTestId("day-absences")).toContainText(`Absent : ${agent.name} (10:00–12:00)`);
    const card = page.getByTestId("agenda").locator(`li[data-id="${apt.id}"]`);
    await expect(card).toContainText("Agent absent");
    await screenshot(page, "13-agenda-absent-390", { fullPage: false });
    await expectNoSeriousA11yViolations(page);

    await page.goto(`/c/${PARIS.slug}/appointments?range=custom&from=${day}&to=${day}`);
    await expect(page.getByRole("list", { name: "Rendez-vous" }).locator(`li[data-id="${apt.id}"]`)).toContainText("Agent absent");
  } finally {
    await agent.done();
  }
});
