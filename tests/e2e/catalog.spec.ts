import { openDay } from "./support/days";
import { expect, expectNoSeriousA11yViolations, plain, screenshot, test } from "./fixtures";
import { AgentsPage, CustomersPage, label, ServiceEditor, ServicesPage } from "./pages/catalog";
import { SALON } from "./support/accounts";

/** A day after the demo's appointments (which end two weeks ahead), so agents are free. */
const futureDay = openDay;

/** Distinct per run: tests share one database. */
const run = Date.now().toString(36).slice(-5);

/** An Ivorian mobile number no seeded customer has (05 + 8 digits from the clock). */
function freshPhone() {
  const digits = String(Date.now() + Math.floor(Math.random() * 1000)).slice(-8);
  return `05 ${digits.replace(/(\d{2})(?=\d)/g, "$1 ")}`;
}

const DEMO_APP = "6f1c2a9e-4b7d-4e21-9a3c-0d5e8f7a6b41";
const DEMO_KEY = "rdv_DEMO-public-key_Abidjan-Cocody-Plateau-2026";

test.describe("services", () => {
  test("list and editor pass axe, errors show next to their fields", async ({ page }) => {
    const services = new ServicesPage(page);
    await services.goto(SALON);
    await expect(services.row("Tresses")).toContainText("3 h");
    await expect(services.row("Tresses")).toContainText(/15\s000\sF\sCFA/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "cat-01-services-1280");

    // Search filters in the browser and lives in the URL.
    await services.search("coiff");
    await expect(page).toHaveURL(/q=coiff/);
    await expect(services.row("Manucure")).toHaveCount(0);
    await expect(services.row("Coupe homme")).toBeVisible();

    await page.getByRole("link", { name: "Nouveau service" }).click();
    const editor = new ServiceEditor(page);
    await editor.ready();
    await editor.field("Prix de base").fill("");
    await editor.addField();
    await expect(editor.customField(1).getByLabel(label("Libellé"))).toBeFocused();
    await editor.customField(1).getByLabel("Type").selectOption({ label: "Choix unique" });
    await editor.save();
    await expect(editor.formAlert()).toHaveText("Corrigez les champs signalés.");
    await expect(editor.field("Nom du service")).toBeFocused();
    await expect(editor.field("Nom du service")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Champ obligatoire").first()).toBeVisible();
    // The custom field's own errors sit in its card (from the same schema the API uses).
    await expect(editor.customField(1).getByLabel(label("Libellé"))).toHaveAttribute("aria-invalid", "true");
    await expect(editor.customField(1).getByLabel(label("Clé"))).toHaveAttribute("aria-invalid", "true");
    await expect(editor.customField(1).getByLabel("Libellé de l'option 1")).toHaveAttribute("aria-invalid", "true");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "cat-02-service-editor-errors-1280");
  });

  test("a service with a select field and option prices is booked with the right total; the API checks the same definition", async ({
    page,
    newAppointment,
    appointments,
    request,
  }) => {
    const name = `Coloration ${run}`;
    const editor = new ServiceEditor(page);
    await editor.gotoNew(SALON);
    await editor.field("Nom du service").fill(name);
    await editor.field("Durée (minutes)").fill("90");
    await expect(page.getByText("1 h 30")).toBeVisible();
    await editor.field("Prix de base").fill("8000");
    await editor.field("Prix de base").blur();
    await expect(editor.field("Prix de base")).toHaveValue("8 000");
    await editor.addCategory("Coloration");
    await editor.addCategory("Femme");
    await expect(page.getByRole("button", { name: "Retirer la catégorie Femme" })).toBeVisible();

    // Field 1: a required single choice whose options add to the price.
    await editor.addField();
    const teinte = editor.customField(1);
    await teinte.getByLabel(label("Libellé")).fill("Teinte souhaitée");
    await expect(teinte.getByLabel(label("Clé"))).toHaveValue("teinte_souhaitee");
    await teinte.getByLabel("Type").selectOption({ label: "Choix unique" });
    await expect(teinte.getByLabel("Libellé de l'option 1")).toBeFocused();
    await teinte.getByLabel("Libellé de l'option 1").fill("Naturel");
    await teinte.getByRole("button", { name: "Ajouter une option" }).click();
    await teinte.getByLabel("Libellé de l'option 2").fill("Blond vénitien");
    await expect(teinte.getByLabel("Valeur de l'option 2")).toHaveValue("blond_venitien");
    await teinte.getByLabel("Prix en plus de l'option 2").fill("3500");
    await teinte.getByRole("button", { name: "Ajouter une option" }).click();
    await teinte.getByLabel("Libellé de l'option 3").fill("À retirer");
    await teinte.getByRole("button", { name: "Retirer l'option À retirer" }).click();
    await teinte.getByLabel("Réponse obligatoire").check();

    // Field 2: a text field, added then moved above the first, then back.
    await editor.addField();
    const remarks = editor.customField(2);
    await remarks.getByLabel(label("Libellé")).fill("Remarques");
    await remarks.getByLabel("Longueur maximale (caractères)").fill("120");
    await page.getByRole("button", { name: "Monter le champ Remarques" }).click();
    await expect(editor.customField(1).getByLabel(label("Libellé"))).toHaveValue("Remarques");
    await expect(page.getByRole("button", { name: "Descendre le champ Remarques" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(editor.customField(1).getByLabel(label("Libellé"))).toHaveValue("Teinte souhaitée");
    await screenshot(page, "cat-03-service-editor-filled-1280");

    await editor.save();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/services$`));
    const services = new ServicesPage(page);
    await expect(services.row(name)).toContainText("1 h 30");
    await expect(services.row(name)).toContainText(/8\s000\sF\sCFA/);
    await expect(services.row(name)).toContainText("2 champs personnalisés");

    // The new-appointment form renders the fields and prices the options.
    await newAppointment.goto(SALON);
    await newAppointment.chooseService(name);
    await expect(newAppointment.total()).toHaveText(/^8\s000\sF\sCFA$/);
    await page.getByLabel("Teinte souhaitée").selectOption({ label: "Blond vénitien (+3 500 F CFA)" });
    await expect(newAppointment.total()).toHaveText(/^11\s500\sF\sCFA$/);
    await page.getByLabel(/^Remarques/).fill("Racines seulement");
    await newAppointment.chooseCustomer("Salimata Bamba");
    await newAppointment.setWhen(futureDay(25), "09:00");
    await newAppointment.submit();
    await expect(page).toHaveURL(/appointment=/);
    const drawer = appointments.drawer();
    await expect(drawer.getByTestId("detail-price")).toHaveText(/11\s500\sF\sCFA/);
    await expect(drawer.getByText("Blond vénitien (+3 500 F CFA)")).toBeVisible();
    await expect(drawer.getByText("Racines seulement")).toBeVisible();

    // The API validates against the same definition: unknown option refused, known one priced.
    const list = await request.post(`/app/${DEMO_APP}/multi-service/services/list`, { data: { apiKey: DEMO_KEY, search: name } });
    const service = (await list.json()).data.find((s: { name: string }) => s.name === name);
    expect(service.fields.map((f: { name: string }) => f.name)).toEqual(["teinte_souhaitee", "remarques"]);
    const customers = await request.post(`/app/${DEMO_APP}/multi-service/customers/list`, { data: { apiKey: DEMO_KEY, search: "Salimata Bamba" } });
    const customerId = (await customers.json()).data[0].id;
    const base = { apiKey: DEMO_KEY, serviceId: service.id, customerId, date: `${futureDay(26)}T10:00:00Z` };
    const bad = await request.post(`/app/${DEMO_APP}/multi-service/appointments/create`, { data: { ...base, filledFields: { teinte_souhaitee: "rouge" } } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe("validation-error");
    const good = await request.post(`/app/${DEMO_APP}/multi-service/appointments/create`, {
      data: { ...base, filledFields: { teinte_souhaitee: "blond_venitien" } },
    });
    expect(good.status()).toBe(201);
    expect((await good.json()).data.totalPrice).toBe(11500);
  });

  test("deactivating a service asks first and takes it out of the form", async ({ page, newAppointment }) => {
    const name = `Soin express ${run}`;
    const editor = new ServiceEditor(page);
    await editor.gotoNew(SALON);
    await editor.field("Nom du service").fill(name);
    await editor.field("Prix de base").fill("2 500");
    await editor.save();
    const services = new ServicesPage(page);
    await expect(services.row(name)).toBeVisible();
    await page.getByRole("button", { name: `Désactiver ${name}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText("Il ne sera plus proposé");
    await dialog.getByRole("button", { name: "Désactiver" }).click();
    await expect(services.row(name).locator("[data-active]")).toHaveText("Inactif");
    await newAppointment.goto(SALON);
    const options = await page.getByLabel("Service", { exact: false }).first().locator("option").allInnerTexts();
    expect(options.some((o) => o.startsWith(name))).toBe(false);
  });
});

test.describe("agents", () => {
  test("a new agent performs a service; deactivated, they are gone from the form", async ({ page, newAppointment }) => {
    const name = `Nadia Test ${run}`;
    const agents = new AgentsPage(page);
    await agents.goto(SALON);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "cat-04-agents-1280");
    await page.getByRole("link", { name: "Nouvel agent" }).click();
    await expect(page.locator("form[data-hydrated]")).toBeVisible();
    await page.getByLabel("Nom complet").fill(name);
    await page.getByLabel("Rôle (facultatif)").fill("Barbière");
    await page.getByLabel("Téléphone (facultatif)").fill("12");
    await page.getByLabel("Coupe homme").check();
    await page.getByRole("button", { name: "Ajouter l'agent" }).click();
    await expect(page.getByText("Numéro de téléphone invalide")).toBeVisible();
    await expect(page.getByLabel("Téléphone (facultatif)")).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "cat-05-agent-form-error-1280");
    await page.getByLabel("Téléphone (facultatif)").fill(freshPhone());
    await page.getByRole("button", { name: "Ajouter l'agent" }).click();
    await expect(page).toHaveURL(new RegExp(`/c/${SALON}/agents$`));
    await expect(agents.row(name)).toContainText("Coupe homme");

    await newAppointment.goto(SALON);
    await newAppointment.chooseService("Coupe homme");
    await expect(newAppointment.field("Agent").locator("option", { hasText: name })).toHaveCount(1);

    await agents.goto(SALON);
    await page.getByRole("button", { name: `Désactiver ${name}` }).click();
    await expect(page.getByRole("alertdialog")).toContainText("ne sera plus proposé");
    await page.getByRole("alertdialog").getByRole("button", { name: "Désactiver" }).click();
    await expect(agents.row(name).locator("[data-active]")).toHaveText("Inactif");

    await newAppointment.goto(SALON);
    await newAppointment.chooseService("Coupe homme");
    await expect(newAppointment.field("Agent").locator("option", { hasText: "Koffi Yao" })).toHaveCount(1);
    await expect(newAppointment.field("Agent").locator("option", { hasText: name })).toHaveCount(0);
  });
});

test.describe("customers", () => {
  test("search by name and by phone digits; a customer's page lists their appointments here", async ({ page, appointments, newAppointment }) => {
    // A customer with appointments in the salon: the first row of the whole list.
    await appointments.goto(SALON, "range=all&status=PENDING");
    const { customer } = await appointments.firstRowWithStatus("En attente");

    const customers = new CustomersPage(page);
    await customers.goto(SALON);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "cat-06-customers-1280");
    await customers.search(customer);
    await expect(customers.rows().filter({ hasText: customer }).first()).toBeVisible();
    await customers.rows().filter({ hasText: customer }).first().getByRole("link").click();

    await expect(page.getByRole("heading", { level: 1, name: customer })).toBeVisible();
    const phone = plain(await page.locator('a[href^="tel:"]').innerText());
    const section = page.getByRole("region", { name: /rendez-vous/ });
    await expect(section.locator("tbody tr").first()).toBeVisible();
    await expect(section.locator("tbody [data-status]").first()).toBeVisible();
    await expect(section).toContainText("Chez Salon Élégance Cocody");
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, "cat-07-customer-page-1280");

    // Booking from their page starts the form with them chosen.
    const customerUrl = page.url();
    await page.getByRole("link", { name: "Nouveau rendez-vous" }).click();
    await expect(page.locator("form[data-hydrated]")).toBeVisible();
    await expect(newAppointment.customerPicker()).toContainText(customer);
    await screenshot(page, "cat-08-book-for-customer-1280");
    await page.goto(customerUrl);

    // A row opens the appointment in the list's drawer.
    const first = section.locator("tbody tr").first();
    const id = await first.getAttribute("data-id");
    await first.getByRole("link", { name: /^Voir le rendez-vous/ }).click();
    await expect(page).toHaveURL(new RegExp(`appointment=${id}`));
    await expect(appointments.drawer().getByRole("heading", { name: customer })).toBeVisible();

    // Phone digits find them too (the last six, typed with spaces).
    const digits = phone.replace(/\D/g, "").slice(-6);
    await customers.goto(SALON);
    await customers.search(`${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`);
    await expect(customers.rows().filter({ hasText: customer })).toHaveCount(1);

    // Nothing found: said, with a way back.
    await customers.search("zzzz-personne");
    await expect(page.getByRole("status").filter({ hasText: "Aucun client ne correspond à « zzzz-personne »" })).toBeVisible();
  });

  test("add a customer (a known phone opens the existing one), then edit them", async ({ page }) => {
    const name = `Affoué Test ${run}`;
    const phone = freshPhone();
    const customers = new CustomersPage(page);
    await customers.goto(SALON);
    await page.getByRole("button", { name: "Nouveau client" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: "Ajouter le client" }).click();
    await expect(dialog.getByText("Champ obligatoire")).toBeVisible();
    await dialog.getByLabel("Nom complet").fill(name);
    await dialog.getByLabel("Téléphone").fill(phone);
    await dialog.getByRole("button", { name: "Ajouter le client" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Aucun rendez-vous", { exact: true })).toBeVisible();
    const url = page.url();

    // The same phone again: the existing customer, not a duplicate.
    await customers.goto(SALON);
    await page.getByRole("button", { name: "Nouveau client" }).click();
    await page.getByRole("dialog").getByLabel("Nom complet").fill("Quelqu'un d'autre");
    await page.getByRole("dialog").getByLabel("Téléphone").fill(`+225 ${phone}`);
    await page.getByRole("dialog").getByRole("button", { name: "Ajouter le client" }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByText(`Ce numéro est déjà celui de ${name}`)).toBeVisible();

    await page.getByRole("button", { name: "Modifier" }).click();
    await page.getByRole("dialog").getByLabel("Nom complet").fill(`${name} Kouassi`);
    await page.getByRole("dialog").getByLabel("E-mail (facultatif)").fill("pas-une-adresse");
    await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("dialog").getByText("Adresse e-mail invalide")).toBeVisible();
    await page.getByRole("dialog").getByLabel("E-mail (facultatif)").fill("affoue@exemple.ci");
    await page.getByRole("dialog").getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${name} Kouassi` })).toBeVisible();
    await expect(page.getByRole("link", { name: "affoue@exemple.ci" })).toBeVisible();
  });
});

test("the header fits on one line from a small laptop up (1024, 1280, 1600 px)", async ({ page }) => {
  for (const width of [1024, 1280, 1600]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`/c/${SALON}/settings/companies`);
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await expect(nav).toBeVisible();
    const header = await page.getByRole("banner").boundingBox();
    expect(header?.height, `header at ${width}`).toBeLessThanOrEqual(57);
    for (const link of await nav.getByRole("link").all()) {
      expect((await link.boundingBox())?.height, `${await link.innerText()} at ${width}`).toBeLessThan(32);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `width at ${width}`).toBeLessThanOrEqual(width);
    // The company switcher ends before the navigation starts (its name truncates instead).
    const switcherButton = page.getByRole("button", { name: /Changer d'entreprise/ });
    const switcher = await switcherButton.boundingBox();
    const first = await nav.getByRole("link").first().boundingBox();
    expect(switcher!.x + switcher!.width, `switcher at ${width}`).toBeLessThanOrEqual(first!.x);
    // From 1280 px the whole name shows beside the eight sections (it was cut to "Salon …").
    if (width >= 1280) {
      const name = switcherButton.getByText("Salon Élégance Cocody", { exact: true });
      const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(cut, `company name truncated at ${width}`).toBe(false);
    }
    // The language buttons are in the header from 1280 px (below, in the account menu).
    await expect(page.getByRole("button", { name: "English" })).toBeVisible({ visible: width >= 1280 });
    await screenshot(page, `cat-00-header-${width}`, { fullPage: false });
  }
});

test("in English: the service editor and the settings speak English", async ({ page, baseURL }) => {
  await page.context().addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await new ServiceEditor(page).gotoNew(SALON);
  await expect(page.getByRole("heading", { level: 1, name: "New service" })).toBeVisible();
  await page.getByRole("button", { name: "Add a field" }).click();
  const field = page.getByRole("list", { name: "Custom fields" }).locator(":scope > li").first();
  await field.getByLabel("Type").selectOption({ label: "Multiple choice" });
  await expect(field.getByLabel("Extra price of option 1")).toBeVisible();
  await screenshot(page, "cat-15-service-editor-en-1280");
  await page.goto(`/c/${SALON}/settings/team`);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Member" })).toBeVisible();
});

test.describe("on a phone (390 px)", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the menu button opens every section; lists become cards; nothing overflows", async ({ page }) => {
    await page.goto(`/c/${SALON}/appointments`);
    await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    const menu = page.getByRole("dialog", { name: "Menu" });
    for (const label of ["Accueil", "Rendez-vous", "Calendrier", "Clients", "Services", "Agents", "Paramètres"]) {
      await expect(menu.getByRole("link", { name: label })).toBeVisible();
    }
    await expect(menu.getByRole("link", { name: "Rendez-vous" })).toHaveAttribute("aria-current", "page");
    await screenshot(page, "cat-08-menu-390", { fullPage: false });
    await menu.getByRole("link", { name: "Services" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    await expect(menu).toBeHidden();
    await expect(page.getByRole("list", { name: "Services" }).getByRole("link", { name: "Tresses", exact: true })).toBeVisible();
    await screenshot(page, "cat-09-services-390");

    for (const [path, shot] of [
      ["services/new", "cat-10-service-editor-390"],
      ["agents", "cat-11-agents-390"],
      ["customers", "cat-12-customers-390"],
      ["settings/companies", "cat-13-settings-390"],
      ["settings/api-keys", "cat-14-api-keys-390"],
    ] as const) {
      await page.goto(`/c/${SALON}/${path}`);
      await expect(page.locator("[data-hydrated]").first()).toBeAttached();
      if (path === "services/new") await new ServiceEditor(page).addField();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      await screenshot(page, shot);
    }
  });
});
