// Page objects of the catalog: services (with the custom-field editor), agents, customers.
import { expect, type Locator, type Page } from "@playwright/test";

/** A control's label matched whole; required ones end with a "*" that screen readers skip. */
export function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`);
}

/** The list pages mark themselves hydrated; the lists are filtered in the browser. */
async function ready(page: Page) {
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

export class ServicesPage {
  constructor(readonly page: Page) {}
  async goto(company: string) {
    await this.page.goto(`/c/${company}/services`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Services" })).toBeVisible();
    await ready(this.page);
  }
  rows() {
    return this.page.getByRole("table").locator("tbody tr");
  }
  row(name: string) {
    return this.rows().filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
  async search(text: string) {
    await this.page.getByPlaceholder("Rechercher un service ou une catégorie").fill(text);
  }
}

export class ServiceEditor {
  constructor(readonly page: Page) {}
  async gotoNew(company: string) {
    await this.page.goto(`/c/${company}/services/new`);
    await this.ready();
  }
  async ready() {
    await expect(this.page.locator("form[data-hydrated]")).toBeVisible();
  }
  field(text: string) {
    return this.page.getByLabel(label(text));
  }
  /** The card of the n-th custom field (1-based). */
  customField(n: number): Locator {
    return this.page.getByRole("list", { name: "Champs personnalisés" }).locator(":scope > li").nth(n - 1);
  }
  async addField() {
    await this.page.getByRole("button", { name: "Ajouter un champ" }).click();
  }
  async addCategory(name: string) {
    await this.field("Catégories").fill(name);
    await this.field("Catégories").press("Enter");
  }
  async save() {
    await this.page.getByRole("button", { name: /^(Créer le service|Enregistrer)$/ }).click();
  }
  formAlert() {
    return this.page.locator("form p[role=alert]");
  }
}

export class AgentsPage {
  constructor(readonly page: Page) {}
  async goto(company: string) {
    await this.page.goto(`/c/${company}/agents`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Agents" })).toBeVisible();
    await ready(this.page);
  }
  row(name: string) {
    return this.page.getByRole("table").locator("tbody tr").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }
}

export class CustomersPage {
  constructor(readonly page: Page) {}
  async goto(company: string, query = "") {
    await this.page.goto(`/c/${company}/customers${query ? `?${query}` : ""}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
    await ready(this.page);
  }
  searchBox() {
    return this.page.getByRole("searchbox", { name: "Nom ou numéro de téléphone" });
  }
  /** Types a search and waits for the server's answer (the URL carries it once debounced). */
  async search(text: string) {
    await this.searchBox().fill(text);
    await expect.poll(() => new URL(this.page.url()).searchParams.get("q")).toBe(text.trim());
    await ready(this.page);
  }
  rows() {
    return this.page.getByRole("table").locator("tbody tr");
  }
}
