// Settings → Messages as an owner uses it: a company's triggers and texts (live preview by the
// contract's rendering, refusals on their field), and the app's channels (a secret saved is
// never shown back; a non-HTTPS provider address is refused on its field).
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, plain, screenshot, test } from "./fixtures";
import { DEMO_APP, PARIS, SALON } from "./support/accounts";

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
}

const trigger = (page: Page, name: string) => page.locator(`li[data-trigger="${name}"]`);

// Several saves, reloads and accessibility checks each: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

test("a company's messages: a trigger off, a text edited with its preview, an unknown variable refused on its field", async ({ page }) => {
  // The Paris company: its own name and clock in the preview, and no other test reads its messages.
  await open(page, `/c/${PARIS.slug}/settings/messages`);
  const nav = page.getByRole("navigation", { name: "Sections des paramètres" });
  await expect(nav.getByRole("link", { name: "Messages", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: `Messages aux clients — ${PARIS.name}` })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Off: the reminder on the day.
  const hoursBefore = trigger(page, "reminder-hours-before");
  await hoursBefore.getByRole("checkbox", { name: "Rappel le jour même" }).click();
  await expect(hoursBefore.getByRole("checkbox")).not.toBeChecked();
  await page.getByLabel("Délai avant le rendez-vous").fill("1,5");

  // A French text, typed and completed with a variable chip; the preview follows as it is typed.
  const confirmed = trigger(page, "confirmed");
  await confirmed.getByRole("button", { name: /Modifier les textes/ }).click();
  const fr = confirmed.getByRole("textbox", { name: "Texte en français" });
  await fr.fill("Bonjour {{firstName}}, c'est confirmé chez {{company}} le {{date}} à {{time}} : ");
  const preview = confirmed.getByTestId("preview-confirmed-fr");
  await expect(preview).toHaveText(`Bonjour Aya, c'est confirmé chez ${PARIS.name} le jeudi 10 décembre à 14h30 :`);
  await fr.press("End");
  await confirmed.getByRole("group", { name: "Insérer une variable dans le texte en français" }).getByRole("button", { name: /^\{\{price\}\}/ }).click();
  await expect(fr).toHaveValue(/ : \{\{price\}\}$/);
  await expect(fr).toBeFocused();
  expect(plain(await preview.innerText())).toContain("à 14h30 : 15 000 F CFA");
  // Its WhatsApp template: a name and the variables filling {{1}}, {{2}}.
  await confirmed.getByLabel("Nom du modèle").fill("rdv_confirme");
  await confirmed.getByRole("button", { name: "Ajouter un paramètre" }).click();
  await confirmed.getByRole("button", { name: "Ajouter un paramètre" }).click();
  await confirmed.getByRole("combobox", { name: /paramètre 2 du modèle/ }).selectOption("time");
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "messages-settings-01-company-1280");

  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Réglages des messages enregistrés")).toBeVisible();
  await page.reload();
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
  await expect(trigger(page, "reminder-hours-before").getByRole("checkbox")).not.toBeChecked();
  await expect(page.getByLabel("Délai avant le rendez-vous")).toHaveValue("1.5");
  await trigger(page, "confirmed").getByRole("button", { name: /Modifier les textes/ }).click();
  await expect(trigger(page, "confirmed").getByRole("textbox", { name: "Texte en français" })).toHaveValue(/c'est confirmé chez \{\{company\}\}.* : \{\{price\}\}$/);
  await expect(trigger(page, "confirmed").getByLabel("Nom du modèle")).toHaveValue("rdv_confirme");
  await expect(trigger(page, "confirmed").getByRole("combobox", { name: /paramètre 1 du modèle/ })).toHaveValue("firstName");
  await expect(trigger(page, "confirmed").getByRole("combobox", { name: /paramètre 2 du modèle/ })).toHaveValue("time");

  // An unknown variable: said while typing, refused at save on its field, nothing saved (not even the other change).
  await trigger(page, "no-show").getByRole("checkbox").click();
  const en = trigger(page, "confirmed").getByRole("textbox", { name: "Texte en anglais" });
  await en.fill("Hello {{nom}}, see you at {{time}}.");
  await trigger(page, "confirmed").getByLabel("Nom du modèle").fill("Rdv Confirmé");
  await expect(trigger(page, "confirmed").getByText("Variable inconnue : {{nom}}. L'enregistrement sera refusé.")).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(en).toHaveAttribute("aria-invalid", "true");
  await expect(en).toBeFocused();
  await expect(trigger(page, "confirmed").getByText(/Variable inconnue : \{\{nom\}\} \(possibles/)).toBeVisible();
  await expect(trigger(page, "confirmed").getByLabel("Nom du modèle")).toHaveAttribute("aria-invalid", "true");
  await expect(trigger(page, "confirmed").getByText("Nom de modèle WhatsApp : minuscules, chiffres et _")).toBeVisible();
  await expect(page.getByRole("alert", { name: /^Certaines informations ne sont pas valides\./ })).toBeVisible();
  await screenshot(page, "messages-settings-02-refused-1280", { fullPage: false });
  await expectNoSeriousA11yViolations(page);

  // Leaving with the change unsaved asks first.
  await nav.getByRole("link", { name: "Webhooks" }).click();
  const leave = page.getByRole("alertdialog");
  await expect(leave).toBeVisible();
  await leave.getByRole("button", { name: "Rester sur la page" }).click();

  await page.getByRole("button", { name: "Annuler les modifications" }).click();
  await page.reload();
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
  await expect(trigger(page, "no-show").getByRole("checkbox")).not.toBeChecked();
  await trigger(page, "confirmed").getByRole("button", { name: /Modifier les textes/ }).click();
  await expect(trigger(page, "confirmed").getByRole("textbox", { name: "Texte en anglais" })).toHaveValue(/^Hello \{\{firstName\}\}, your appointment/);
  await expect(trigger(page, "confirmed").getByLabel("Nom du modèle")).toHaveValue("rdv_confirme");

  // On a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "messages-settings-03-company-390");
});

test("the app's channels: a provider saved with its secret never shows it back; an http address is refused on its field", async ({ page, baseURL }) => {
  await open(page, `/c/${SALON}/settings/messages/channels`);
  const list = page.getByRole("list", { name: "Canaux d'envoi des messages" });
  await expect(list.locator('li[data-channel="journal"]')).toHaveAttribute("data-state", "enabled");
  await expect(list.getByTestId("callback-whatsapp")).toHaveText(`${baseURL}/api/messages/whatsapp`);
  await expect(list.getByTestId("callback-sms")).toHaveText(`${baseURL}/api/messages/sms/${DEMO_APP}`);
  await expectNoSeriousA11yViolations(page);

  // SMS to a plain-http address: refused on the URL field, nothing saved.
  const sms = list.locator('li[data-channel="sms"]');
  await sms.getByRole("button", { name: /^Configurer/ }).click();
  let dialog = page.getByRole("dialog", { name: "Configurer : SMS (fournisseur HTTP)" });
  await dialog.getByLabel("Adresse d'envoi (URL)").fill("http://sms.exemple.ci/send");
  await dialog.getByLabel("Valeur d'authentification").fill("Bearer abc");
  await dialog.getByRole("button", { name: "Générer" }).click();
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog.getByLabel("Adresse d'envoi (URL)")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Adresse HTTPS attendue (https://…)")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(sms).toHaveAttribute("data-state", "unset");

  // WhatsApp: the verify token is drawn in the browser, shown and copyable until saved. (The
  // WhatsApp end-to-end spec configures it on this app; a retry of this test may come after it.)
  const whatsapp = list.locator('li[data-channel="whatsapp"]');
  const whatsappState = await whatsapp.getAttribute("data-state");
  await whatsapp.getByRole("button", { name: /^(Configurer|Modifier)/ }).click();
  dialog = page.getByRole("dialog", { name: /WhatsApp \(Cloud API\)/ });
  if (whatsappState === "unset") {
    await dialog.getByRole("button", { name: "Générer" }).click();
    await expect(dialog.getByLabel("Jeton de vérification")).toHaveValue(/^[A-Za-z0-9]{32}$/);
    await expect(dialog.getByRole("button", { name: "Copier", exact: true })).toBeVisible();
  }
  await expect(dialog.getByTestId("callback-whatsapp")).toHaveText(`${baseURL}/api/messages/whatsapp`);
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "messages-settings-08-whatsapp-1280", { fullPage: false });
  await dialog.getByRole("button", { name: "Annuler" }).click();
  await expect(whatsapp).toHaveAttribute("data-state", whatsappState!);

  // E-mail, saved disabled (the other tests' messages stay in the journal) with its password.
  const password = `Smtp-${Date.now().toString(36)}-secret`;
  const email = list.locator('li[data-channel="email"]');
  await email.getByRole("button", { name: /^Configurer/ }).click();
  dialog = page.getByRole("dialog", { name: "Configurer : E-mail (SMTP)" });
  await dialog.getByRole("checkbox", { name: "E-mail (SMTP) activé" }).click();
  await dialog.getByLabel("Serveur SMTP").fill("smtp.exemple.ci");
  await dialog.getByLabel("Utilisateur").fill("rdv");
  await dialog.getByLabel("Mot de passe").fill(password);
  await dialog.getByLabel("Adresse d'expédition").fill("rdv@salon.ci");
  // The send rate cap, under the advanced settings: empty is the channel's default (50 for
  // e-mail); outside 1–1000 refused on its field.
  await dialog.getByText("Réglages avancés").click();
  const rate = dialog.getByLabel("Messages par seconde au plus");
  await expect(rate).toHaveAttribute("placeholder", "50");
  await rate.fill("5000");
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(rate).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("1000 messages par seconde au plus")).toBeVisible();
  await rate.fill("20");
  // Corrected, the advanced settings stay open.
  await expect(rate).toBeVisible();
  await screenshot(page, "messages-settings-04-smtp-1280", { fullPage: false });
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("E-mail (SMTP) enregistré")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(email).toHaveAttribute("data-state", "disabled");
  await expect(email).toContainText("smtp.exemple.ci");
  await expect(email.getByTestId("channel-rate")).toContainText("20 messages/s au plus");
  await expect(email).toContainText("Mot de passe");
  await expect(email).toContainText("défini");
  expect(await page.content()).not.toContain(password);

  // Reloaded and reopened: "défini", no field holding it; Remplacer opens an empty one.
  await page.reload();
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
  expect(await page.content()).not.toContain(password);
  await email.getByRole("button", { name: /^Modifier/ }).click();
  dialog = page.getByRole("dialog", { name: "Configurer : E-mail (SMTP)" });
  await expect(dialog.getByTestId("secret-set-password")).toHaveText("défini");
  await expect(dialog.getByLabel("Serveur SMTP")).toHaveValue("smtp.exemple.ci");
  await expect(dialog.getByLabel("Messages par seconde au plus")).toHaveValue("20");
  const values = await dialog.locator("input, textarea").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  expect(values).not.toContain(password);
  await dialog.getByRole("button", { name: "Remplacer : Mot de passe" }).click();
  await expect(dialog.getByLabel("Mot de passe")).toHaveValue("");
  await expect(dialog.getByLabel("Mot de passe")).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "messages-settings-05-smtp-edit-1280", { fullPage: false });
  // Saved without typing a new one: the stored password stays.
  await dialog.getByRole("button", { name: "Garder l'actuel" }).click();
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(dialog).toBeHidden();
  await expect(email).toContainText("défini");
  await screenshot(page, "messages-settings-06-channels-1280");

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, "messages-settings-07-channels-390");
});
