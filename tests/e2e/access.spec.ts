import { OWNER_STATE } from "../../playwright.config";
import { expect, LoginPage, test } from "./fixtures";
import { OWNER, SALON, SPA, SPA_STAFF } from "./support/accounts";

test.describe("sign-in and scope", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("visitors are sent to the sign-in page, and back where they were going", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await page.goto(`/c/${SALON}/appointments?range=week`);
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    const login = new LoginPage(page);
    await login.signIn(OWNER.email, OWNER.password);
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/appointments\\?range=week`));
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(OWNER.email, "pas-le-bon");
    await expect(login.error()).toHaveText("E-mail ou mot de passe incorrect.");
    await expect(page.getByLabel("Adresse e-mail")).toHaveValue(OWNER.email);
  });

  test("repeated failures are throttled", async ({ page }) => {
    const login = new LoginPage(page);
    const email = `inconnu-${Date.now()}@exemple.ci`;
    await login.goto();
    for (let i = 0; i < 5; i++) {
      await login.signIn(email, `faux-${i}`);
      await expect(login.error()).toBeVisible();
    }
    await login.signIn(email, "encore-faux");
    await expect(login.error()).toHaveText("Trop de tentatives échouées. Réessayez dans 15 minutes.");
  });

  test("staff of the spa see the spa only; another company's pages and appointments answer not-found", async ({ page, browser }) => {
    // An appointment of the salon, read as the owner.
    const owner = await browser.newContext({ storageState: OWNER_STATE });
    const ownerPage = await owner.newPage();
    await ownerPage.goto(`/c/${SALON}/appointments?range=all`);
    const salonId = await ownerPage.locator("tbody tr[data-id]").first().getAttribute("data-id");
    await owner.close();
    expect(salonId).toBeTruthy();

    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(SPA_STAFF.email, SPA_STAFF.password);
    await expect(page).toHaveURL(new RegExp(`/c/${SPA}/appointments`));
    await expect(page.getByText("Spa Lagune Plateau").first()).toBeVisible();
    await expect(page.getByRole("button", { name: /Changer d'entreprise/ })).toHaveCount(0);

    for (const url of [
      `/c/${SALON}/appointments`,
      `/c/${SALON}/appointments/${salonId}`,
      `/c/${SPA}/appointments/${salonId}`,
      `/c/${SPA}/appointments?appointment=${salonId}`,
      `/c/${SALON}/appointments/new`,
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    }
    const csv = await page.request.get(`/c/${SALON}/appointments/export`);
    expect(csv.status()).toBe(404);
  });

  test("sign out", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(OWNER.email, OWNER.password);
    await expect(page).toHaveURL(/appointments/);
    await page.getByRole("button", { name: /^Compte/ }).click();
    await page.getByRole("menuitem", { name: "Se déconnecter" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto(`/c/${SALON}/appointments`);
    await expect(page).toHaveURL(/\/login/);
  });
});

test("the owner switches company from the header", async ({ page }) => {
  await page.goto(`/c/${SALON}/appointments`);
  await page.getByRole("button", { name: /Changer d'entreprise/ }).click();
  await page.getByRole("menuitem", { name: "Spa Lagune Plateau" }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${SPA}/appointments`));
  await expect(page.getByText("Spa Lagune Plateau · heure d'Abidjan, GMT")).toBeVisible();
});
