// Customers' replies: OUI/1 confirms the next PENDING appointment and NON/2 cancels the next
// PENDING or CONFIRMED one (recorded as the client's, with the channel), STOP opts out of that
// channel, anything else is kept unread on the next appointment, an unknown number gets help;
// a provider's repeated callback changes nothing twice. Each answer is a message of the journal,
// once per reply, tied to the reply's appointment, sent with its outcome.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { messageReplies, messages } from "@/db/schema";
import { getAppointment, listAppointmentEvents } from "@/lib/appointments";
import { createCustomer, getCustomer } from "@/lib/catalog";
import { appointmentMessages, listMessages, setProvider } from "@/lib/messages";
import { applyStatus } from "@/lib/messages/inbound";
import { messageConfig } from "@/lib/messages/config";
import { sendDue } from "@/lib/messages/sender";
import { handleReply, listUnreadReplies, markReplyRead, type Reply, replyWord } from "@/lib/messages/replies";
import { codeOf, makeTenant, type Tenant, uniquePhone } from "../support/factories";

let t: Tenant;
const now = new Date("2029-06-01T10:00:00Z");
let n = 0;
const reply = (text: string, from = t.customer.telephone, channel: Reply["channel"] = "whatsapp"): Reply => ({
  kind: "reply",
  channel,
  from,
  text,
  providerId: `wamid.${++n}.${Date.now()}`,
  at: now,
});

beforeAll(async () => {
  t = await makeTenant("Replies");
});

describe("replies", () => {
  it("reads yes, no and stop words whatever the case, accents and punctuation", () => {
    expect(["OUI", " oui ! ", "Oui.", "1"].map(replyWord)).toEqual(["yes", "yes", "yes", "yes"]);
    expect(["non", "NON!", "2"].map(replyWord)).toEqual(["no", "no", "no"]);
    expect(["STOP", "Arrêt"].map(replyWord)).toEqual(["stop", "stop"]);
    expect(replyWord("Je serai en retard")).toBeNull();
  });

  it("OUI confirms the next PENDING appointment as the client's, by WhatsApp, and answers", async () => {
    const later = await t.book();
    const first = await t.book();
    // `book` hands out later slots: `later` is the earlier one.
    const out = await handleReply(t.appId, reply("Oui"), now);
    expect(out).toMatchObject({ action: "confirmed", appointmentId: later.id });
    expect(out.answer).toContain("est confirmé");
    expect((await getAppointment(t.owner, later.id)).status).toBe("CONFIRMED");
    expect((await getAppointment(t.owner, first.id)).status).toBe("PENDING");
    const events = await listAppointmentEvents(t.owner, later.id);
    expect(events.at(-1)).toMatchObject({ toStatus: "CONFIRMED", actorType: "client", actorName: "Client (WhatsApp)" });
  });

  it("NON cancels the next active one with the channel in the reason; a repeated callback does nothing twice", async () => {
    const a = await t.book();
    const r = reply("2", t.customer.telephone, "sms");
    const out = await handleReply(t.appId, r, now);
    expect(out.action).toBe("cancelled");
    const cancelled = await getAppointment(t.owner, out.appointmentId!);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.cancellation?.reason).toContain("SMS");
    expect(await handleReply(t.appId, r, now)).toEqual({ action: "duplicate", appointmentId: null, answer: null });
    expect(a.id).toBeDefined();
  });

  it("STOP opts the customer out of that channel only", async () => {
    const out = await handleReply(t.appId, reply("STOP"), now);
    expect(out.action).toBe("opted-out");
    expect((await getCustomer(t.owner, t.customer.id)).optOuts).toEqual(["whatsapp"]);
    await handleReply(t.appId, reply("stop"), now);
    expect((await getCustomer(t.owner, t.customer.id)).optOuts).toEqual(["whatsapp"]);
  });

  it("keeps anything else unread on the next appointment; an unknown number gets help", async () => {
    const out = await handleReply(t.appId, reply("Je serai 10 minutes en retard"), now);
    expect(out.action).toBe("stored");
    expect(out.answer).toBeNull();
    const db = await getDb();
    const [row] = await db.select().from(messageReplies).where(and(eq(messageReplies.appId, t.appId), eq(messageReplies.action, "stored")));
    expect(row).toMatchObject({ appointmentId: out.appointmentId, readAt: null, text: "Je serai 10 minutes en retard" });

    expect((await listUnreadReplies(t.owner)).map((r) => r.text)).toEqual(["Je serai 10 minutes en retard"]);
    // With who wrote it and the appointment it is tied to; one company's only when asked.
    const appointment = await getAppointment(t.owner, out.appointmentId!);
    expect((await listUnreadReplies(t.owner, { companyId: appointment.companyId }))[0]).toMatchObject({
      customerName: t.customer.fullname,
      appointmentId: out.appointmentId,
      appointmentDate: appointment.date,
      serviceName: appointment.service.name,
    });
    const elsewhere = appointment.companyId === t.companyA.id ? t.companyB.id : t.companyA.id;
    expect(await listUnreadReplies(t.owner, { companyId: elsewhere })).toEqual([]);
    expect(await listUnreadReplies(t.caller({ companyIds: [t.companyB.id] }))).toEqual([]);
    expect(await codeOf(() => markReplyRead(t.caller({ companyIds: [t.companyB.id] }), row.id))).toBe("message-not-found");
    await markReplyRead(t.owner, row.id);
    expect(await listUnreadReplies(t.owner)).toEqual([]);

    const stranger = await handleReply(t.appId, reply("OUI", "+2250101010101"), now);
    expect(stranger).toMatchObject({ action: "help", appointmentId: null });
    expect(stranger.answer).toContain("pas trouvé");
  });
});

