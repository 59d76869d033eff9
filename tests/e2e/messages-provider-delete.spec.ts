// Settings → Messages → Channels: a configured provider is deleted, not only disabled. Asked
// first (in English and in French), then gone with its secrets: the channel reads "not set up"
// after a reload and the API no longer lists it. SMS is set here through the API and left unset,
// as the other channel specs expect it.
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";
import { SALON } from "./support/accounts";
import { DemoApi } from "./support/api";

test.describe.configure({ timeout: 120_000 });

test("a provider is deleted after a confirmation, its secrets with it", async ({ page, request, baseURL }) => {
  const api = new DemoApi(request);
  await api.call("messages/providers/set", {
    channel: "sms",
    enabled: false,
    settings: { url: "https://sms.exemple.ci/send" },
    secrets: { authValue: "Bearer e2e-delete", callbackSecret: `callback-${Date.now()}-0123456789` },
  });
  const open = async () => {
    await page.goto(`/c/${SALON}/settings/messages/channels`);
    await expect(page.locator("[data-hydrated]").first()).toBeAttached();
  };

  // English first: the question and its buttons; cancelled, nothing changes.
  await page.context().addCookies([{ name: "locale", value: "en", url: baseURL! }]);
  await open();
  let sms = page.locator('li[data-channel="sms"]');
  await expect(sms).toHaveAttribute("data-state", "disabled");
  await sms.getByRole("button", { name: /^Delete/ }).click();
  let dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("heading")).toHaveText(/^Delete the SMS.* provider\?$/);
  await expect(dialog).toContainText("Messages waiting on this channel will fail");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(sms).toHaveAttribute("data-state", "disabled");

  // In French, confirmed: gone, and still gone after a reload; no "Supprimer" on an unset channel.
  await page.context().addCookies([{ name: "locale", value: "fr", url: baseURL! }]);
  await open();
  sms = page.locator('li[data-channel="sms"]');
  await sms.getByRole("button", { name: /^Supprimer/ }).click();
  dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("heading")).toHaveText(/^Supprimer le fournisseur SMS.* \?$/);
  await expect(dialog).toContainText("échoueront avec la raison « fournisseur non configuré »");
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Supprimer" }).click();
  await expect(page.getByText(/^Fournisseur SMS.* supprimé$/)).toBeVisible();
  await expect(sms).toHaveAttribute("data-state", "unset");
  await expect(sms.getByRole("button", { name: /^Supprimer/ })).toHaveCount(0);
  await page.reload();
  await expect(sms).toHaveAttribute("data-state", "unset");
  const providers = await api.call<{ channel: string }[]>("messages/providers/list");
  expect(providers.map((p) => p.channel)).not.toContain("sms");
});
