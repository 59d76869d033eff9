// The generic HTTP SMS adapter against a local provider of that shape over real HTTP: the body
// template filled, auth and Idempotency-Key headers, the id read from the answer, outcomes of each
// kind of answer, and the signed callbacks (statuses and replies).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { smsSettingsSchema } from "@/lib/contract/message-providers";
import type { OutgoingMessage } from "@/lib/messages/channel";
import { createSmsChannel, fillSmsBody, parseSmsCallback, readJsonPath, verifySmsSignature } from "@/lib/messages/channels/sms";
import { startReceiver, type Receiver } from "../support/receiver";
import { startSmsProvider, type SmsProvider } from "../support/providers";

const secrets = { authHeader: "X-Api-Key", authValue: "sk_test_123", callbackSecret: "callback-secret-0123456789" };
let provider: SmsProvider;
let inbox: Receiver;
let settings: Record<string, string>;
const sms = createSmsChannel({ allowLoopback: true });

const confirmation: OutgoingMessage = {
  id: "3f1c2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b",
  channel: "sms",
  to: "+2250701020304",
  body: 'Bonjour Awa, votre rendez-vous "Coupe" est confirmé pour vendredi à 10 h 00.\nÀ bientôt !',
};

beforeAll(async () => {
  provider = await startSmsProvider(secrets);
  inbox = await startReceiver();
  settings = {
    url: `${provider.base}/v1/sms`,
    authHeader: secrets.authHeader,
    authValue: secrets.authValue,
    bodyTemplate: '{"recipient":"{{to}}","message":{"content":"{{text}}","sender":"{{from}}"},"client_ref":"{{id}}"}',
    sender: "SALON",
    idPath: "data.id",
    callbackSecret: secrets.callbackSecret,
  };
});
afterAll(async () => {
  await provider?.close();
  await inbox?.close();
});

describe("sending through the generic SMS provider", () => {
  it("fills the body template, sends the auth header and our id as Idempotency-Key, reads the provider's id", async () => {
    const outcome = await sms.send(confirmation, settings);
    expect(outcome).toEqual({ state: "sent", providerId: expect.stringMatching(/^sms-\d+$/) });
    const r = provider.received.at(-1)!;
    expect(r.method).toBe("POST");
    expect(r.path).toBe("/v1/sms");
    expect(r.headers["x-api-key"]).toBe(secrets.authValue);
    expect(r.headers["idempotency-key"]).toBe(confirmation.id);
    expect(r.json).toEqual({ recipient: "+2250701020304", message: { content: confirmation.body, sender: "SALON" }, client_ref: confirmation.id });
    expect(sms.idempotent).toBe(true);
  });

  it("a repeat of the same message is deduped by the provider: same id, nothing sent twice", async () => {
    const again = { ...confirmation, id: "7a7a7a7a-0000-4000-8000-000000000001" };
    const first = await sms.send(again, settings);
    const sentBefore = provider.sent.length;
    const second = await sms.send(again, settings);
    expect(second).toEqual(first);
    expect(provider.sent.length).toBe(sentBefore);
  });

  it("retries on 5xx and 429, fails for good on 4xx with the provider's message", async () => {
    provider.refuse(503, "Maintenance en cours");
    expect(await sms.send(confirmation, settings)).toMatchObject({ state: "failed", retry: true, reason: expect.stringContaining("Maintenance en cours") });
    provider.refuse(429, "Trop de requêtes");
    expect(await sms.send(confirmation, settings)).toMatchObject({ state: "failed", retry: true });
    provider.refuse(422, "Numéro de destinataire invalide");
    expect(await sms.send(confirmation, settings)).toEqual({ state: "failed", retry: false, reason: "Le fournisseur SMS a refusé le message (HTTP 422) : Numéro de destinataire invalide" });
    expect(await sms.send(confirmation, { ...settings, authValue: "wrong" })).toMatchObject({ state: "failed", retry: false, reason: expect.stringContaining("HTTP 401") });
  });

  it("a lost answer is retried safely (the provider dedupes on our id): hang and dropped connection", async () => {
    const impatient = createSmsChannel({ allowLoopback: true, timeoutMs: 1500 });
    provider.next("hang");
    expect(await impatient.send(confirmation, settings)).toMatchObject({ state: "failed", retry: true, reason: expect.stringMatching(/réponse perdue.*sans risque de doublon/) });
    provider.next("drop");
    expect(await sms.send(confirmation, settings)).toMatchObject({ state: "failed", retry: true });
  });

  it("stops when the sender's AbortSignal fires", async () => {
    const slow = createSmsChannel({ allowLoopback: true, timeoutMs: 600_000 });
    provider.next("hang");
    const before = provider.received.length;
    const controller = new AbortController();
    const pending = slow.send(confirmation, settings, controller.signal);
    await provider.waitFor(before + 1);
    controller.abort();
    expect(await pending).toMatchObject({ state: "failed", retry: true, reason: expect.stringContaining("Envoi interrompu") });
  });

  it("an already stopped sender sends nothing", async () => {
    const before = provider.received.length;
    expect(await sms.send(confirmation, settings, AbortSignal.abort())).toMatchObject({ state: "failed", retry: true, reason: expect.stringContaining("avant le départ") });
    expect(provider.received.length).toBe(before);
  });

  it("a slow answer within the limit is still a send", async () => {
    provider.next({ delayMs: 100 });
    expect((await sms.send(confirmation, settings)).state).toBe("sent");
  });

  it("without an id path, the message is known by our id; an id missing at the path is unknown", async () => {
    expect(await sms.send(confirmation, { ...settings, idPath: "" })).toEqual({ state: "sent", providerId: confirmation.id });
    expect(await sms.send(confirmation, { ...settings, idPath: "result.messageId" })).toMatchObject({ state: "unknown", reason: expect.stringContaining("result.messageId") });
  });

  it("checks its settings before sending", async () => {
    const before = provider.received.length;
    expect(await sms.send(confirmation, { ...settings, bodyTemplate: '{"to":"{{to}}","msg":"{{message}}"}' })).toMatchObject({
      state: "failed",
      retry: false,
      reason: expect.stringMatching(/bodyTemplate.*\{\{message\}\}/),
    });
    expect(await createSmsChannel({ allowLoopback: false }).send(confirmation, settings)).toMatchObject({ state: "failed", retry: false, reason: expect.stringMatching(/url.*HTTPS/) });
    expect(provider.received.length).toBe(before);
  });
});

