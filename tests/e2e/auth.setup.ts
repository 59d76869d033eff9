import { expect, test as setup } from "@playwright/test";
import { OWNER_STATE } from "../../playwright.config";
import { OWNER } from "./support/accounts";

// Signs the demo owner in once; the other tests start signed in with this cookie.
setup("sign in as the demo owner", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("form[data-hydrated]")).toBeVisible();
  await page.getByLabel("Adresse e-mail").fill(OWNER.email);
  await page.getByLabel("Mot de passe").fill(OWNER.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/c\/salon-elegance-cocody\/appointments/);
  await page.context().storageState({ path: OWNER_STATE });
});
