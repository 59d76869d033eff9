import { expect, expectNoSeriousA11yViolations, LoginPage, screenshot, test } from "./fixtures";
import { label } from "./pages/catalog";
import { SettingsPage } from "./pages/settings";
import { OWNER, SALON, SPA, SPA_STAFF } from "./support/accounts";

const run = Date.now().toString(36).slice(-5);

test.describe("settings (owner)", () => {
  test("companies: create with a time zone, a taken slug refused, edit, choose the default", async ({ page }) => {
    const settings = new SettingsPage(page);
    await page.goto(`/c/${SALON}/settings`);
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/settings/companies$`));
    await expect(settings.row("Salon Élégance Cocody")).toContainText("Par défaut");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "set-01-companies-1280");

    const name = `Institut Test ${run}`;
    await page.getByRole("button", { name: "Nouvelle entreprise" }).click();
    const dialog = settings.dialog();
    await dialog.getByLabel(label("Nom")).fill(name);
    await dialog.getByLabel("Identifiant dans l'adresse").fill(SALON);
    await expect(dialog.getByLabel("Fuseau horaire")).toHaveValue("Africa/Abidjan");
    await dialog.getByLabel("Fuseau horaire").selectOption("Europe/Paris");
    await dialog.getByRole("button", { name: "Créer l'entreprise" }).click();
    await expect(dialog.getByText("Déjà utilisé")).toBeVisible();
    await expect(dialog.getByLabel("Identifiant dans l'adresse")).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "set-02-company-dialog-error-1280", { fullPage: false });
    await dialog.getByLabel("Identifiant dans l'adresse").fill("");
    await dialog.getByRole("button", { name: "Créer l'entreprise" }).click();
    await expect(dialog).toBeHidden();
    const row = settings.row(name);
    await expect(row).toContainText(/heure de Paris, UTC\+[12]/);
    await expect(row).toContainText(`/c/institut-test-${run}`);

    await row.getByRole("button", { name: `Modifier ${name}` }).click();
    await settings.dialog().getByLabel("Téléphone (facultatif)").fill("27 22 44 55 66");
    await settings.dialog().getByRole("button", { name: "Enregistrer" }).click();
    await expect(settings.dialog()).toBeHidden();
    await expect(settings.row(name)).toContainText("+225 27 22 44 55 66");

    // The default moves, asked first; then back to the salon for the other tests.
    await settings.row(name).getByRole("button", { name: `Définir ${name} par défaut` }).click();
    await settings.confirmDialog().getByRole("button", { name: "Définir par défaut" }).click();
    await expect(settings.confirmDialog()).toBeHidden();
    await expect(settings.row(name)).toContainText("Par défaut");
    await expect(settings.row("Salon Élégance Cocody")).not.toContainText("Par défaut");
    await settings.row("Salon Élégance Cocody").getByRole("button", { name: /^Définir .* par défaut$/ }).click();
    await settings.confirmDialog().getByRole("button", { name: "Définir par défaut" }).click();
    await expect(settings.confirmDialog()).toBeHidden();
    await expect(settings.row("Salon Élégance Cocody")).toContainText("Par défaut");
    await expect(settings.row(name)).not.toContainText("Par défaut");

    // The new company is reachable from the header's switcher.
    await page.getByRole("button", { name: /Changer d'entreprise/ }).click();
    await expect(page.getByRole("menuitem", { name })).toBeVisible();
  });

  test("team: a staff member added with a password signs in; their role changes; removed, they are out", async ({ page, browser }) => {
    const settings = new SettingsPage(page);
    await settings.goto(SALON, "team");
    await expect(settings.row(OWNER.email)).toContainText("Propriétaire");
    await expect(settings.row(OWNER.email)).toContainText("(vous)");
    await expect(settings.row(OWNER.email).getByRole("button", { name: /^Retirer/ })).toBeDisabled();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "set-03-team-1280");

    const email = `marie.${run}@exemple.ci`;
    const name = `Marie Test ${run}`;
    await page.getByRole("button", { name: "Ajouter un membre" }).click();
    const dialog = settings.dialog();
    await dialog.getByLabel("Adresse e-mail").fill(email);
    await dialog.getByLabel(label("Nom")).fill(name);
    await expect(dialog.getByLabel("Rôle")).toHaveValue("staff");
    await dialog.getByRole("button", { name: "Ajouter", exact: true }).click();
    await expect(dialog.getByText("Cochez au moins une entreprise")).toBeVisible();
    await dialog.getByLabel("Spa Lagune Plateau").check();
    await dialog.getByRole("button", { name: "Ajouter", exact: true }).click();
    // A new account needs a password: the server says so next to the field.
    await expect(dialog.getByLabel("Mot de passe")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Générer" }).click();
    const password = await dialog.getByLabel("Mot de passe").inputValue();
    expect(password).toHaveLength(14);
    await dialog.getByRole("button", { name: "Ajouter", exact: true }).click();
    await expect(dialog.getByRole("heading", { name: `${name} fait partie de l'équipe` })).toBeVisible();
    await expect(dialog.getByTestId("new-member-password")).toHaveText(password);
    await screenshot(page, "set-04-member-added-1280", { fullPage: false });
    await dialog.getByRole("button", { name: "Terminé" }).click();
    await expect(settings.row(email)).toContainText("Personnel");
    await expect(settings.row(email)).toContainText("Spa Lagune Plateau");

    // They sign in, land on their company, and see no settings.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirs = await context.newPage();
    const login = new LoginPage(theirs);
    await login.goto();
    await login.signIn(email, password);
    await expect(theirs).toHaveURL(new RegExp(`/c/${SPA}/appointments`));
    await expect(theirs.getByRole("link", { name: "Paramètres" })).toHaveCount(0);

    // Made an administrator: every company.
    await settings.row(email).getByRole("button", { name: `Modifier ${name}` }).click();
    await settings.dialog().getByLabel("Rôle").selectOption("admin");
    await expect(settings.dialog().getByText("Entreprises accessibles")).toBeHidden();
    await settings.dialog().getByRole("button", { name: "Enregistrer" }).click();
    await expect(settings.dialog()).toBeHidden();
    await expect(settings.row(email)).toContainText("Administrateur");
    await expect(settings.row(email)).toContainText("Toutes");
    // Their rights changed: their open session ends; signed in again, they have the new ones.
    await theirs.goto(`/c/${SALON}/settings/team`);
    await expect(theirs).toHaveURL(/\/login/);
    await login.signIn(email, password);
    await expect(theirs).toHaveURL(/\/c\//);
    await theirs.goto(`/c/${SALON}/settings/team`);
    await expect(theirs.getByRole("heading", { level: 1, name: "Paramètres" })).toBeVisible();

    // Removed (asked first): their next request is refused.
    await settings.row(email).getByRole("button", { name: `Retirer ${name}` }).click();
    await expect(settings.confirmDialog()).toContainText("perdra tout de suite l'accès");
    await settings.confirmDialog().getByRole("button", { name: "Retirer" }).click();
    // (The open dialog hides the page from the accessibility tree: wait for it to close.)
    await expect(settings.confirmDialog()).toBeHidden();
    await expect(settings.row(email)).toHaveCount(0);
    await theirs.goto(`/c/${SPA}/appointments`);
    await expect(theirs).toHaveURL(/\/login/);
    await context.close();
  });

  test("API keys: created and shown once, it reads the API, revoked it answers 401 not-authorized", async ({ page, request }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const settings = new SettingsPage(page);
    await settings.goto(SALON, "api-keys");
    await expectNoSeriousA11yViolations(page);
    const appId = (await page.getByTestId("app-id").innerText()).trim();
    expect(appId).toMatch(/^[0-9a-f-]{36}$/);

    const name = `Site de réservation ${run}`;
    await page.getByRole("button", { name: "Nouvelle clé" }).click();
    const dialog = settings.dialog();
    await dialog.getByRole("button", { name: "Créer la clé" }).click();
    await expect(dialog.getByText("Champ obligatoire")).toBeVisible();
    await dialog.getByLabel(label("Nom")).fill(name);
    await expect(dialog.getByRole("checkbox", { name: /Lire les rendez-vous/ })).toBeChecked();
    await dialog.getByRole("checkbox", { name: /Changer les statuts/ }).check();
    await dialog.getByLabel("Entreprise").selectOption({ label: "Salon Élégance Cocody" });
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Créer la clé" }).click();

    const keyField = dialog.getByTestId("new-api-key");
    await expect(keyField).toBeVisible();
    const key = await keyField.inputValue();
    expect(key).toMatch(/^rdv_[A-Za-z0-9_-]{43}$/);
    await expect(dialog.getByText("ne sera plus jamais affichée")).toBeVisible();
    await dialog.getByRole("button", { name: "Copier la clé" }).click();
    await expect(dialog.getByRole("button", { name: "Copié", exact: true })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "set-05-api-key-created-1280", { fullPage: false });
    // A click outside does not lose the key; the button closes.
    await page.mouse.click(5, 5);
    await expect(keyField).toBeVisible();
    await dialog.getByRole("button", { name: "J'ai copié la clé" }).click();
    await expect(dialog).toBeHidden();

    const row = settings.row(name);
    await expect(row).toContainText(`${key.slice(0, 12)}…`);
    await expect(row).toContainText("Salon Élégance Cocody");
    await expect(row).toContainText("Jamais");
    await expect(row).toContainText("Statuts");
    await expect(page.getByText(key)).toHaveCount(0);

    const list = () =>
      request.post(`/app/${appId}/multi-service/appointments/list`, { data: { limit: 1 }, headers: { Authorization: `Bearer ${key}` } });
    const ok = await list();
    expect(ok.status()).toBe(200);
    expect((await ok.json()).success).toBe(true);

    await page.reload();
    await expect(settings.row(name)).not.toContainText("Jamais");
    await screenshot(page, "set-06-api-keys-1280");

    await settings.row(name).getByRole("button", { name: `Révoquer la clé ${name}` }).click();
    await expect(settings.confirmDialog()).toContainText("refusées immédiatement");
    await settings.confirmDialog().getByRole("button", { name: "Révoquer" }).click();
    await expect(settings.confirmDialog()).toBeHidden();
    await expect(settings.row(name)).toContainText("Révoquée le");
    await expect(settings.row(name).getByRole("button", { name: /^Révoquer/ })).toHaveCount(0);

    const refused = await list();
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error.code).toBe("not-authorized");
    const inBody = await request.post(`/app/${appId}/multi-service/appointments/list`, { data: { apiKey: key } });
    expect(inBody.status()).toBe(401);
  });
});

