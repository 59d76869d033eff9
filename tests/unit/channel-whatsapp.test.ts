// The WhatsApp adapter against a local WhatsApp Cloud API lookalike over real HTTP: the request
// it makes, the outcomes of each kind of answer, and the callbacks (signature, GET challenge,
// statuses and replies) as the lookalike sends them.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OutgoingMessage } from "@/lib/messages/channel";
import { answerWhatsAppChallenge, createWhatsAppChannel, parseWhatsAppCallback, verifyWhatsAppSignature, whatsAppPhoneNumberIds } from "@/lib/messages/channels/whatsapp";
import { startReceiver, type Receiver } from "../support/receiver";
import { startWhatsAppProvider, type WhatsAppProvider } from "../support/providers";

const secrets = { accessToken: "EAAtoken-test", appSecret: "app-secret-test", phoneNumberId: "106540352242922" };
let meta: WhatsAppProvider;
let inbox: Receiver;
let settings: Record<string, string>;
const whatsapp = createWhatsAppChannel({ allowLoopback: true });
/** Only for the provider that never answers: the others get the default time limit, however busy the machine. */
const impatient = createWhatsAppChannel({ allowLoopback: true, timeoutMs: 1500 });

const reminder: OutgoingMessage = {
  id: "0b8a6f8e-5f0e-4d53-9d7e-4f1c2a3b4c5d",
  channel: "whatsapp",
  to: "+2250701020304",
  body: "Bonjour Awa, rappel : coupe demain à 10 h 00 chez Salon Élégance.",
  template: { name: "rappel_veille", language: "fr", parameters: ["Awa", "Coupe", "vendredi 5 décembre à 10 h 00"] },
};

beforeAll(async () => {
  meta = await startWhatsAppProvider(secrets);
  inbox = await startReceiver();
  settings = { baseUrl: meta.base, apiVersion: "v21.0", phoneNumberId: secrets.phoneNumberId, accessToken: secrets.accessToken, appSecret: secrets.appSecret, verifyToken: "verify-token-1" };
});
afterAll(async () => {
  await meta?.close();
  await inbox?.close();
});

const last = () => meta.received.at(-1)!;

