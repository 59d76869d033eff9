// Providers calling back, over HTTP, as the WhatsApp Cloud API and the generic SMS provider do
// (tests/support/providers.ts speaks their shapes and signs like them): Meta's GET challenge,
// customers' replies (OUI confirms as the client, NON cancels, STOP opts out, each answered on
// the same channel, the answer in the journal with its outcome), status callbacks moving a
// message forward only (one arriving before the send's answer kept for it), and every forged or
// malformed callback refused with nothing changed. On the production server, on the Next route
// handlers (`next start`) and on the API-only process.
import { mkdtempSync } from "node:fs";
import { createHmac } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getAppointment, listAppointmentEvents } from "@/lib/appointments";
import { getCustomer } from "@/lib/catalog";
import { uniquePhone } from "../support/factories";
import { insertMessage } from "../support/messages";
import { type SmsProvider, startSmsProvider, startWhatsAppProvider, type WhatsAppProvider } from "../support/providers";
import { API_URL, type ApiTenant, makeApiTenant, NEXT_URL, send } from "./support/api";
import { freePorts, serverEnv, startProductionServer, stopChild, waitForHealth } from "./support/processes";

const whatsapp = { accessToken: "EAAG-test-token", appSecret: "meta-app-secret-0123", verifyToken: "verify-token-rdv-42" };
const smsSecrets = { authHeader: "X-Api-Key", authValue: "sms-key-123", callbackSecret: "sms-callback-secret-0123456789" };
// Providers are found by phone number id across apps: one no other run can have.
const phoneNumberId = `10${Date.now()}${Math.floor(Math.random() * 1000)}`;

let t: ApiTenant;
let wa: WhatsAppProvider;
let sms: SmsProvider;
const waUrl = (base = API_URL) => `${base}/api/messages/whatsapp`;
const smsUrl = (base = API_URL, appId = t.appId) => `${base}/api/messages/sms/${appId}`;

beforeAll(async () => {
  t = await makeApiTenant("Inbound");
  wa = await startWhatsAppProvider({ ...whatsapp, phoneNumberId });
  sms = await startSmsProvider(smsSecrets);
  // Through the API, so the secrets are sealed with the servers' key.
  const setWa = await t.call("messages/providers/set", {
    channel: "whatsapp",
    settings: { phoneNumberId, baseUrl: wa.base },
    secrets: whatsapp,
  });
  expect(setWa.status, setWa.text).toBe(200);
  expect(setWa.body.data).toMatchObject({ channel: "whatsapp", enabled: true, secrets: { accessToken: true, appSecret: true, verifyToken: true } });
  expect(setWa.text).not.toContain(whatsapp.appSecret);
  const setSms = await t.call("messages/providers/set", {
    channel: "sms",
    settings: { url: `${sms.base}/send`, authHeader: smsSecrets.authHeader, idPath: "data.id" },
    secrets: { authValue: smsSecrets.authValue, callbackSecret: smsSecrets.callbackSecret },
  });
  expect(setSms.status, setSms.text).toBe(200);
  const listed = await t.call("messages/providers/list");
  expect(listed.body.data.map((p: { channel: string }) => p.channel).sort()).toEqual(["sms", "whatsapp"]);
  for (const secret of [whatsapp.accessToken, whatsapp.appSecret, whatsapp.verifyToken, smsSecrets.authValue, smsSecrets.callbackSecret]) {
    expect(listed.text).not.toContain(secret);
  }
});

afterAll(async () => {
  await wa?.close();
  await sms?.close();
});

/** A customer of their own (replies act on the phone's next appointment) with one PENDING appointment. */
async function customerWithBooking() {
  const res = await t.call("customers/create", { fullname: "Aya Koffi", telephone: uniquePhone() });
  expect(res.status, res.text).toBe(201);
  const customer = res.body.data as { id: string; telephone: string };
  const appointment = await t.book({ customerId: customer.id });
  return { customer, appointment };
}

