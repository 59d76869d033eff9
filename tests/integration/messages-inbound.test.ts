// Providers' callbacks in the domain (lib/messages/inbound.ts), on both databases: the app found
// by WhatsApp's phone number id or the SMS URL, the signature checked with that app's secret
// (forged: not-authorized, nothing changed), statuses moving a message forward only, the GET
// challenge answered only for an app's verify token. Over HTTP: tests/http/messages-inbound.test.ts.
import { createHmac } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messageReplies, messages } from "@/db/schema";
import { setProvider } from "@/lib/messages";
import { smsCallback, whatsAppCallback, whatsAppChallenge } from "@/lib/messages/inbound";
import { codeOf, makeTenant, type Tenant } from "../support/factories";
import { insertMessage } from "../support/messages";

let t: Tenant;
let other: Tenant;
const phoneNumberId = `20${Date.now()}${Math.floor(Math.random() * 1000)}`;
const appSecret = "app-secret-of-t";
const callbackSecret = "sms-callback-secret-0123456789";
const now = new Date("2029-06-01T10:00:00Z");

beforeAll(async () => {
  [t, other] = await Promise.all([makeTenant("Inbound domain"), makeTenant("Inbound other")]);
  await setProvider(t.owner, "whatsapp", { settings: { phoneNumberId }, secrets: { accessToken: "tok", appSecret, verifyToken: "verify-token-of-t" } });
  await setProvider(t.owner, "sms", { settings: { url: "https://sms.example/send" }, secrets: { authValue: "k", callbackSecret } });
  await setProvider(other.owner, "sms", { settings: { url: "https://sms.example/send" }, secrets: { authValue: "k", callbackSecret: "another-callback-secret-000" } });
});

const hmac = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");
const bytes = (s: string) => new TextEncoder().encode(s);

function waBody(value: object, id = phoneNumberId) {
  return JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "WABA", changes: [{ field: "messages", value: { metadata: { phone_number_id: id }, ...value } }] }] });
}

describe("WhatsApp", () => {
  it("answers the challenge only for an app's verify token", async () => {
    const params = (token: string) => new URLSearchParams({ "hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": "123" });
    expect(await whatsAppChallenge(params("verify-token-of-t"))).toBe("123");
    expect(await whatsAppChallenge(params("verify-token-of-x"))).toBeNull();
  });

  it("statuses move a message forward only; forged callbacks change nothing", async () => {
    const a = await t.book();
    const m = await insertMessage(a, { channel: "whatsapp", state: "sent", providerId: `wamid.${a.id}`, failureReason: null });
    const status = (s: string) => waBody({ statuses: [{ id: m.providerId, status: s }] });
    const send = (body: string, secret = appSecret) => whatsAppCallback(bytes(body), `sha256=${hmac(secret, body)}`, now);

    expect(await codeOf(() => send(status("read"), "forged"))).toBe("not-authorized");
    expect(await codeOf(() => whatsAppCallback(bytes(status("read")), null, now))).toBe("not-authorized");
    // Signed right, but for a phone number id no app has.
    const stranger = waBody({ statuses: [{ id: m.providerId, status: "read" }] }, "1234567");
    expect(await codeOf(() => send(stranger))).toBe("not-authorized");
    const stateOf = async () => (await (await getDb()).select().from(messages).where(and(eq(messages.appId, t.appId), eq(messages.id, m.id))))[0];
    expect((await stateOf())?.state).toBe("sent");

    expect(await send(status("delivered"))).toEqual({ appId: t.appId, statuses: 1, replies: 0 });
    expect(await send(status("read"))).toMatchObject({ statuses: 1 });
    expect(await send(status("delivered"))).toMatchObject({ statuses: 0 });
    expect(await send(status("read"))).toMatchObject({ statuses: 0 });
    expect((await stateOf())?.state).toBe("read");
  });

  it("a free-text reply is kept for staff, once", async () => {
    const a = await t.book();
    const body = waBody({ messages: [{ from: t.customer.telephone.slice(1), id: `wamid.in.${a.id}`, timestamp: "1900000000", type: "text", text: { body: "Je serai en retard" } }] });
    const sig = `sha256=${hmac(appSecret, body)}`;
    expect(await whatsAppCallback(bytes(body), sig, now)).toEqual({ appId: t.appId, statuses: 0, replies: 1 });
    await whatsAppCallback(bytes(body), sig, now);
    const kept = await (await getDb()).select().from(messageReplies).where(and(eq(messageReplies.appId, t.appId), eq(messageReplies.providerId, `wamid.in.${a.id}`)));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ action: "stored", readAt: null });
  });
});

describe("SMS", () => {
  it("the app is the URL's: its secret verifies; another app's secret or an unknown app is refused", async () => {
    const a = await t.book();
    const m = await insertMessage(a, { channel: "sms", state: "unknown", providerId: null });
    const body = JSON.stringify({ events: [{ type: "status", id: "sms-77", reference: m.id, status: "delivered" }] });
    expect(await codeOf(() => smsCallback(t.appId, bytes(body), hmac("another-callback-secret-000", body), now))).toBe("not-authorized");
    expect(await codeOf(() => smsCallback(other.appId, bytes(body), hmac(callbackSecret, body), now))).toBe("not-authorized");
    expect(await codeOf(() => smsCallback("not-an-app", bytes(body), hmac(callbackSecret, body), now))).toBe("not-authorized");
    expect(await codeOf(() => smsCallback(t.appId, bytes("{"), hmac(callbackSecret, "{"), now))).toBe("validation-error");
    // Another app's message is out of reach even with that app's own signature.
    const otherBody = body;
    expect(await smsCallback(other.appId, bytes(otherBody), hmac("another-callback-secret-000", otherBody), now)).toEqual({ appId: other.appId, statuses: 0, replies: 0 });
    expect(await smsCallback(t.appId, bytes(body), hmac(callbackSecret, body), now)).toEqual({ appId: t.appId, statuses: 1, replies: 0 });
  });
});
