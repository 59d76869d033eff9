// WhatsApp from end to end (issue #15): the owner turns messages on for a company and WhatsApp
// on for the app, pointed at the WhatsApp lookalike (tests/support/providers.ts, running in this
// process on 127.0.0.1: the e2e server allows loopback providers, WEBHOOKS_ALLOW_LOOPBACK=1);
// a booking's "received" message reaches the lookalike and shows in the journal; the customer
// answers "OUI" by a signed callback, and the open appointments table shows the appointment
// confirmed by the client without a reload.
// Own data: a company created here, in a zone where it is midday now (no message waits for the
// end of the quiet hours, 21:00–07:00 on the company's clock, whatever the hour of the run), and
// a customer of its own. WhatsApp is an app-wide channel: it is turned off again at the end, so
// the demo's customers go back to the journal for the specs that follow.
import type { Page } from "@playwright/test";
import { startWhatsAppProvider, type WhatsAppProvider } from "../support/providers";
import { expect, screenshot, test } from "./fixtures";
import { DemoApi } from "./support/api";
import { streamOpen } from "./support/live";

// Settings, a booking, the sender and a callback: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 30_000 });

const run = Date.now().toString(36);
const secrets = { accessToken: `EAAG-e2e-${run}`, appSecret: `meta-app-secret-${run}`, verifyToken: `verify-${run}-rdv` };
// Providers are found by phone number id across apps: one no other run has.
const phoneNumberId = `10${Date.now()}${Math.floor(Math.random() * 1000)}`;

let wa: WhatsAppProvider | undefined;

test.afterAll(async ({ request }) => {
  // Back to the journal for everyone else (kept configured, turned off).
  await new DemoApi(request).call("messages/providers/set", { channel: "whatsapp", enabled: false }).catch(() => {});
  await wa?.close();
});

/** A fixed-offset zone where it is about noon now: "Etc/GMT-N" is N hours east of UTC. */
function noonZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours(); // -11 … +12
  return offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/** Tomorrow on a zone's clock, YYYY-MM-DD. */
function tomorrowIn(timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + 86_400_000));
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("[data-hydrated]").first()).toBeAttached();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
}

type Sent = { to?: string; type?: string; text?: { body: string }; template?: { name: string; components?: { parameters?: { text?: string }[] }[] } };

/** What the lookalike was asked to send to `to` (digits, no +), in order. */
function sentTo(provider: WhatsAppProvider, to: string): Sent[] {
  return provider.received.map((r) => r.json as Sent | undefined).filter((j): j is Sent => j?.to === to);
}

/** The free texts among them (answers within the customer's 24 h window). */
function textsTo(provider: WhatsAppProvider, to: string): string[] {
  return sentTo(provider, to)
    .filter((j) => j.type === "text")
    .map((j) => j.text!.body);
}

