// A member of several apps moves between them from the account menu; the choice is a cookie
// the server checks against the memberships on every request, so a forged one opens nothing.
import { expect, screenshot, test } from "./fixtures";
import { OWNER, SALON, SECOND_APP, SPA, SPA_STAFF } from "./support/accounts";

test.describe("app switcher", () => {
  test("the demo owner, also admin of a second app, switches to it and back", async ({ page }) => {
    await page.goto(`/c/${SALON}/appointments`);
    await page.getByRole("button", { name: `Compte : ${OWNER.name}` }).click();
    await expect(page.getByText("Espace de travail")).toBeVisible();
    await expect(page.getByRole("menuitem", { name: "Rendez-vous Démo" })).toHaveAttribute("aria-current", "true");
    await screenshot(page, "app-switcher-menu-1280", { fullPage: false });
    await page.getByRole("menuitem", { name: SECOND_APP.name }).click();

    await expect(page).toHaveURL(new RegExp(`/c/${SECOND_APP.company.slug}/appointments`));
    await expect(page.getByRole("heading", { name: "Rendez-vous", level: 1 })).toBeVisible();
    await expect(page.getByText(`${SECOND_APP.company.name} · heure d'Abidjan, GMT`)).toBeVisible();
    // Only the second app's companies now, and the demo's are out of reach.
    await expect(page.getByRole("button", { name: /Changer d'entreprise/ })).toHaveCount(0);
    await page.reload();
    await expect(page.getByText(`${SECOND_APP.company.name} · heure d'Abidjan, GMT`)).toBeVisible();
    const demo = await page.goto(`/c/${SALON}/appointments`);
    expect(demo?.status()).toBe(404);

    await page.goto(`/c/${SECOND_APP.company.slug}/appointments`);
    await page.getByRole("button", { name: `Compte : ${OWNER.name}` }).click();
    await expect(page.getByRole("menuitem", { name: SECOND_APP.name })).toHaveAttribute("aria-current", "true");
    await page.getByRole("menuitem", { name: "Rendez-vous Démo" }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/appointments`));
  });

  test("a forged app cookie opens nothing: a staff member of one app stays in it, without a switcher", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/login");
    await expect(page.locator("form[data-hydrated]")).toBeVisible();
    await page.getByLabel("Adresse e-mail").fill(SPA_STAFF.email);
    await page.getByLabel("Mot de passe").fill(SPA_STAFF.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${SPA}/`));

    await context.addCookies([{ name: "rdv-app", value: SECOND_APP.id, url: baseURL! }]);
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/c/${SPA}/`));
    const other = await page.goto(`/c/${SECOND_APP.company.slug}/appointments`);
    expect(other?.status()).toBe(404);
    await page.goto(`/c/${SPA}/appointments`);
    await page.getByRole("button", { name: `Compte : ${SPA_STAFF.name}` }).click();
    await expect(page.getByRole("menuitem", { name: "Se déconnecter" })).toBeVisible();
    await expect(page.getByText("Espace de travail")).toHaveCount(0);
    await context.close();
  });
});
