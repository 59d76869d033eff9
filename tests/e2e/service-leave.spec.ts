// The service editor keeps unsaved work: an in-app link (header navigation, back link,
// company switcher, cancel) asks first with the app's own dialog; once saved, links just work.
import { expect, screenshot, test } from "./fixtures";
import { ServiceEditor } from "./pages/catalog";
import { SALON } from "./support/accounts";

test.describe("service editor: unsaved changes", () => {
  test("in-app links ask before leaving; staying keeps the typing; leaving goes where the link pointed", async ({ page }) => {
    const editor = new ServiceEditor(page);
    await editor.gotoNew(SALON);
    // Clean: a link leaves at once.
    await page.getByRole("link", { name: "Retour aux services" }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/services$`));

    await editor.gotoNew(SALON);
    await editor.field("Nom du service").fill("Soin en cours de saisie");
    const ask = page.getByRole("alertdialog", { name: "Quitter sans enregistrer ?" });

    // The header's navigation.
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Rendez-vous" }).click();
    await expect(ask).toBeVisible();
    await screenshot(page, "service-leave-ask-1280", { fullPage: false });
    await ask.getByRole("button", { name: "Rester sur la page" }).click();
    await expect(ask).toBeHidden();
    await expect(page).toHaveURL(/\/services\/new$/);
    await expect(editor.field("Nom du service")).toHaveValue("Soin en cours de saisie");

    // The company switcher (a link in a menu): the menu closes, the question comes.
    await page.getByRole("button", { name: /Changer d'entreprise/ }).click();
    await page.getByRole("menuitem", { name: "Spa Lagune Plateau" }).click();
    await expect(ask).toBeVisible();
    await expect(page.getByRole("menu")).toHaveCount(0);
    await ask.getByRole("button", { name: "Rester sur la page" }).click();
    await expect(page).toHaveURL(/\/services\/new$/);

    // The cancel button, then leaving for real.
    await page.getByRole("link", { name: "Annuler" }).click();
    await expect(ask).toBeVisible();
    await ask.getByRole("button", { name: "Quitter sans enregistrer" }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/services$`));
  });

  test("after saving, the links work without asking", async ({ page }) => {
    const editor = new ServiceEditor(page);
    await editor.gotoNew(SALON);
    const name = `Soin sauvegardé ${Date.now().toString(36)}`;
    await editor.field("Nom du service").fill(name);
    await editor.field("Prix de base").fill("3 000");
    await editor.save();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/services$`));
    await expect(page.getByRole("alertdialog")).toHaveCount(0);

    // Edit it, save: still on the editor's way out, no question; then a link leaves at once.
    await page.getByRole("link", { name, exact: true }).click();
    await editor.ready();
    await editor.field("Description (facultatif)").fill("Une description");
    await editor.save();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/services$`));
    await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Rendez-vous" }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/appointments`));
    await expect(page.getByRole("alertdialog")).toHaveCount(0);
  });
});