describe("SMS body and paths", () => {
  it("keeps quotes and line breaks of the text inside the JSON string", () => {
    const body = fillSmsBody('{"to":"{{to}}","text":"Message : {{ text }}","n":[1,"{{id}}"]}', { to: "+225", text: 'il a dit "oui"\n', id: "x" });
    expect(JSON.parse(body)).toEqual({ to: "+225", text: 'Message : il a dit "oui"\n', n: [1, "x"] });
  });

  it("reads dotted and indexed paths", () => {
    const answer = { messages: [{ id: 42 }], data: { id: "abc" } };
    expect(readJsonPath(answer, "data.id")).toBe("abc");
    expect(readJsonPath(answer, "$.messages[0].id")).toBe(42);
    expect(readJsonPath(answer, "messages.1.id")).toBeUndefined();
    expect(readJsonPath("text", "a")).toBeUndefined();
  });

  it("the default template and header apply when left empty", () => {
    const s = smsSettingsSchema(true).parse({ url: "http://127.0.0.1:9/sms", authValue: "k", callbackSecret: "0123456789abcdef", bodyTemplate: "", authHeader: "" });
    expect(s).toMatchObject({ method: "POST", authHeader: "Authorization", bodyTemplate: '{"to":"{{to}}","text":"{{text}}","reference":"{{id}}"}' });
  });
});

describe("SMS callbacks", () => {
  it("verifies X-Signature on the raw body: good, bad, missing", async () => {
    inbox.on("/sms", (_r, res) => res.writeHead(200).end());
    await provider.sendStatus(inbox.url("/sms"), { id: "sms-1", status: "delivered" });
    await provider.sendStatus(inbox.url("/sms"), { id: "sms-1", status: "delivered" }, "f".repeat(64));
    await provider.sendStatus(inbox.url("/sms"), { id: "sms-1", status: "delivered" }, null);
    const [good, bad, missing] = inbox.at("/sms");
    expect(verifySmsSignature(good.body, good.headers["x-signature"], secrets.callbackSecret)).toBe(true);
    expect(verifySmsSignature(good.body, `sha256=${good.headers["x-signature"]}`, secrets.callbackSecret)).toBe(true);
    expect(verifySmsSignature(`${good.body} `, good.headers["x-signature"], secrets.callbackSecret)).toBe(false);
    expect(verifySmsSignature(bad.body, bad.headers["x-signature"], secrets.callbackSecret)).toBe(false);
    expect(verifySmsSignature(missing.body, missing.headers["x-signature"], secrets.callbackSecret)).toBe(false);
  });

  it("reads statuses and replies as the provider sends them", async () => {
    inbox.on("/sms-events", (_r, res) => res.writeHead(200).end());
    await provider.sendStatus(inbox.url("/sms-events"), { id: "sms-1", status: "delivered" });
    await provider.sendStatus(inbox.url("/sms-events"), { id: "sms-2", reference: "ours", status: "failed", reason: "Numéro inexistant" });
    await provider.sendReply(inbox.url("/sms-events"), { from: "2250701020304", text: "1", id: "in-7", at: "2026-12-04T09:30:00Z" });
    const events = inbox.at("/sms-events").flatMap((r) => parseSmsCallback(JSON.parse(r.body)));
    expect(events).toEqual([
      { kind: "status", channel: "sms", providerId: "sms-1", state: "delivered" },
      { kind: "status", channel: "sms", providerId: "sms-2", messageId: "ours", state: "failed", reason: "Échec signalé par le fournisseur SMS : Numéro inexistant" },
      { kind: "reply", channel: "sms", from: "+2250701020304", text: "1", providerId: "in-7", at: new Date("2026-12-04T09:30:00Z") },
    ]);
  });

  it("takes one event alone or an array, knows a message by our reference, skips the unreadable", () => {
    const now = () => new Date("2026-01-02T03:04:05Z");
    expect(parseSmsCallback({ type: "status", reference: "ours", status: "UNDELIVERED" }, now)).toEqual([{ kind: "status", channel: "sms", providerId: "ours", state: "failed", reason: "Échec signalé par le fournisseur SMS" }]);
    expect(parseSmsCallback([{ type: "reply", id: "r", from: "+2250701020304", text: "STOP" }, { type: "status", id: "x", status: "queued" }, { type: "other" }], now)).toEqual([
      { kind: "reply", channel: "sms", from: "+2250701020304", text: "STOP", providerId: "r", at: now() },
    ]);
    expect(parseSmsCallback("nonsense")).toEqual([]);
    expect(parseSmsCallback(null)).toEqual([]);
  });
});
