import { expect, test } from "./fixtures";
import { SALON } from "./support/accounts";

test("switch to English and back to French", async ({ page, appointments }) => {
  await appointments.goto(SALON, "range=all");
  await expect(page.getByRole("heading", { name: "Rendez-vous", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Appointments", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "New appointment" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Customer" })).toBeVisible();
  // Money keeps the XOF unit, with English digit grouping.
  await expect(page.locator("tbody td").filter({ hasText: /\d,\d{3}\sF\sCFA/ }).first()).toBeVisible();

  // The choice survives a reload (cookie).
  await page.reload();
  await expect(page.getByRole("heading", { name: "Appointments", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.getByRole("heading", { name: "Rendez-vous", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});