describe("sending through the WhatsApp Cloud API shape", () => {
  it("sends an approved template with its parameters and answers the wamid", async () => {
    const outcome = await whatsapp.send(reminder, settings);
    expect(outcome).toEqual({ state: "sent", providerId: expect.stringMatching(/^wamid\./) });
    expect(last().path).toBe(`/v21.0/${secrets.phoneNumberId}/messages`);
    expect(last().headers.authorization).toBe(`Bearer ${secrets.accessToken}`);
    expect(last().json).toEqual({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "2250701020304",
      type: "template",
      template: {
        name: "rappel_veille",
        language: { code: "fr" },
        components: [{ type: "body", parameters: reminder.template!.parameters.map((text) => ({ type: "text", text })) }],
      },
    });
    expect(whatsapp.idempotent).toBe(false);
  });

  it("a template without variables goes without components", async () => {
    expect((await whatsapp.send({ ...reminder, template: { name: "bienvenue", language: "en", parameters: [] } }, settings)).state).toBe("sent");
    expect(last().json).toMatchObject({ type: "template", template: { name: "bienvenue", language: { code: "en" } } });
    expect((last().json as { template: object }).template).not.toHaveProperty("components");
  });

  it("sends free text only inside the customer's 24-hour window", async () => {
    const free = { ...reminder, template: undefined, body: "Votre rendez-vous est confirmé. À demain !" };
    const before = meta.received.length;
    const refused = await whatsapp.send(free, settings);
    expect(refused).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/24 h/) });
    expect(meta.received.length).toBe(before);

    const outcome = await whatsapp.send({ ...free, customerWindowOpen: true }, settings);
    expect(outcome.state).toBe("sent");
    expect(last().json).toMatchObject({ type: "text", to: "2250701020304", text: { body: free.body } });
  });

  it("retries on 5xx, 429 and Meta's throttling codes; fails for good on other 4xx with Meta's message", async () => {
    meta.refuse(500, 131000, "Something went wrong");
    expect(await whatsapp.send(reminder, settings)).toMatchObject({ state: "failed", retry: true, reason: expect.stringContaining("Something went wrong") });
    meta.refuse(429, 130429, "Rate limit hit");
    expect(await whatsapp.send(reminder, settings)).toMatchObject({ state: "failed", retry: true });
    meta.refuse(400, 131056, "(Business Account, Consumer Account) pair rate limit hit");
    expect(await whatsapp.send(reminder, settings)).toMatchObject({ state: "failed", retry: true });

    meta.refuse(404, 132001, "Template name does not exist in the translation", 2494073);
    const missing = await whatsapp.send(reminder, settings);
    expect(missing).toMatchObject({ state: "failed", retry: false });
    expect(missing.state === "failed" && missing.reason).toMatch(/code 132001\/2494073.*modèle inconnu.*Template name does not exist/);

    const wrongToken = await whatsapp.send(reminder, { ...settings, accessToken: "expired" });
    expect(wrongToken).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/HTTP 401, code 190.*jeton d'accès/) });
  });

  it("calls a lost answer unknown (no idempotency key), whether the provider hangs or drops the line", async () => {
    meta.next("hang");
    const hung = await impatient.send(reminder, settings);
    expect(hung).toMatchObject({ state: "unknown", reason: expect.stringMatching(/réponse perdue.*peut-être été envoyé/) });
    meta.next("drop");
    expect((await whatsapp.send(reminder, settings)).state).toBe("unknown");
  });

  it("stops when the sender's AbortSignal fires, without waiting for its own time limit", async () => {
    const slow = createWhatsAppChannel({ allowLoopback: true, timeoutMs: 600_000 });
    meta.next("hang");
    const before = meta.received.length;
    const controller = new AbortController();
    const pending = slow.send(reminder, settings, controller.signal);
    await meta.waitFor(before + 1);
    controller.abort();
    expect(await pending).toMatchObject({ state: "unknown", reason: expect.stringContaining("Envoi interrompu") });
  });

  it("a provider that hangs on one message does not hold up the next one", async () => {
    const slow = createWhatsAppChannel({ allowLoopback: true, timeoutMs: 600_000 });
    meta.next("hang");
    const before = meta.received.length;
    const controller = new AbortController();
    let settled = false;
    const stuck = slow.send(reminder, settings, controller.signal).finally(() => (settled = true));
    await meta.waitFor(before + 1);
    expect((await slow.send(reminder, settings)).state).toBe("sent");
    expect(settled).toBe(false);
    controller.abort();
    expect((await stuck).state).toBe("unknown");
  });

  it("retries when the provider cannot be reached (nothing was sent)", async () => {
    const closed = await startWhatsAppProvider(secrets);
    await closed.close();
    expect(await whatsapp.send(reminder, { ...settings, baseUrl: closed.base })).toMatchObject({ state: "failed", retry: true, reason: expect.stringMatching(/injoignable.*ECONNREFUSED/) });
  });

  it("refuses bad settings, and http:// or a private address unless loopback is allowed", async () => {
    expect(await whatsapp.send(reminder, { ...settings, phoneNumberId: "" })).toMatchObject({ state: "failed", retry: false, reason: expect.stringContaining("phoneNumberId") });
    const strict = createWhatsAppChannel({ allowLoopback: false });
    expect(await strict.send(reminder, settings)).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/baseUrl.*HTTPS/) });
    expect(await strict.send(reminder, { ...settings, baseUrl: "https://10.1.2.3" })).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/Adresse refusée/) });
  });
});

