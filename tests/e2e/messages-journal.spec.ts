// The messages journal as staff use it: the demo's messages, filters kept in the URL, a failed
// message sent again, a customer's reply read, a customer's message preferences edited, and an
// appointment's history with its messages. The failed message and the reply come from
// tests/e2e/support/messages-fixture.ts (made through the domain before the server starts).
import { type Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, screenshot, test } from "./fixtures";
import { MESSAGES_FIXTURE, SALON } from "./support/accounts";
import { DemoApi } from "./support/api";

async function gotoMessages(page: Page, query = "") {
  await page.goto(`/c/${SALON}/messages${query ? `?${query}` : ""}`);
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

const journalRows = (page: Page) => page.locator("tbody tr[data-message]");

// Several pages and axe runs each: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 120_000 });

async function pickFacet(page: Page, facet: string, option: string) {
  await page.getByRole("button", { name: new RegExp(`^${facet}`) }).click();
  await page.getByRole("listbox").getByRole("option", { name: new RegExp(`^${option}`) }).click();
  await page.keyboard.press("Escape");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

test("the demo journal shows its messages", async ({ page }) => {
  await gotoMessages(page);
  await expect(page.getByRole("heading", { name: "Messages", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Messages", exact: true }).first()).toHaveAttribute("aria-current", "page");
  await expect(journalRows(page).first()).toBeVisible();
  expect(await journalRows(page).count()).toBeGreaterThan(0);
  await expect(journalRows(page).filter({ hasText: "Journal" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "messages-01-journal-1280", { fullPage: false });
});

test("the journal opens on what is due up to now, latest first; « À venir » lists the planned ones, soonest first", async ({ page }) => {
  const shownAt = (rows: ReturnType<typeof journalRows>) => rows.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
  const before = Date.now();
  await gotoMessages(page);
  const opened = Date.now();
  const past = await shownAt(journalRows(page));
  expect(past.length).toBeGreaterThan(0);
  // Nothing of the future on the first screen (a second's slack: the server's clock read the page).
  for (const at of past) expect(Date.parse(at)).toBeLessThanOrEqual(opened + 1000);
  const pastIds = await journalRows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-message")));

  const periods = page.getByRole("group", { name: "Période du journal" });
  await expect(periods.getByRole("button", { name: "Jusqu'à maintenant" })).toHaveAttribute("aria-pressed", "true");
  await periods.getByRole("button", { name: "À venir" }).click();
  await expect(page).toHaveURL(/[?&]upcoming=true/);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Messages à venir" })).toBeVisible();
  await expect(journalRows(page).first()).toBeVisible();
  const future = await shownAt(journalRows(page));
  // The demo plans reminders ahead: soonest first, none already due when the list was asked for.
  for (const at of future) expect(Date.parse(at)).toBeGreaterThanOrEqual(before - 1000);
  expect(future.map((at) => Date.parse(at))).toEqual([...future.map((at) => Date.parse(at))].sort((a, b) => a - b));
  const futureIds = await journalRows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-message")));
  expect(futureIds.filter((id) => pastIds.includes(id))).toEqual([]);
  await screenshot(page, "messages-05-upcoming-1280", { fullPage: false });

  // Kept on reload and undone by the back button, as the other filters.
  await page.reload();
  await expect(periods.getByRole("button", { name: "À venir" })).toHaveAttribute("aria-pressed", "true");
  await page.goBack();
  await expect(page).not.toHaveURL(/upcoming=/);
  await expect(periods.getByRole("button", { name: "Jusqu'à maintenant" })).toHaveAttribute("aria-pressed", "true");
});

test("state and channel filters stay in the URL", async ({ page }) => {
  await gotoMessages(page);
  await pickFacet(page, "État", "Échec");
  await expect(page).toHaveURL(/[?&]state=failed/);
  const failed = journalRows(page).filter({ hasText: MESSAGES_FIXTURE.customer });
  await expect(failed.first()).toBeVisible();
  await expect(page.locator('tbody tr[data-message]:not([data-state="failed"])')).toHaveCount(0);
  await expect(failed.first().getByTestId("message-reason")).toContainText("Aucun canal possible");
  await page.reload();
  await expect(page).toHaveURL(/[?&]state=failed/);
  await expect(journalRows(page).filter({ hasText: MESSAGES_FIXTURE.customer }).first()).toBeVisible();

  await page.getByRole("button", { name: "Effacer les filtres" }).first().click();
  await expect(page).not.toHaveURL(/state=/);
  await pickFacet(page, "Canal", "Journal");
  await expect(page).toHaveURL(/[?&]channel=journal/);
  await page.reload();
  await expect(page).toHaveURL(/[?&]channel=journal/);
  await expect(journalRows(page).first()).toBeVisible();
  // The fixture's messages had no channel: not in the journal channel's list.
  await expect(journalRows(page).filter({ hasText: MESSAGES_FIXTURE.customer })).toHaveCount(0);

  // Older pages: "Plus anciens" adds the next 50 below the first.
  const before = await journalRows(page).count();
  if (before === 50) {
    await page.getByRole("button", { name: "Plus anciens" }).click();
    await expect.poll(() => journalRows(page).count()).toBeGreaterThan(50);
  }
});

test("a failed message is sent again (Renvoyer), and the sender's new outcome shows", async ({ page }) => {
  await gotoMessages(page, "state=failed");
  const row = journalRows(page).filter({ hasText: MESSAGES_FIXTURE.customer }).first();
  await expect(row).toBeVisible();
  const id = await row.getAttribute("data-message");
  await row.getByRole("button", { name: /^Renvoyer/ }).click();
  await expect(page.getByText("Message remis en file d'envoi")).toBeVisible();
  // The customer still refuses every channel: the sender tries it again and records why it failed.
  await expect
    .poll(async () => {
      await gotoMessages(page, "state=failed");
      return (await page.locator(`tbody tr[data-message="${id}"] [data-testid=message-reason]`).textContent({ timeout: 2000 }).catch(() => null))?.trim();
    }, { timeout: 20_000 })
    .toBe("Aucun canal pour ce client");
});

test("a customer's reply is read: its appointment linked, then marked read", async ({ page }) => {
  await gotoMessages(page);
  const replies = page.getByTestId("unread-replies");
  const reply = replies.locator("li[data-reply]").filter({ hasText: MESSAGES_FIXTURE.reply });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText(MESSAGES_FIXTURE.customer);
  await expect(reply.getByRole("link", { name: /^Rendez-vous :/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await reply.getByRole("button", { name: /^Marquer comme lu/ }).click();
  await expect(page.getByText("Réponse marquée comme lue")).toBeVisible();
  await expect(reply).toHaveCount(0);
  await page.reload();
  await expect(page.locator("li[data-reply]").filter({ hasText: MESSAGES_FIXTURE.reply })).toHaveCount(0);
});

test("a customer's language, channel, first name and refusals are edited and kept", async ({ page, request }) => {
  const api = new DemoApi(request);
  const phone = `07${String(Date.now()).slice(-8)}`;
  const customer = await api.call<{ id: string }>("customers/create", { fullname: "Aya Kouadio Messages", telephone: phone });
  await page.goto(`/c/${SALON}/customers/${customer.id}`);
  const prefs = page.getByTestId("customer-messaging");
  await expect(prefs.getByTestId("customer-language")).toHaveText("Français");
  await expect(prefs.getByTestId("customer-channel")).toHaveText("Automatique");

  await page.getByRole("button", { name: "Modifier" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Prénom").fill("Aya");
  await dialog.getByLabel("Langue des messages").selectOption({ label: "English" });
  // A mobile number: WhatsApp and SMS are offered.
  await dialog.getByLabel("Canal préféré").selectOption({ label: "WhatsApp" });
  await dialog.getByRole("checkbox", { name: "SMS" }).check();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "messages-03-customer-dialog-1280", { fullPage: false });
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Client enregistré")).toBeVisible();

  await page.reload();
  await expect(prefs.getByTestId("customer-language")).toHaveText("English");
  await expect(prefs.getByTestId("customer-channel")).toHaveText("WhatsApp");
  await expect(prefs.getByTestId("customer-first-name")).toHaveText("Aya");
  await expect(prefs.getByTestId("customer-opt-outs")).toHaveText("SMS");

  // A fixed line typed instead: WhatsApp and SMS are no longer offered.
  await page.getByRole("button", { name: "Modifier" }).click();
  await dialog.getByLabel(/^Téléphone/).fill("27 22 44 55 66");
  await expect(dialog.getByText("Numéro fixe : WhatsApp et SMS ne sont pas proposés.")).toBeVisible();
  await expect(dialog.getByLabel("Canal préféré").locator("option", { hasText: "WhatsApp" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Annuler" }).click();
});

test("an appointment's history shows its messages, with state and reason", async ({ page }) => {
  await gotoMessages(page, "state=failed");
  const row = journalRows(page).filter({ hasText: MESSAGES_FIXTURE.customer }).first();
  await row.getByTestId("message-appointment").click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByTestId("history")).toBeVisible();
  const messages = drawer.getByRole("list", { name: "Messages envoyés" });
  await expect(messages.locator("li[data-message]").first()).toBeVisible();
  await expect(messages.locator("li[data-message]").filter({ hasText: "Demande reçue" })).toContainText("Aucun canal");
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "messages-04-drawer-1280", { fullPage: false });

  // A demo appointment: its journal messages went.
  await gotoMessages(page, "state=sent");
  await journalRows(page).first().getByTestId("message-appointment").click();
  await expect(page.getByRole("dialog").getByRole("list", { name: "Messages envoyés" }).locator('li[data-state="sent"]').first()).toBeVisible();
});

test("on a phone the journal is a list of cards", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await gotoMessages(page);
  const cards = page.getByRole("list", { name: "Journal des messages" }).locator("li[data-message]");
  await expect(cards.first()).toBeVisible();
  await expect(page.getByRole("table")).toBeHidden();
  await expectNoSeriousA11yViolations(page);
  await screenshot(page, "messages-02-journal-390", { fullPage: false });
});
