import { OWNER_STATE } from "../../playwright.config";
import { expect, plain, screenshot, test } from "./fixtures";
import { SALON } from "./support/accounts";
import { bookToday } from "./support/book";

test.describe("appointment table", () => {
  test("filters by status and date: the URL changes, the rows match, back works", async ({ page, request, appointments }) => {
    // Work waiting today whatever the hour: the table opens on today.
    await bookToday(request, SALON);
    await appointments.goto(SALON);
    await expect(page.getByRole("heading", { name: "Rendez-vous", level: 1 })).toBeVisible();
    await expect(appointments.rows().first()).toBeVisible();
    await screenshot(page, "01-appointments-today-1280");

    await appointments.filterStatus("En attente");
    await expect(page).toHaveURL(/status=PENDING/);
    const badges = appointments.statusBadges();
    await expect(badges.first()).toBeVisible();
    for (const text of await badges.allInnerTexts()) expect(text.trim()).toBe("En attente");

    await appointments.chooseRange("Cette semaine");
    await expect(page).toHaveURL(/range=week/);
    await expect(page).toHaveURL(/status=PENDING/);
    const weekCount = await appointments.rows().count();
    expect(weekCount).toBeGreaterThan(0);
    for (const text of await appointments.statusBadges().allInnerTexts()) expect(text.trim()).toBe("En attente");

    // A shared link gives the same list.
    const url = page.url();
    const other = await page.context().newPage();
    await other.goto(url);
    await expect(other.locator("tbody tr[data-id]")).toHaveCount(weekCount);
    await other.close();

    await page.goBack();
    await expect(page).not.toHaveURL(/range=week/);
    await expect(page).toHaveURL(/status=PENDING/);

    // Two statuses at once: the facets add up.
    await appointments.filterStatus("Confirmé");
    await expect(page).toHaveURL(/status=PENDING(%2C|,)CONFIRMED/);
    for (const text of await appointments.statusBadges().allInnerTexts()) expect(["En attente", "Confirmé"]).toContain(text.trim());

    // Search by customer name, then by phone digits typed with spaces.
    await appointments.goto(SALON, "range=all");
    const first = appointments.rows().first();
    const name = (await first.locator("td").nth(2).locator("button").innerText()).trim();
    const phone = (await first.locator("td").nth(2).locator("div div").innerText()).trim();
    await page.getByLabel("Recherche").fill(name);
    // Read back as the page decodes it: names may hold what URLs escape (N'Guessan → N%27Guessan).
    await expect(page).toHaveURL((url) => url.searchParams.get("q") === name);
    await appointments.ready();
    for (const text of await appointments.rows().locator("td:nth-child(3) button").allInnerTexts()) expect(text).toBe(name);
    const lastDigits = phone.replace(/\D/g, "").slice(-8);
    await page.getByLabel("Recherche").fill(lastDigits.replace(/(\d{2})(?=\d)/g, "$1 "));
    await expect(page).toHaveURL(/q=\d{2}/);
    await appointments.ready();
    for (const text of await appointments.rows().locator("td:nth-child(3) div div").allInnerTexts()) {
      expect(text.replace(/\D/g, "")).toContain(lastDigits);
    }
  });

  test("custom range and page size are kept in the URL; pages move forward and back", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=all&size=10");
    await expect(appointments.rows()).toHaveCount(10);
    const firstPage = await appointments.rows().first().getAttribute("data-id");
    await page.getByRole("button", { name: "Page suivante" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await appointments.ready();
    await expect(appointments.rows()).toHaveCount(10);
    expect(await appointments.rows().first().getAttribute("data-id")).not.toBe(firstPage);
    await page.getByRole("button", { name: "Page précédente" }).click();
    await appointments.ready();
    await expect(appointments.rows().first()).toHaveAttribute("data-id", firstPage!);

    await appointments.chooseRange("Personnalisé");
    await expect(page).toHaveURL(/range=custom/);
    await expect(page.getByLabel("Du")).toBeVisible();
  });

  test("Confirmer → Démarrer → Terminer one appointment, then read its history", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=all&status=PENDING");
    const { row, customer } = await appointments.firstRowWithStatus("En attente");
    await appointments.openDrawer(row);
    await expect(page).toHaveURL(/appointment=/);
    const drawer = appointments.drawer();
    await expect(drawer.getByRole("heading", { name: customer })).toBeVisible();

    await drawer.getByRole("button", { name: "Confirmer" }).click();
    await expect(drawer.locator("[data-status]")).toHaveText("Confirmé");
    await expect(drawer.getByRole("button", { name: "Démarrer" })).toBeEnabled();
    await drawer.getByRole("button", { name: "Démarrer" }).click();
    await expect(drawer.locator("[data-status]")).toHaveText("En cours");
    await expect(drawer.getByRole("button", { name: "Terminer" })).toBeEnabled();
    await drawer.getByRole("button", { name: "Terminer" }).click();
    await expect(drawer.locator("[data-status]")).toHaveText("Terminé");
    await expect(drawer.getByText("Ce rendez-vous est clos")).toBeVisible();

    const history = drawer.getByTestId("history");
    await expect(history.getByText("En attente → Confirmé")).toBeVisible();
    await expect(history.getByText("Confirmé → En cours")).toBeVisible();
    await expect(history.getByText("En cours → Terminé")).toBeVisible();
    await expect(history.getByText("par Mme Aïcha Ouattara")).toHaveCount(3);
    await screenshot(page, "03-drawer-history-1280", { fullPage: false });

    // The drawer has its own URL: a reload shows it again.
    await page.reload();
    await expect(appointments.drawer().locator("[data-status]")).toHaveText("Terminé");
    await page.keyboard.press("Escape");
    await expect(page).not.toHaveURL(/appointment=/);
  });

  test("cancel one with a reason, after a confirmation", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=all&status=CONFIRMED");
    const { row, customer } = await appointments.firstRowWithStatus("Confirmé");
    await row.getByRole("button", { name: `Actions pour ${customer}` }).click();
    await page.getByRole("menuitem", { name: "Annuler" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("heading", { name: "Annuler ce rendez-vous ?" })).toBeVisible();
    await dialog.getByLabel("Motif (facultatif)").fill("Client en voyage");
    await screenshot(page, "04-cancel-dialog-1280", { fullPage: false });
    await dialog.getByRole("button", { name: "Annuler le rendez-vous" }).click();
    await expect(page.getByText("Rendez-vous annulé").first()).toBeVisible();

    await appointments.goto(SALON, "range=all&status=CANCELLED&q=" + encodeURIComponent(customer));
    const cancelled = appointments.rowByCustomer(customer).first();
    await appointments.openDrawer(cancelled);
    await expect(appointments.drawer().getByText("Motif : Client en voyage")).toBeVisible();
    await expect(appointments.drawer().getByText("Confirmé → Annulé")).toBeVisible();
  });

  test("bulk-confirm three, with a per-row report", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=all&status=PENDING");
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const row = appointments.rows().nth(i);
      ids.push((await row.getAttribute("data-id"))!);
      await row.getByRole("checkbox").check();
    }
    const bar = page.getByRole("region", { name: "3 sélectionnés" });
    await expect(bar).toBeVisible();
    await screenshot(page, "05-bulk-selection-1280");
    await bar.getByRole("button", { name: "Confirmer" }).click();
    await expect(page.getByText("3 rendez-vous modifiés")).toBeVisible();
    await appointments.ready();
    for (const id of ids) await expect(page.locator(`tbody tr[data-id="${id}"]`)).toHaveCount(0);
    for (const id of ids) {
      await page.goto(`/c/${SALON}/appointments/${id}`);
      await expect(appointments.drawer().locator("[data-status]")).toHaveText("Confirmé");
    }
  });

  test("a refused change rolls back with a toast and shows the true status", async ({ page, browser, appointments }) => {
    // No status filter: once the truth (Confirmé) is known the row must stay in the list.
    // Latest first, where the demo's pending appointments are.
    // This page does not hear of changes live here (its event stream is cut): it stays stale.
    await page.route("**/api/events/stream**", (route) => route.abort());
    await appointments.goto(SALON, "range=all&sort=desc");
    const { row, id, customer } = await appointments.firstRowWithStatus("En attente");

    // Someone else confirms it meanwhile, from another browser.
    const other = await browser.newContext({ storageState: OWNER_STATE });
    const otherPage = await other.newPage();
    await otherPage.goto(`/c/${SALON}/appointments/${id}`);
    await expect(otherPage.locator("[data-hydrated]").first()).toBeAttached();
    await otherPage.getByRole("dialog").getByRole("button", { name: "Confirmer" }).click();
    await expect(otherPage.getByRole("dialog").locator("[data-status]")).toHaveText("Confirmé");
    await other.close();

    // This page still shows it pending: Confirmer is refused, the row shows the truth.
    await row.getByRole("button", { name: `Confirmer — ${customer}` }).click();
    await expect(page.getByText("Le statut a déjà changé").first()).toBeVisible();
    await expect(page.locator(`tbody tr[data-id="${id}"] [data-status]`)).toHaveText("Confirmé");
  });

  test("CSV export of the filtered list", async ({ page, appointments }) => {
    await appointments.goto(SALON, "range=week");
    const summary = plain(await page.getByText(/^\d+ rendez-vous$/).first().innerText());
    const total = Number(summary.split(" ")[0]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Exporter CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rendez-vous-salon-elegance-cocody-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8"));
    const lines = text.replace(/^\uFEFF/, "").trim().split(/\r\n/);
    expect(lines[0]).toContain("Date et heure;Client;Téléphone;Service;Agent");
    expect(lines.length - 1).toBe(total);
  });
});