describe("WhatsApp callbacks", () => {
  it("verifies the X-Hub-Signature-256 of the raw body: good, bad, missing", async () => {
    inbox.on("/wa", (_r, res) => res.writeHead(200).end());
    await meta.sendStatus(inbox.url("/wa"), { id: "wamid.fake1", status: "delivered" });
    await meta.sendStatus(inbox.url("/wa"), { id: "wamid.fake1", status: "read" }, "sha256=" + "0".repeat(64));
    await meta.sendStatus(inbox.url("/wa"), { id: "wamid.fake1", status: "read" }, null);
    const [good, bad, missing] = inbox.at("/wa");
    expect(verifyWhatsAppSignature(good.body, good.headers["x-hub-signature-256"], secrets.appSecret)).toBe(true);
    expect(verifyWhatsAppSignature(good.body, good.headers["x-hub-signature-256"], "another-secret")).toBe(false);
    expect(verifyWhatsAppSignature(good.body.replace("delivered", "read"), good.headers["x-hub-signature-256"], secrets.appSecret)).toBe(false);
    expect(verifyWhatsAppSignature(bad.body, bad.headers["x-hub-signature-256"], secrets.appSecret)).toBe(false);
    expect(verifyWhatsAppSignature(missing.body, missing.headers["x-hub-signature-256"], secrets.appSecret)).toBe(false);
    expect(verifyWhatsAppSignature(good.body, "sha256=zz", secrets.appSecret)).toBe(false);
  });

  it("answers Meta's GET challenge only with the right verify token", async () => {
    // What the GET route will do with the query Meta sends.
    const route = createServer((req, res) => {
      const answer = answerWhatsAppChallenge(new URL(req.url ?? "/", "http://x").searchParams, "verify-token-1");
      if (answer === null) res.writeHead(403).end();
      else res.writeHead(200, { "content-type": "text/plain" }).end(answer);
    });
    await new Promise<void>((resolve) => route.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(route.address() as AddressInfo).port}/api/messages/whatsapp`;
    expect(await meta.challenge(url, "verify-token-1", "84512")).toEqual({ status: 200, text: "84512" });
    expect((await meta.challenge(url, "wrong-token")).status).toBe(403);
    expect(answerWhatsAppChallenge(new URLSearchParams({ "hub.mode": "unsubscribe", "hub.verify_token": "verify-token-1", "hub.challenge": "1" }), "verify-token-1")).toBeNull();
    expect(answerWhatsAppChallenge(new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": "", "hub.challenge": "1" }), "")).toBeNull();
    await new Promise((resolve) => route.close(resolve));
  });

  it("reads statuses (with the failure's title) and replies (text and template buttons)", async () => {
    inbox.on("/wa-events", (_r, res) => res.writeHead(200).end());
    await meta.sendStatus(inbox.url("/wa-events"), { id: "wamid.fake1", status: "sent" });
    await meta.sendStatus(inbox.url("/wa-events"), { id: "wamid.fake2", status: "failed", title: "Message undeliverable" });
    await meta.sendReply(inbox.url("/wa-events"), { from: "+2250701020304", text: "OUI", id: "wamid.in1", timestamp: 1_767_261_600 });
    await meta.sendReply(inbox.url("/wa-events"), { from: "2250701020304", text: "NON", id: "wamid.in2", button: true });
    // The route finds the app (and so the secret to check the signature with) by the phone number id.
    expect(inbox.at("/wa-events").map((r) => whatsAppPhoneNumberIds(JSON.parse(r.body)))).toEqual(Array(4).fill([secrets.phoneNumberId]));
    const events = inbox.at("/wa-events").flatMap((r) => parseWhatsAppCallback(JSON.parse(r.body)));
    expect(events).toEqual([
      { kind: "status", channel: "whatsapp", providerId: "wamid.fake1", state: "sent" },
      { kind: "status", channel: "whatsapp", providerId: "wamid.fake2", state: "failed", reason: expect.stringContaining("Message undeliverable") },
      { kind: "reply", channel: "whatsapp", from: "+2250701020304", text: "OUI", providerId: "wamid.in1", at: new Date(1_767_261_600_000) },
      { kind: "reply", channel: "whatsapp", from: "+2250701020304", text: "NON", providerId: "wamid.in2", at: new Date(1_767_000_000_000) },
    ]);
  });

  it("skips what it cannot read instead of failing the whole callback", () => {
    expect(parseWhatsAppCallback(null)).toEqual([]);
    expect(parseWhatsAppCallback({ entry: "x" })).toEqual([]);
    expect(whatsAppPhoneNumberIds({ entry: [{ changes: [{ value: {} }] }] })).toEqual([]);
    const interactive = {
      entry: [
        {
          changes: [
            {
              value: {
                statuses: [{ id: "wamid.1", status: "deleted" }, { status: "read" }],
                messages: [
                  { from: "2250701020304", id: "wamid.2", timestamp: "1767000000", type: "interactive", interactive: { type: "button_reply", button_reply: { id: "yes", title: "Oui" } } },
                  { from: "2250701020304", id: "wamid.3", timestamp: "1767000000", type: "image", image: { id: "img" } },
                ],
              },
            },
          ],
        },
      ],
    };
    expect(parseWhatsAppCallback(interactive)).toEqual([{ kind: "reply", channel: "whatsapp", from: "+2250701020304", text: "Oui", providerId: "wamid.2", at: new Date(1_767_000_000_000) }]);
  });
});
