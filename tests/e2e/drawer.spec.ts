// The appointment drawer: its history reads like its header (long dates in the company's
// zone) and says who acted — a member, a program through the API (and which key), the
// system; opening it reads only the appointment, not the whole page again.
import type { Request } from "@playwright/test";
import { expect, plain, screenshot, test } from "./fixtures";
import { SALON } from "./support/accounts";
import { apiAppointment, apiCustomer, apiService, apiStatus } from "./support/api";

// "Samedi 28 novembre 2026, 10:00": the long form, as the drawer's header.
const LONG_FR = /^[A-Z][a-zéû]+ \d{1,2} [a-zéû]+ \d{4}, \d{2}:\d{2}$/;

test.describe("appointment drawer", () => {
  test("history: long dates, changes through the API name the key, a member by name", async ({ page, request, appointments }) => {
    const customer = await apiCustomer(request, `Mariam Drawer ${Date.now().toString(36)}`);
    const service = await apiService(request, SALON, "Manucure");
    const created = await apiAppointment(request, { serviceId: service.id, customerId: customer.id, daysAhead: 40 });
    await apiStatus(request, created.id, "CONFIRMED");

    await page.goto(`/c/${SALON}/appointments/${created.id}`);
    await appointments.ready();
    const drawer = appointments.drawer();
    await expect(drawer.getByRole("heading", { name: customer.fullname })).toBeVisible();
    const history = drawer.getByTestId("history");
    await expect(history.locator("li")).toHaveCount(2);
    for (const line of await history.locator("li > p:nth-of-type(2)").allInnerTexts()) {
      const m = /^(.+) · (via l'API · clé « Clé de démonstration »)$/.exec(plain(line));
      expect(m, line).not.toBeNull();
      expect(m![1]).toMatch(LONG_FR);
    }

    await drawer.getByRole("button", { name: "Démarrer" }).click();
    await expect(drawer.locator("[data-status]")).toHaveText("En cours");
    await expect(history.locator("li")).toHaveCount(3);
    await expect(history.locator("li").last()).toContainText("Confirmé → En cours");
    await expect(history.locator("li").last()).toContainText("par Mme Aïcha Ouattara");

    // Client and agent each have their own icon.
    const clientIcon = await drawer.locator("dt", { hasText: "Client" }).locator("svg").getAttribute("class");
    const agentIcon = await drawer.locator("dt", { hasText: "Agent" }).locator("svg").getAttribute("class");
    expect(clientIcon).toContain("lucide-user-round");
    expect(agentIcon).toContain("lucide-id-card");
    await screenshot(page, "drawer-history-api-1280", { fullPage: false });
  });

  test("the demo's bookings say the system made them", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=all");
    const first = appointments.rows().first();
    await appointments.openDrawer(first);
    const created = appointments.drawer().getByTestId("history").locator("li").first();
    await expect(created).toContainText("par le système (Réservation en ligne)");
  });

  test("opening and closing the drawer reads the appointment alone, not the page; the back button closes it", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=week");
    const row = appointments.rows().first();
    const id = (await row.getAttribute("data-id"))!;
    const requests: Request[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "fetch") requests.push(r);
    });
    await row.locator("td").nth(3).click();
    await expect(page).toHaveURL(new RegExp(`appointment=${id}`));
    await expect(appointments.drawer().getByTestId("history")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page).not.toHaveURL(/appointment=/);
    await expect(appointments.drawer()).toBeHidden();

    // Links in view prefetch pages meanwhile (the header's "Rendez-vous" link this one too, when
    // its turn in the prefetch queue comes); this page itself is not read again.
    const pageReads = requests.filter((r) => new URL(r.url()).pathname === `/c/${SALON}/appointments` && !r.headers()["next-router-prefetch"]);
    expect(pageReads.map((r) => r.url())).toEqual([]);
    expect(requests.filter((r) => !r.url().includes("_rsc=")).map((r) => new URL(r.url()).pathname)).toEqual([
      `/c/${SALON}/appointments/${id}/detail`,
    ]);

    // Opened again, the back button closes it and forward opens it.
    await row.locator("td").nth(3).click();
    await expect(appointments.drawer().getByTestId("history")).toBeVisible();
    await page.goBack();
    await expect(appointments.drawer()).toBeHidden();
    await expect(page).not.toHaveURL(/appointment=/);
    await page.goForward();
    await expect(appointments.drawer().getByTestId("history")).toBeVisible();
  });
});
