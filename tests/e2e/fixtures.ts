// Page objects and helpers shared by the e2e specs.
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Locator, type Page } from "@playwright/test";

export class LoginPage {
  constructor(readonly page: Page) {}
  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
    await expect(this.page.locator("form[data-hydrated]")).toBeVisible();
  }
  async signIn(email: string, password: string) {
    await expect(this.page.locator("form[data-hydrated]")).toBeVisible();
    await this.page.getByLabel("Adresse e-mail").fill(email);
    await this.page.getByLabel("Mot de passe").fill(password);
    await this.page.getByRole("button", { name: "Se connecter" }).click();
  }
  error() {
    return this.page.locator("#login-error");
  }
}

export class AppointmentsPage {
  constructor(readonly page: Page) {}

  async goto(company: string, query = "") {
    await this.page.goto(`/c/${company}/appointments${query ? `?${query}` : ""}`);
    await this.ready();
  }

  /** Waits until the server's answer is on screen (no pending navigation). */
  async ready() {
    await expect(this.page.locator("[data-hydrated]").first()).toBeAttached();
    await expect(this.page.locator("[aria-busy=true]")).toHaveCount(0);
  }

  table() {
    return this.page.getByRole("table");
  }

  /** Body rows of the desktop table that are appointments (not the agenda's section rows). */
  rows() {
    return this.table().locator("tbody tr[data-id]");
  }

  rowByCustomer(name: string) {
    return this.rows().filter({ hasText: name });
  }

  statusBadges() {
    return this.table().locator("tbody [data-status]");
  }

  async filterStatus(...labels: string[]) {
    await this.page.getByRole("button", { name: "Statut" }).click();
    const list = this.page.getByRole("listbox");
    for (const label of labels) await list.getByRole("option", { name: new RegExp(`^${label}`) }).click();
    await this.page.keyboard.press("Escape");
    await this.ready();
  }

  async chooseRange(label: string) {
    await this.page.getByLabel("Période").selectOption({ label });
    await this.ready();
  }

  drawer() {
    return this.page.getByRole("dialog");
  }

  /** The customer name and row of the first row in a given status (as shown). */
  async firstRowWithStatus(statusLabel: string): Promise<{ row: Locator; customer: string; id: string }> {
    const row = this.rows().filter({ has: this.page.locator("[data-status]", { hasText: statusLabel }) }).first();
    await expect(row).toBeVisible();
    const customer = (await row.locator("td").nth(2).locator("button").innerText()).trim();
    const id = (await row.getAttribute("data-id")) ?? "";
    return { row, customer, id };
  }

  async openDrawer(row: Locator) {
    await row.getByRole("button", { name: /^Actions pour/ }).click();
    await this.page.getByRole("menuitem", { name: "Voir le détail" }).click();
    await expect(this.drawer().getByTestId("history")).toBeVisible();
  }
}

export class NewAppointmentPage {
  constructor(readonly page: Page) {}
  async goto(company: string) {
    await this.page.goto(`/c/${company}/appointments/new`);
    await expect(this.page.getByRole("heading", { name: "Nouveau rendez-vous" })).toBeVisible();
    await expect(this.page.locator("form[data-hydrated]")).toBeVisible();
  }
  async chooseService(name: RegExp | string) {
    const select = this.page.getByLabel("Service", { exact: false }).first();
    const options = await select.locator("option").allInnerTexts();
    const label = options.find((o) => (typeof name === "string" ? o.startsWith(name) : name.test(o)));
    if (!label) throw new Error(`no service ${name} in ${options.join(" | ")}`);
    await select.selectOption({ label });
  }
  async chooseCustomer(search: string) {
    await this.customerPicker().click();
    await this.page.getByPlaceholder("Rechercher par nom ou téléphone").fill(search);
    await this.page.getByRole("listbox").getByRole("option").filter({ hasText: search }).first().click();
  }
  /** A form control by its label; required ones end with a "*" that screen readers skip. */
  field(label: string) {
    return this.page.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
  }
  customerPicker() {
    return this.page.getByRole("combobox", { name: /^Client/ });
  }
  /** `date` as YYYY-MM-DD, typed day first as the French interface shows it. */
  async setWhen(date: string, time: string) {
    await this.field("Date").fill(dayFirst(date));
    await this.field("Heure").fill(time);
  }
  total() {
    return this.page.getByTestId("form-total");
  }
  async submit() {
    await this.page.getByRole("button", { name: "Enregistrer le rendez-vous" }).click();
  }
}

/** No serious or critical axe violation on what the page shows now. */
export async function expectNoSeriousA11yViolations(page: Page) {
  // A navigation or refresh replaces the document's <title>: not scanned in between.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`),
  ).toEqual([]);
}

/** Saved under test-results/screens/ to be looked at; dialogs and drawers as the screen shows them. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage, animations: "disabled" });
}

/** "2026-11-28" → "28/11/2026": how the date fields show a date, in French and in English. */
export function dayFirst(iso: string) {
  return iso.split("-").reverse().join("/");
}

/** Text without the no-break spaces that French number formatting uses. */
export function plain(text: string) {
  return text.replace(/[\u00a0\u202f]/g, " ");
}

export const test = base.extend<{
  loginPage: LoginPage;
  appointments: AppointmentsPage;
  newAppointment: NewAppointmentPage;
}>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  appointments: async ({ page }, use) => use(new AppointmentsPage(page)),
  newAppointment: async ({ page }, use) => use(new NewAppointmentPage(page)),
});

export { expect };
