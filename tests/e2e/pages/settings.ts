// Page objects of the settings: companies, team, API keys (owners and admins only).
import { expect, type Page } from "@playwright/test";

export class SettingsPage {
  constructor(readonly page: Page) {}
  async goto(company: string, section: "companies" | "team" | "api-keys") {
    await this.page.goto(`/c/${company}/settings/${section}`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Paramètres" })).toBeVisible();
    await expect(this.page.locator("[data-hydrated]").first()).toBeAttached();
  }
  dialog() {
    return this.page.getByRole("dialog");
  }
  confirmDialog() {
    return this.page.getByRole("alertdialog");
  }
  /** A desktop table row holding this text. */
  row(text: string) {
    return this.page.getByRole("table").locator("tbody tr").filter({ hasText: text });
  }
}