describe("answers in the journal", () => {
  const answersTo = async (replyProviderId: string) => {
    const db = await getDb();
    const [r] = await db.select().from(messageReplies).where(and(eq(messageReplies.appId, t.appId), eq(messageReplies.providerId, replyProviderId)));
    return db.select().from(messages).where(and(eq(messages.appId, t.appId), eq(messages.replyId, r.id)));
  };

  it("records the answer once per reply, tied to the appointment, and sends it with its outcome", async () => {
    // A customer of their own: replies act on the phone's next appointment.
    const { customer } = await createCustomer(t.owner, { fullname: "Awa Traoré", telephone: uniquePhone() });
    const a = await t.book({ customerId: customer.id });
    const r = reply("OUI", customer.telephone);
    const out = await handleReply(t.appId, r, now);
    expect(out).toMatchObject({ action: "confirmed", appointmentId: a.id, answerId: expect.any(String) });
    // The provider delivering the reply twice: one answer.
    expect(await handleReply(t.appId, r, now)).toEqual({ action: "duplicate", appointmentId: null, answer: null });
    const [answer, ...more] = await answersTo(r.providerId);
    expect(more).toEqual([]);
    expect(answer).toMatchObject({
      id: out.answerId,
      trigger: "answer",
      appointmentId: a.id,
      companyId: a.companyId,
      customerId: customer.id,
      channel: "whatsapp",
      recipient: customer.telephone,
      body: out.answer,
      state: "queued",
      dueAt: now,
    });
    // Where staff look: the company's journal and the appointment's history.
    expect((await listMessages(t.owner, { companyId: a.companyId, appointmentId: a.id })).data).toMatchObject([{ id: answer.id, customerName: "Awa Traoré" }]);
    // Another reply about the same appointment gets its own answer.
    const cancelled = await handleReply(t.appId, reply("NON", customer.telephone), now);
    expect(cancelled).toMatchObject({ action: "cancelled", appointmentId: a.id, answerId: expect.any(String) });
    const history = (await appointmentMessages(t.owner, a.id)).filter((m) => m.trigger === "answer");
    expect(history.map((m) => m.body).sort()).toEqual([out.answer, cancelled.answer].sort());

    await setProvider(t.owner, "whatsapp", { settings: { phoneNumberId: `30${Date.now()}` }, secrets: { accessToken: "tok", appSecret: "app-secret-of-answers", verifyToken: "verify-token-of-answers" } });
    const sent: string[] = [];
    const whatsapp = { channel: "whatsapp" as const, idempotent: true, send: async (m: { id: string; body: string; customerWindowOpen?: boolean }) => {
      sent.push(`${m.body}|${m.customerWindowOpen}`);
      return { state: "sent" as const, providerId: `wamid.answer.${m.id}` };
    } };
    await sendDue({ ...messageConfig({}), retryScheduleMs: [] }, { appId: t.appId, now, adapters: { whatsapp } });
    // Free text: the customer just wrote, WhatsApp's window is open. (Earlier tests' answers went too.)
    expect(sent).toContain(`${out.answer}|true`);
    expect(await applyStatus(t.appId, { kind: "status", channel: "whatsapp", providerId: `wamid.answer.${answer.id}`, state: "delivered" }, now)).toBe(1);
    expect((await answersTo(r.providerId))[0]).toMatchObject({ state: "delivered", sentAt: now });
  });

  it("an answer with no appointment (an unknown number's help) is the whole app's, not a company's", async () => {
    const r = reply("Bonjour ?", "+2250102030405");
    const out = await handleReply(t.appId, r, now);
    expect(out.action).toBe("help");
    const [answer] = await answersTo(r.providerId);
    expect(answer).toMatchObject({ id: out.answerId, trigger: "answer", appointmentId: null, companyId: null, customerId: null, recipient: "+2250102030405" });
    expect((await listMessages(t.owner, { state: ["queued"] })).data.find((m) => m.id === answer.id)).toMatchObject({ customerName: null, appointmentDate: null });
    expect((await listMessages(t.caller({ companyIds: [t.companyA.id] }))).data.find((m) => m.id === answer.id)).toBeUndefined();
    // Kept staff's replies get no answer.
    const kept = reply("Je serai en retard");
    await t.book();
    expect(await handleReply(t.appId, kept, now)).toMatchObject({ action: "stored", answer: null });
    expect(await answersTo(kept.providerId)).toEqual([]);
  });
});