test.describe("settings (staff)", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("staff cannot open settings, and see the catalog read-only", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(SPA_STAFF.email, SPA_STAFF.password);
    await expect(page).toHaveURL(new RegExp(`/c/${SPA}/appointments`));
    await expect(page.getByRole("link", { name: "Paramètres" })).toHaveCount(0);

    for (const section of ["", "/companies", "/team", "/api-keys"]) {
      const response = await page.goto(`/c/${SPA}/settings${section}`);
      expect(response?.status(), section).toBe(404);
      await expect(page.getByRole("heading", { name: "Page introuvable" })).toBeVisible();
    }

    await page.goto(`/c/${SPA}/services`);
    await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Nouveau service" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Désactiver/ })).toHaveCount(0);
    expect((await page.goto(`/c/${SPA}/services/new`))?.status()).toBe(404);
    await page.goto(`/c/${SPA}/services`);
    await page.getByRole("link", { name: "Massage relaxant" }).click();
    await expect(page.getByText("Lecture seule")).toBeVisible();
    await expect(page.getByLabel("Nom du service")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Enregistrer" })).toHaveCount(0);

    // Customers are theirs to manage: the button is there.
    await page.goto(`/c/${SPA}/customers`);
    await expect(page.getByRole("button", { name: "Nouveau client" })).toBeVisible();
  });
});
