import { openDay } from "./support/days";
// "Nouveau rendez-vous" on a customer's page opens the form with that customer chosen, and
// comes back to the customer once booked — or left with Annuler or the back link — as the
// calendar's slot click comes back to the calendar.
import { dayFirst, expect, screenshot, test } from "./fixtures";
import { SALON } from "./support/accounts";
import { apiCustomer } from "./support/api";

test("booking from a customer's page returns to the customer, and so does cancelling", async ({ page, request, newAppointment }) => {
  const customer = await apiCustomer(request, `Adjoa Retour ${Date.now().toString(36)}`);
  const customerPage = `/c/${SALON}/customers/${customer.id}`;
  await page.goto(customerPage);
  await expect(page.getByRole("heading", { name: customer.fullname, level: 1 })).toBeVisible();

  // Cancel, then the back link: both lead back to the customer.
  await page.getByRole("link", { name: "Nouveau rendez-vous" }).click();
  await expect(page.locator("form[data-hydrated]")).toBeVisible();
  await expect(newAppointment.customerPicker()).toContainText(customer.fullname);
  await page.getByRole("link", { name: "Annuler" }).click();
  await expect(page).toHaveURL(new RegExp(`${customerPage}$`));
  await page.getByRole("link", { name: "Nouveau rendez-vous" }).click();
  await expect(page.locator("form[data-hydrated]")).toBeVisible();
  await page.getByRole("link", { name: `Retour à la fiche de ${customer.fullname}` }).click();
  await expect(page).toHaveURL(new RegExp(`${customerPage}$`));

  // Booked: back on the customer's page, which lists it.
  await page.getByRole("link", { name: "Nouveau rendez-vous" }).click();
  await expect(page.locator("form[data-hydrated]")).toBeVisible();
  await newAppointment.chooseService("Manucure");
  const day = openDay(45);
  await newAppointment.setWhen(day, "11:00");
  await newAppointment.field("Agent").selectOption({ label: "Sans agent (à attribuer)" });
  await screenshot(page, "customer-booking-form-1280");
  await newAppointment.submit();
  await expect(page).toHaveURL(new RegExp(`${customerPage}$`));
  await expect(page.getByText("Rendez-vous enregistré")).toBeVisible();
  const row = page.getByRole("table").locator("tbody tr").first();
  await expect(row).toContainText("Manucure");
  await expect(row).toContainText(`${dayFirst(day)} 11:00`);
});