test("WhatsApp: enabled in Settings, a booking's message sent and journaled, OUI by callback confirms it live", async ({ page, request, baseURL, newAppointment, appointments }) => {
  wa = await startWhatsAppProvider({ ...secrets, phoneNumberId });
  const api = new DemoApi(request);

  // A company of this test's own, open at all hours, with one service; a customer preferring WhatsApp.
  const timezone = noonZone();
  const slug = `wa-e2e-${run}`;
  const company = await api.call<{ id: string }>("companies/create", { name: `Salon WhatsApp ${run}`, slug, timezone, currency: "XOF" });
  await api.call(`companies/${company.id}/hours/edit`, { hours: null, minNoticeMinutes: 0 });
  await api.call("services/create", { companyId: company.id, name: "Coupe WhatsApp", basePrice: 5000, duration: 30 });
  const customerName = `Awa WhatsApp ${run}`;
  const phone = `+22507${String(Date.now()).slice(-8)}`;
  await api.call("customers/create", { fullname: customerName, telephone: phone, preferredChannel: "whatsapp" });
  const digits = phone.slice(1);

  // Settings → Messages: this company's messages turned on; the "received" message sent as an
  // approved WhatsApp template (a business-initiated message outside the customer's 24 h window).
  await open(page, `/c/${slug}/settings/messages`);
  await page.getByRole("checkbox", { name: "Envoyer des messages aux clients de cette entreprise" }).click();
  const receivedTrigger = page.locator('li[data-trigger="received"]');
  await receivedTrigger.getByRole("button", { name: /Modifier les textes/ }).click();
  await receivedTrigger.getByLabel("Nom du modèle").fill("rdv_recu");
  await receivedTrigger.getByRole("button", { name: "Ajouter un paramètre" }).click();
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("Réglages des messages enregistrés")).toBeVisible();

  // Settings → Messages → channels: WhatsApp pointed at the lookalike.
  await open(page, `/c/${slug}/settings/messages/channels`);
  const list = page.getByRole("list", { name: "Canaux d'envoi des messages" });
  const whatsapp = list.locator('li[data-channel="whatsapp"]');
  await whatsapp.getByRole("button", { name: /^(Configurer|Modifier)/ }).click();
  const dialog = page.getByRole("dialog", { name: "Configurer : WhatsApp (Cloud API)" });
  const enabled = dialog.getByRole("checkbox", { name: "WhatsApp (Cloud API) activé" });
  if (!(await enabled.isChecked())) await enabled.click();
  await dialog.getByLabel(/^Identifiant du numéro \(Phone number ID\)/).fill(phoneNumberId);
  for (const [label, value] of [
    ["Jeton d'accès", secrets.accessToken],
    ["Clé secrète de l'app (App secret)", secrets.appSecret],
    ["Jeton de vérification", secrets.verifyToken],
  ]) {
    // Configured by an earlier run on this database: each secret is replaced.
    const replace = dialog.getByRole("button", { name: `Remplacer : ${label}` });
    if (await replace.isVisible()) await replace.click();
    await dialog.getByLabel(new RegExp(`^${label.replace(/[()]/g, "\\$&")}\\s*\\*?$`)).fill(value);
  }
  await dialog.getByText("Réglages avancés").click();
  await dialog.getByLabel("Adresse de l'API").fill(wa.base);
  await dialog.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByText("WhatsApp (Cloud API) enregistré")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(whatsapp).toHaveAttribute("data-state", "enabled");
  await screenshot(page, "messages-whatsapp-01-channels-1280", { fullPage: false });
  // Meta's check of the callback address answers with the verify token just saved.
  expect(await wa.challenge(`${baseURL}/api/messages/whatsapp`, secrets.verifyToken, "4242")).toEqual({ status: 200, text: "4242" });

  // A booking, PENDING, tomorrow at 10:00 on the company's clock.
  await newAppointment.goto(slug);
  await newAppointment.chooseService("Coupe WhatsApp");
  await newAppointment.chooseCustomer(customerName);
  await newAppointment.setWhen(tomorrowIn(timezone), "10:00");
  await newAppointment.submit();
  await expect(page).toHaveURL(/appointment=/);
  const appointmentId = new URL(page.url()).searchParams.get("appointment")!;
  await expect(appointments.drawer().getByText("Créé (En attente)")).toBeVisible();

  // The "received" message went to the lookalike, by WhatsApp, with the app's token…
  await expect.poll(() => sentTo(wa!, digits).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect(sentTo(wa, digits)[0]).toMatchObject({ type: "template", template: { name: "rdv_recu" } });
  const first = wa.received.find((r) => (r.json as Sent | undefined)?.to === digits)!;
  expect(first.path).toBe(`/v21.0/${phoneNumberId}/messages`);
  expect(first.headers.authorization).toBe(`Bearer ${secrets.accessToken}`);
  // …and shows in the company's journal as sent by WhatsApp.
  const received = page.locator("tbody tr[data-message]").filter({ hasText: customerName }).filter({ hasText: "Demande reçue" });
  await expect
    .poll(
      async () => {
        await open(page, `/c/${slug}/messages`);
        return (await received.first().getAttribute("data-state", { timeout: 2000 }).catch(() => null)) ?? "";
      },
      { timeout: 30_000 },
    )
    .toBe("sent");
  await expect(received.first()).toContainText("WhatsApp");
  await expect(received.first()).toContainText("Envoyé");
  await screenshot(page, "messages-whatsapp-02-journal-1280", { fullPage: false });

  // The appointments table open on it; the customer answers OUI; no reload.
  const live = streamOpen(page);
  await appointments.goto(slug, `range=all&q=${encodeURIComponent(customerName)}`);
  const row = page.locator(`tbody tr[data-id="${appointmentId}"]`);
  await expect(row.locator("[data-status]")).toHaveText("En attente");
  await live; // the reply arrives as an event
  const sentBefore = textsTo(wa, digits).length;
  const reply = await wa.sendReply(`${baseURL}/api/messages/whatsapp`, { from: phone, text: "OUI", id: `wamid.e2e.oui.${run}` });
  expect(reply, reply.text).toEqual({ status: 200, text: JSON.stringify({ success: true }) });

  await expect(row.locator("[data-status]")).toHaveText("Confirmé");
  await expect(row).toHaveAttribute("data-changed", "true");
  await expect(row.getByText("Modifié par Client (WhatsApp)")).toBeVisible();
  await screenshot(page, "messages-whatsapp-03-confirmed-live-1280", { fullPage: false });
  // The history says who: the client, by WhatsApp.
  await appointments.openDrawer(row);
  const history = appointments.drawer().getByTestId("history");
  await expect(history.locator("li").filter({ hasText: "En attente → Confirmé" })).toContainText("par le client (WhatsApp)");
  await screenshot(page, "messages-whatsapp-04-history-1280", { fullPage: false });

  // The customer is answered on WhatsApp ("… est confirmé"); nothing left in flight when the lookalike stops.
  await expect.poll(() => textsTo(wa!, digits).slice(sentBefore).some((t) => t.includes("est confirmé")), { timeout: 30_000 }).toBe(true);
});
