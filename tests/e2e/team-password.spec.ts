import { expect, expectNoSeriousA11yViolations, LoginPage, screenshot, test } from "./fixtures";
import { label } from "./pages/catalog";
import { SettingsPage } from "./pages/settings";
import { OWNER, SALON, SPA } from "./support/accounts";

const run = Date.now().toString(36).slice(-5);

// Four sign-ins (argon2 each) and two accessibility scans: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

test("team: the owner resets a member's password; the member's session ends; the new password signs in", async ({ page, browser }) => {
  const settings = new SettingsPage(page);
  await settings.goto(SALON, "team");
  // Your own password is changed from the account menu, not here.
  await expect(settings.row(OWNER.email).getByRole("button", { name: /^Réinitialiser le mot de passe/ })).toBeDisabled();

  const email = `reset.${run}@exemple.ci`;
  const name = `Koffi Reset ${run}`;
  await page.getByRole("button", { name: "Ajouter un membre" }).click();
  const add = settings.dialog();
  await add.getByLabel("Adresse e-mail").fill(email);
  await add.getByLabel(label("Nom")).fill(name);
  await add.getByLabel("Spa Lagune Plateau").check();
  await add.getByRole("button", { name: "Générer" }).click();
  const first = await add.getByLabel("Mot de passe").inputValue();
  await add.getByRole("button", { name: "Ajouter", exact: true }).click();
  await add.getByRole("button", { name: "Terminé" }).click();
  await expect(settings.dialog()).toBeHidden();

  // The member is signed in elsewhere.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await context.newPage();
  const login = new LoginPage(theirs);
  await login.goto();
  await login.signIn(email, first);
  await expect(theirs).toHaveURL(new RegExp(`/c/${SPA}/appointments`));

  // With the keyboard: the row's action opens the dialog, focus goes into it.
  const action = settings.row(email).getByRole("button", { name: `Réinitialiser le mot de passe de ${name}` });
  await action.focus();
  await page.keyboard.press("Enter");
  const dialog = settings.dialog();
  await expect(dialog.getByRole("heading", { name: `Réinitialiser le mot de passe de ${name}` })).toBeVisible();
  const field = dialog.getByLabel("Nouveau mot de passe");
  await field.focus();
  await page.keyboard.type("court");
  await page.keyboard.press("Enter");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "team-reset-01-error-1280", { fullPage: false });

  await dialog.getByRole("button", { name: "Générer" }).click();
  const second = await field.inputValue();
  expect(second).toHaveLength(14);
  expect(second).not.toBe(first);
  await dialog.getByRole("button", { name: "Réinitialiser", exact: true }).click();
  await expect(dialog.getByRole("heading", { name: `Mot de passe de ${name} réinitialisé` })).toBeVisible();
  await expect(dialog.getByTestId("reset-password-value")).toHaveValue(second);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "team-reset-02-done-1280", { fullPage: false });
  await dialog.getByRole("button", { name: "Terminé" }).click();
  await expect(settings.dialog()).toBeHidden();

  // Their open session has ended; the old password no longer works, the new one does.
  await theirs.goto(`/c/${SPA}/appointments`);
  await expect(theirs).toHaveURL(/\/login/);
  await login.signIn(email, first);
  await expect(login.error()).toHaveText("E-mail ou mot de passe incorrect.");
  await login.signIn(email, second);
  await expect(theirs).toHaveURL(new RegExp(`/c/${SPA}/appointments`));
  await context.close();
});
