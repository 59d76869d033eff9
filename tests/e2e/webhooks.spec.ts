// Settings → Webhooks as an owner uses it: add an endpoint (its secret shown once, signing what
// the local receiver gets), send a test event, see the delivery in the log, send it again.
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../support/receiver";
import { expect, expectNoSeriousA11yViolations, screenshot, test } from "./fixtures";
import { SALON } from "./support/accounts";
import { DemoApi } from "./support/api";

test("webhooks: add an endpoint, see its secret once, send a test, see and resend the delivery", async ({ page }) => {
  const rx = await startReceiver();
  try {
    await page.goto(`/c/${SALON}/settings/webhooks`);
    await expect(page.getByRole("link", { name: "Webhooks", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.locator("[data-hydrated]").first()).toBeAttached();
    const url = rx.url("/e2e");

    await page.getByRole("button", { name: "Ajouter un webhook" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Adresse (URL)").fill("ftp://exemple.ci");
    await dialog.getByRole("button", { name: "Ajouter", exact: true }).click();
    await expect(dialog.getByText("Adresse HTTPS attendue (https://…)").first()).toBeVisible();
    await dialog.getByLabel("Adresse (URL)").fill(url);
    await dialog.getByLabel("Description (facultatif)").fill("CRM de test");
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole("button", { name: "Ajouter", exact: true }).click();

    const secretDialog = page.getByRole("dialog", { name: "Secret de signature" });
    await expect(secretDialog).toBeVisible();
    const secret = await secretDialog.getByTestId("webhook-secret").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await screenshot(page, "webhooks-01-secret-1280", { fullPage: false });
    await secretDialog.getByRole("button", { name: "J'ai copié le secret" }).click();
    await expect(secretDialog).toBeHidden();
    // Never shown again.
    await expect(page.getByText(secret)).toHaveCount(0);
    await page.reload();
    const item = page.locator(`li[data-url="${url}"]`);
    await expect(item).toContainText("CRM de test");
    await expect(page.getByText(secret)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);

    await item.getByRole("button", { name: "Envoyer un test" }).click();
    await expect(page.getByText("Événement de test envoyé")).toBeVisible();
    await rx.until(() => rx.at("/e2e").length === 1);
    const [got] = rx.at("/e2e");
    expect((new Webhook(secret).verify(got.body, got.headers) as { type: string }).type).toBe("webhook.test");

    await item.getByRole("button", { name: "Journal des envois" }).click();
    const sheet = page.getByRole("dialog", { name: "Journal des envois" });
    const delivery = sheet.locator("li[data-delivery]").first();
    await expect(delivery).toHaveAttribute("data-status", "delivered");
    await expect(delivery.getByTestId("http-status")).toHaveText("200");
    await expect(delivery).toContainText("Test");
    await screenshot(page, "webhooks-02-log-1280", { fullPage: false });

    await delivery.getByRole("button", { name: "Renvoyer" }).click();
    await expect(page.getByText("Envoi remis en file")).toBeVisible();
    await rx.until(() => rx.at("/e2e").length === 2);
    expect(rx.at("/e2e")[1].headers["webhook-id"]).toBe(got.headers["webhook-id"]);
    await sheet.getByRole("button", { name: "Actualiser" }).click();
    await expect(delivery.locator("dd").nth(3)).toHaveText("2");
  } finally {
    await rx.close();
  }
});

test("the delivery log reads 50 at a time; Plus anciens adds the older ones", async ({ page, request }) => {
  const api = new DemoApi(request);
  // Disabled, on a closed local port: the test events stay in the log, nothing is sent.
  const url = `http://127.0.0.1:9/log-${Date.now() % 100000}`;
  const { endpoint } = await api.call<{ endpoint: { id: string } }>("webhooks/create", { url, enabled: false });
  try {
    for (let i = 0; i < 52; i++) await api.call(`webhooks/${endpoint.id}/test`);
    await page.goto(`/c/${SALON}/settings/webhooks`);
    await expect(page.locator("[data-hydrated]").first()).toBeAttached();
    await page.locator(`li[data-url="${url}"]`).getByRole("button", { name: "Journal des envois" }).click();
    const sheet = page.getByRole("dialog", { name: "Journal des envois" });
    const rows = sheet.locator("li[data-delivery]");
    await expect(rows).toHaveCount(50);
    await sheet.getByRole("button", { name: "Plus anciens" }).click();
    await expect(rows).toHaveCount(52);
    await expect(sheet.getByRole("button", { name: "Plus anciens" })).toHaveCount(0);
    // Each delivery once.
    const ids = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-delivery")));
    expect(new Set(ids).size).toBe(52);
  } finally {
    await api.call(`webhooks/${endpoint.id}/delete`);
  }
});