const statusOf = async (id: string) => (await getAppointment(t.owner, id)).status;

/** The text messages the WhatsApp lookalike got for `to`, once `count` of them arrived. */
async function waTextsTo(to: string, count = 1) {
  const digits = to.replace(/^\+/, "");
  const end = Date.now() + 10_000;
  for (;;) {
    const texts = wa.received.filter((r) => (r.json as { to?: string; type?: string })?.to === digits).map((r) => (r.json as { text: { body: string } }).text.body);
    if (texts.length >= count || Date.now() > end) return texts;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("WhatsApp: GET challenge", () => {
  it("echoes the challenge for an app's verify token, 403 otherwise, on both mounts", async () => {
    for (const base of [API_URL, NEXT_URL]) {
      expect(await wa.challenge(waUrl(base), whatsapp.verifyToken, "1158201444")).toEqual({ status: 200, text: "1158201444" });
      const wrong = await wa.challenge(waUrl(base), "not-the-token");
      expect(wrong.status, base).toBe(403);
      expect(JSON.parse(wrong.text).error.code).toBe("not-authorized");
      const noMode = await send(`${waUrl(base)}?hub.verify_token=${whatsapp.verifyToken}&hub.challenge=1`, { method: "GET" });
      expect(noMode.status).toBe(403);
    }
  });
});

describe("WhatsApp: replies", () => {
  it("OUI confirms the PENDING appointment as the client, by WhatsApp, and answers on WhatsApp", async () => {
    const { customer, appointment } = await customerWithBooking();
    const res = await wa.sendReply(waUrl(), { from: customer.telephone, text: "OUI", id: `wamid.oui.${appointment.id}` });
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ success: true });
    expect(await statusOf(appointment.id)).toBe("CONFIRMED");
    const events = await listAppointmentEvents(t.owner, appointment.id);
    expect(events.at(-1)).toMatchObject({ toStatus: "CONFIRMED", actorType: "client", actorName: "Client (WhatsApp)" });
    const [answer] = await waTextsTo(customer.telephone);
    expect(answer).toContain("est confirmé");
    const sent = wa.received.find((r) => (r.json as { to?: string })?.to === customer.telephone.slice(1))!;
    expect(sent.headers.authorization).toBe(`Bearer ${whatsapp.accessToken}`);
    expect(sent.path).toBe(`/v21.0/${phoneNumberId}/messages`);
  });

  it("the answer is in the journal with its outcome, even when the provider reports it read before answering the send", async () => {
    const { customer, appointment } = await customerWithBooking();
    const before = wa.received.length;
    // The provider takes the answer but holds its reply to the send for a while.
    wa.next({ delayMs: 1500 });
    expect((await wa.sendReply(waUrl(), { from: customer.telephone, text: "OUI", id: `wamid.journal.${appointment.id}` })).status).toBe(200);
    await wa.waitFor(before + 1);
    const n = wa.received.findIndex((r, i) => i >= before && (r.json as { to?: string })?.to === customer.telephone.slice(1)) + 1;
    expect(n).toBeGreaterThan(before);
    // Its id is wamid.fake{n}: read reported at once, before we know that id.
    expect((await wa.sendStatus(waUrl(), { id: `wamid.fake${n}`, status: "read" })).status).toBe(200);
    type Listed = { trigger: string; state: string; providerId: string | null; body: string; channel: string; appointmentId: string; customerId: string };
    let answer: Listed | undefined;
    for (const end = Date.now() + 10_000; Date.now() < end && answer?.state !== "read"; await new Promise((r) => setTimeout(r, 100))) {
      const res = await t.call("messages/list", { appointmentId: appointment.id });
      expect(res.status, res.text).toBe(200);
      answer = (res.body.data as Listed[]).find((m) => m.trigger === "answer");
    }
    expect(answer).toMatchObject({ state: "read", providerId: `wamid.fake${n}`, channel: "whatsapp", appointmentId: appointment.id, customerId: customer.id });
    expect(answer!.body).toContain("est confirmé");
  });

  it("a repeated callback (same message id) changes nothing twice", async () => {
    const { customer, appointment } = await customerWithBooking();
    const id = `wamid.twice.${appointment.id}`;
    expect((await wa.sendReply(waUrl(), { from: customer.telephone, text: "NON", id })).status).toBe(200);
    expect(await statusOf(appointment.id)).toBe("CANCELLED");
    const second = await t.book({ customerId: customer.id });
    expect((await wa.sendReply(waUrl(), { from: customer.telephone, text: "NON", id })).status).toBe(200);
    expect(await statusOf(second.id)).toBe("PENDING");
    expect(await waTextsTo(customer.telephone)).toHaveLength(1);
    // One answer in the journal too.
    const listed = await t.call("messages/list", { appointmentId: appointment.id });
    expect((listed.body.data as { trigger: string }[]).filter((m) => m.trigger === "answer")).toHaveLength(1);
  });

  it("NON (a template's quick-reply button too) cancels, recorded as the client's with the channel", async () => {
    const { customer, appointment } = await customerWithBooking();
    const res = await wa.sendReply(waUrl(NEXT_URL), { from: customer.telephone, text: "Non", button: true, id: `wamid.non.${appointment.id}` });
    expect(res.status, res.text).toBe(200);
    const after = await getAppointment(t.owner, appointment.id);
    expect(after.status).toBe("CANCELLED");
    expect(after.cancellation?.reason).toContain("WhatsApp");
    expect((await listAppointmentEvents(t.owner, appointment.id)).at(-1)).toMatchObject({ actorName: "Client (WhatsApp)" });
    expect((await waTextsTo(customer.telephone))[0]).toContain("est annulé");
  });

  it("STOP opts the customer out of WhatsApp", async () => {
    const { customer, appointment } = await customerWithBooking();
    expect((await wa.sendReply(waUrl(), { from: customer.telephone, text: "STOP", id: `wamid.stop.${appointment.id}` })).status).toBe(200);
    expect((await getCustomer(t.owner, customer.id)).optOuts).toEqual(["whatsapp"]);
    expect(await statusOf(appointment.id)).toBe("PENDING");
    expect((await waTextsTo(customer.telephone))[0]).toContain("ne recevrez plus");
    // In the journal, on the appointment the reply was tied to.
    const listed = await t.call("messages/list", { appointmentId: appointment.id });
    expect((listed.body.data as { trigger: string; body: string }[]).find((m) => m.trigger === "answer")?.body).toContain("ne recevrez plus");
  });

  it("a forged, missing or foreign signature: 401 and nothing changed; bad JSON 400; too big 413", async () => {
    const { customer, appointment } = await customerWithBooking();
    for (const signature of [`sha256=${"0".repeat(64)}`, null, "sha256=nothex", `sha256=${createHmac("sha256", "another-secret").update("x").digest("hex")}`]) {
      const res = await wa.sendReply(waUrl(), { from: customer.telephone, text: "OUI", id: `wamid.forged.${appointment.id}` }, signature);
      expect(res.status, String(signature)).toBe(401);
      expect(JSON.parse(res.text).error.code).toBe("not-authorized");
    }
    expect(await statusOf(appointment.id)).toBe("PENDING");
    // A body signed right for a phone number id no app has.
    const unknownApp = await startWhatsAppProvider({ ...whatsapp, phoneNumberId: "99999999999999" });
    try {
      expect((await unknownApp.sendReply(waUrl(), { from: customer.telephone, text: "OUI" })).status).toBe(401);
    } finally {
      await unknownApp.close();
    }
    expect(await statusOf(appointment.id)).toBe("PENDING");
    const bad = await send(waUrl(), { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=00" }, body: "{" });
    expect(bad.status).toBe(400);
    const big = await send(waUrl(), { method: "POST", headers: { "content-type": "application/json", "x-hub-signature-256": "sha256=00" }, body: JSON.stringify({ pad: "x".repeat(70_000) }) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload-too-large");
  });
});

describe("WhatsApp: statuses", () => {
  it("move a message forward to delivered, read, or failed with the provider's reason; never back", async () => {
    const { appointment } = await customerWithBooking();
    const one = await insertMessage(appointment, { channel: "whatsapp", state: "sent", providerId: `wamid.out.${appointment.id}`, failureReason: null });
    const get = async (id: string) => (await t.call(`messages/${id}`)).body.data as { state: string; failureReason: string | null };
    expect((await wa.sendStatus(waUrl(), { id: one.providerId!, status: "delivered" })).status).toBe(200);
    expect((await get(one.id)).state).toBe("delivered");
    expect((await wa.sendStatus(waUrl(NEXT_URL), { id: one.providerId!, status: "read" })).status).toBe(200);
    expect((await get(one.id)).state).toBe("read");
    // Late and repeated callbacks: still read.
    expect((await wa.sendStatus(waUrl(), { id: one.providerId!, status: "delivered" })).status).toBe(200);
    expect((await wa.sendStatus(waUrl(), { id: one.providerId!, status: "sent" })).status).toBe(200);
    expect((await get(one.id)).state).toBe("read");

    const two = await insertMessage(appointment, { trigger: "confirmed", channel: "whatsapp", state: "sent", providerId: `wamid.fail.${appointment.id}`, failureReason: null });
    expect((await wa.sendStatus(waUrl(), { id: two.providerId!, status: "failed", title: "Message undeliverable" })).status).toBe(200);
    expect(await get(two.id)).toMatchObject({ state: "failed", failureReason: expect.stringContaining("Message undeliverable") });

    // A forged status changes nothing.
    const three = await insertMessage(appointment, { trigger: "moved", channel: "whatsapp", state: "sent", providerId: `wamid.forged.${appointment.id}`, failureReason: null });
    expect((await wa.sendStatus(waUrl(), { id: three.providerId!, status: "delivered" }, `sha256=${"1".repeat(64)}`)).status).toBe(401);
    expect((await get(three.id)).state).toBe("sent");
  });
});

describe("SMS callbacks", () => {
  it("reply 1 confirms as the client by SMS and is answered by SMS; NON cancels; STOP opts out", async () => {
    const { customer, appointment } = await customerWithBooking();
    const res = await sms.sendReply(smsUrl(), { from: customer.telephone, text: "1", id: `sms-in-1-${appointment.id}` });
    expect(res.status, res.text).toBe(200);
    expect(await statusOf(appointment.id)).toBe("CONFIRMED");
    expect((await listAppointmentEvents(t.owner, appointment.id)).at(-1)).toMatchObject({ toStatus: "CONFIRMED", actorName: "Client (SMS)" });
    const end = Date.now() + 10_000;
    while (!sms.sent.some((r) => (r.json as { to?: string }).to === customer.telephone) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const answer = sms.sent.find((r) => (r.json as { to?: string }).to === customer.telephone)!;
    expect((answer.json as { text: string }).text).toContain("est confirmé");
    expect(answer.headers["x-api-key"]).toBe(smsSecrets.authValue);

    expect((await sms.sendReply(smsUrl(NEXT_URL), { from: customer.telephone, text: "NON", id: `sms-in-2-${appointment.id}` })).status).toBe(200);
    expect(await statusOf(appointment.id)).toBe("CANCELLED");
    expect((await sms.sendReply(smsUrl(), { from: customer.telephone, text: "stop", id: `sms-in-3-${appointment.id}` })).status).toBe(200);
    expect((await getCustomer(t.owner, customer.id)).optOuts).toEqual(["sms"]);
  });

  it("statuses by the provider's id or by our reference; forged, unknown app, bad JSON and too big refused", async () => {
    const { customer, appointment } = await customerWithBooking();
    const byTheirs = await insertMessage(appointment, { channel: "sms", state: "sent", providerId: `sms-x-${appointment.id}`, failureReason: null });
    const byOurs = await insertMessage(appointment, { trigger: "confirmed", channel: "sms", state: "unknown", providerId: null, failureReason: "réponse perdue" });
    const get = async (id: string) => (await t.call(`messages/${id}`)).body.data as { state: string; failureReason: string | null };
    expect((await sms.sendStatus(smsUrl(), { id: byTheirs.providerId!, status: "delivered" })).status).toBe(200);
    expect((await get(byTheirs.id)).state).toBe("delivered");
    expect((await sms.sendStatus(smsUrl(), { id: "sms-provider-99", reference: byOurs.id, status: "failed", reason: "Numéro inexistant" })).status).toBe(200);
    expect(await get(byOurs.id)).toMatchObject({ state: "failed", failureReason: expect.stringContaining("Numéro inexistant") });

    const forged = await sms.sendReply(smsUrl(), { from: customer.telephone, text: "OUI" }, "f".repeat(64));
    expect(forged.status).toBe(401);
    expect((await sms.sendReply(smsUrl(), { from: customer.telephone, text: "OUI" }, null)).status).toBe(401);
    for (const appId of ["00000000-0000-4000-8000-000000000000", "pas-un-id"]) {
      expect((await sms.sendReply(smsUrl(API_URL, appId), { from: customer.telephone, text: "OUI" })).status, appId).toBe(401);
    }
    expect(await statusOf(appointment.id)).toBe("PENDING");
    const sign = (body: string) => createHmac("sha256", smsSecrets.callbackSecret).update(body).digest("hex");
    const bad = await send(smsUrl(), { method: "POST", headers: { "content-type": "application/json", "x-signature": sign("{") }, body: "{" });
    expect({ status: bad.status, code: bad.body.error.code }).toEqual({ status: 400, code: "validation-error" });
    const bigBody = JSON.stringify({ pad: "x".repeat(70_000) });
    const big = await send(smsUrl(), { method: "POST", headers: { "content-type": "application/json", "x-signature": sign(bigBody) }, body: bigBody });
    expect(big.status).toBe(413);
  });
});

describe("API-only process", () => {
  let server: ReturnType<typeof startProductionServer>;
  let base: string;
  beforeAll(async () => {
    const [port] = await freePorts(1, Number(process.env.HTTP_TEST_PORT_BASE ?? 3200) + 60);
    const log = path.join(mkdtempSync(path.join(os.tmpdir(), "rdv-inbound-")), "server.log");
    server = startProductionServer({ ...serverEnv(inject("databaseUrl")), RDV_ROLE: "api" }, port, log);
    base = `http://127.0.0.1:${port}`;
    await waitForHealth(base, server);
  });
  afterAll(() => stopChild(server));

  it("answers the challenge, replies and statuses too", async () => {
    expect(await wa.challenge(waUrl(base), whatsapp.verifyToken, "42")).toEqual({ status: 200, text: "42" });
    expect((await wa.challenge(waUrl(base), "wrong-token")).status).toBe(403);
    const { customer, appointment } = await customerWithBooking();
    expect((await wa.sendReply(waUrl(base), { from: customer.telephone, text: "OUI", id: `wamid.api.${appointment.id}` })).status).toBe(200);
    expect(await statusOf(appointment.id)).toBe("CONFIRMED");
    const m = await insertMessage(appointment, { channel: "sms", state: "sent", providerId: `sms-api-${appointment.id}`, failureReason: null });
    expect((await sms.sendStatus(smsUrl(base), { id: m.providerId!, status: "delivered" })).status).toBe(200);
    expect((await t.call(`messages/${m.id}`, {}, { base })).body.data.state).toBe("delivered");
    expect((await sms.sendStatus(smsUrl(base), { id: m.providerId!, status: "failed" }, "0".repeat(64))).status).toBe(401);
  });
});
