// The planner and the sender on a controlled clock: reminders at the company's times (Abidjan
// and Paris), quiet hours, a cancellation before the reminder, a move re-timing, no-show off by
// default, a reminder too late when booked. Every planner test lives in this one file: the
// planner's place in the feed is shared by the whole database, and its clock is the test's.
import { beforeAll, describe, expect, it } from "vitest";
import { rescheduleAppointment, updateAppointmentStatus } from "@/lib/appointments";
import { editCustomer } from "@/lib/catalog";
import { getDb } from "@/db";
import { messages } from "@/db/schema";
import { handleReply, startMessageWorker, stopMessageWorker, updateMessageSettings } from "@/lib/messages";
import { messageConfig } from "@/lib/messages/config";
import { sendDue } from "@/lib/messages/sender";
import { makeTenant, type Tenant } from "../support/factories";
import { messagesOf, plan, turnMessagesOn } from "../support/messages";

let t: Tenant;
const config = { ...messageConfig({}), retryScheduleMs: [0] };
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await makeTenant("Messages plan");
  await turnMessagesOn(t, t.companyA.id);
  await turnMessagesOn(t, t.companyB.id);
});

const bookA = (date: string) => t.book({ date: at(date) });
const bookB = (date: string) => t.book({ date: at(date), serviceId: t.serviceB.id, agentId: t.agentB.id, companyId: t.companyB.id, filledFields: {} });

describe("reminders on the company's clock", () => {
  it("schedules the day before at 18:00 and 2 hours before, and sends each when due (Abidjan)", async () => {
    const a = await bookA("2030-03-12T10:00:00Z");
    await plan(t, at("2030-03-01T12:00:00Z"));
    const m = await messagesOf(t.appId, a.id);
    expect(m.received).toMatchObject({ state: "queued", channel: "journal", recipient: t.customer.telephone });
    expect(m.received.body).toContain("mardi 12 mars à 10h00");
    expect(m["reminder-day-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-03-11T18:00:00Z") });
    expect(m["reminder-hours-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-03-12T08:00:00Z") });

    await sendDue(config, { appId: t.appId, now: at("2030-03-01T12:00:00Z") });
    expect((await messagesOf(t.appId, a.id)).received.state).toBe("sent");
    expect((await messagesOf(t.appId, a.id))["reminder-day-before"].state).toBe("scheduled");
    await sendDue(config, { appId: t.appId, now: at("2030-03-11T17:59:00Z") });
    expect((await messagesOf(t.appId, a.id))["reminder-day-before"].state).toBe("scheduled");
    await sendDue(config, { appId: t.appId, now: at("2030-03-11T18:00:00Z") });
    const after = await messagesOf(t.appId, a.id);
    expect(after["reminder-day-before"]).toMatchObject({ state: "sent", sentAt: at("2030-03-11T18:00:00Z") });
    expect(after["reminder-hours-before"].state).toBe("scheduled");
  });

  it("follows the company's zone and the customer's language (Paris, English)", async () => {
    const { customer } = await (await import("@/lib/catalog")).createCustomer(t.owner, { fullname: "John Smith", telephone: "+33612345678", language: "en" });
    const a = await t.book({ date: at("2030-03-12T09:00:00Z"), serviceId: t.serviceB.id, agentId: t.agentB.id, filledFields: {}, customerId: customer.id });
    await plan(t, at("2030-03-01T12:00:00Z"));
    const m = await messagesOf(t.appId, a.id);
    // 10:00 in Paris (UTC+1): the day before at 18:00 Paris is 17:00Z.
    expect(m["reminder-day-before"].dueAt).toEqual(at("2030-03-11T17:00:00Z"));
    expect(m["reminder-hours-before"].dueAt).toEqual(at("2030-03-12T07:00:00Z"));
    expect(m.received.language).toBe("en");
    expect(m.received.body).toContain("Hello John");
    expect(m.received.body).toContain("Tuesday 12 March at 10:00");
  });

  it("does not make a reminder already due when booked (booked an hour before)", async () => {
    const a = await bookA("2030-03-20T10:00:00Z");
    await plan(t, at("2030-03-20T09:00:00Z"));
    const m = await messagesOf(t.appId, a.id);
    expect(Object.keys(m)).toEqual(["received"]);
  });
});

describe("quiet hours", () => {
  it("moves a message due at 22:00 to 07:00, and cancels it if the appointment has started by then", async () => {
    const later = await bookA("2030-04-03T10:00:00Z");
    const early = await bookA("2030-04-02T06:30:00Z");
    await plan(t, at("2030-04-01T22:00:00Z"));
    const m = await messagesOf(t.appId, later.id);
    expect(m.received).toMatchObject({ state: "scheduled", dueAt: at("2030-04-02T07:00:00Z") });
    const e = await messagesOf(t.appId, early.id);
    expect(e.received).toMatchObject({ state: "cancelled", dueAt: at("2030-04-02T07:00:00Z") });
    expect(e.received.failureReason).toContain("heures calmes");
    // Its 2-hours-before reminder (04:30) would go at 07:00, after the start: cancelled too.
    expect(e["reminder-hours-before"].state).toBe("cancelled");
    expect(e["reminder-day-before"]).toBeUndefined();

    await sendDue(config, { appId: t.appId, now: at("2030-04-01T23:00:00Z") });
    expect((await messagesOf(t.appId, later.id)).received.state).toBe("scheduled");
    await sendDue(config, { appId: t.appId, now: at("2030-04-02T07:00:00Z") });
    expect((await messagesOf(t.appId, later.id)).received.state).toBe("sent");
    expect((await messagesOf(t.appId, early.id)).received.state).toBe("cancelled");
  });

  it("moves a reminder due in the quiet hours to 07:00 (an early appointment's 2-hours-before)", async () => {
    const a = await bookA("2030-04-10T08:00:00Z");
    await plan(t, at("2030-04-01T12:00:00Z"));
    expect((await messagesOf(t.appId, a.id))["reminder-hours-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-04-10T07:00:00Z") });
  });
});

describe("changes", () => {
  it("cancels the reminders of an appointment cancelled before them, and says why", async () => {
    const a = await bookA("2030-05-10T10:00:00Z");
    await plan(t, at("2030-05-01T12:00:00Z"));
    await updateAppointmentStatus(t.owner, a.id, { status: "CANCELLED", reason: "Le salon est fermé ce jour-là" });
    await plan(t, at("2030-05-02T12:00:00Z"));
    const m = await messagesOf(t.appId, a.id);
    expect(m["reminder-day-before"].state).toBe("cancelled");
    expect(m["reminder-hours-before"].state).toBe("cancelled");
    expect(m.cancelled).toMatchObject({ state: "queued" });
    expect(m.cancelled.body).toContain("Le salon est fermé ce jour-là");
    await sendDue(config, { appId: t.appId, now: at("2030-05-10T09:00:00Z") });
    const sent = await messagesOf(t.appId, a.id);
    expect(sent.cancelled.state).toBe("sent");
    expect(sent["reminder-day-before"].state).toBe("cancelled");
    expect(sent["reminder-hours-before"].state).toBe("cancelled");
  });

  it("re-times the reminders on a move, with one 'moved' message per move", async () => {
    const a = await bookA("2030-06-10T10:00:00Z");
    await plan(t, at("2030-06-01T12:00:00Z"));
    await rescheduleAppointment(t.owner, a.id, { date: at("2030-06-12T15:00:00Z") });
    await plan(t, at("2030-06-02T12:00:00Z"));
    await rescheduleAppointment(t.owner, a.id, { date: at("2030-06-13T15:00:00Z") });
    await plan(t, at("2030-06-03T12:00:00Z"));
    const m = await messagesOf(t.appId, a.id);
    expect(m["reminder-day-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-06-12T18:00:00Z") });
    expect(m["reminder-hours-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-06-13T13:00:00Z") });
    expect(m["reminder-hours-before"].body).toContain("15h00");
    const moved = Object.values(m)
      .filter((r) => r.trigger === "moved")
      .sort((x, y) => Number(x.eventId) - Number(y.eventId));
    expect(moved).toHaveLength(2);
    expect(moved[0].body).toContain("mercredi 12 juin à 15h00");
    expect(moved[1].body).toContain("jeudi 13 juin à 15h00");
  });

  it("sends nothing on a no-show unless the company turns that message on", async () => {
    const past = await bookA("2030-07-01T10:00:00Z");
    await updateAppointmentStatus(t.owner, past.id, { status: "CONFIRMED" });
    await updateAppointmentStatus(t.owner, past.id, { status: "CANCELLED", kind: "no-show" }, { now: at("2030-07-01T11:00:00Z") });
    await plan(t, at("2030-07-01T11:00:00Z"));
    let m = await messagesOf(t.appId, past.id);
    expect(m["no-show"]).toBeUndefined();
    expect(m.cancelled).toBeUndefined();
    for (const k of ["reminder-day-before", "reminder-hours-before"]) expect(m[k] === undefined || m[k].state === "cancelled").toBe(true);

    await turnMessagesOn(t, t.companyA.id, { triggers: { "no-show": true } });
    const again = await bookA("2030-07-02T10:00:00Z");
    await updateAppointmentStatus(t.owner, again.id, { status: "CONFIRMED" });
    await updateAppointmentStatus(t.owner, again.id, { status: "CANCELLED", kind: "no-show" }, { now: at("2030-07-02T11:00:00Z") });
    await plan(t, at("2030-07-02T11:00:00Z"));
    m = await messagesOf(t.appId, again.id);
    expect(m["no-show"]).toMatchObject({ state: "queued" });
    expect(m.cancelled).toBeUndefined();
    await turnMessagesOn(t, t.companyA.id, { triggers: { "no-show": false } });
  });

  it("sends by the customer's channel rules: a refused channel is skipped, a company with messages off sends nothing", async () => {
    await editCustomer(t.owner, t.customer.id, { firstName: "Ayo", optOuts: ["journal"] });
    const a = await bookA("2030-08-10T10:00:00Z");
    const b = await bookB("2030-08-10T10:00:00Z");
    await turnMessagesOn(t, t.companyB.id, { enabled: false });
    await plan(t, at("2030-08-01T12:00:00Z"));
    const m = await messagesOf(t.appId, a.id);
    // Mobile customer, no WhatsApp or SMS provider, journal refused: recorded as failed, with why.
    expect(m.received).toMatchObject({ state: "failed", channel: null });
    expect(m.received.failureReason).toContain("whatsapp");
    expect(m.received.body).toContain("Bonjour Ayo");
    expect(await messagesOf(t.appId, b.id)).toEqual({});
    await editCustomer(t.owner, t.customer.id, { optOuts: [] });
  });
});

describe("replies", () => {
  it("sends no second confirmation to a customer who confirmed by replying; the reminders stay", async () => {
    const a = await bookA("2030-10-10T10:00:00Z");
    await plan(t, at("2030-10-01T12:00:00Z"));
    const out = await handleReply(t.appId, { kind: "reply", channel: "whatsapp", from: t.customer.telephone, text: "OUI", providerId: `wamid.${a.id}`, at: at("2030-10-01T12:05:00Z") }, at("2030-10-01T12:05:00Z"));
    expect(out).toMatchObject({ action: "confirmed", appointmentId: a.id });
    await plan(t, at("2030-10-01T12:06:00Z"));
    const m = await messagesOf(t.appId, a.id);
    expect(m.confirmed).toBeUndefined();
    expect(m["reminder-day-before"].state).toBe("scheduled");
  });
});

describe("turning messages on", () => {
  it("plans the reminders of bookings made while messages were off, once; past and cancelled ones get none", async () => {
    await updateMessageSettings(t.owner, t.companyB.id, { enabled: false });
    const later = await bookB("2030-11-20T10:00:00Z");
    const soon = await bookB("2030-11-02T15:00:00Z");
    const cancelled = await bookB("2030-11-21T10:00:00Z");
    await updateAppointmentStatus(t.owner, cancelled.id, { status: "CANCELLED" });
    const past = await bookB("2030-10-20T10:00:00Z");
    await plan(t, at("2030-11-01T12:00:00Z"));
    for (const a of [later, soon, cancelled, past]) expect(await messagesOf(t.appId, a.id)).toEqual({});

    const now = at("2030-11-02T12:00:00Z");
    await updateMessageSettings(t.owner, t.companyB.id, { enabled: true }, now);
    const m = await messagesOf(t.appId, later.id);
    // Only the reminders: the booking's own message belonged to its time. Paris: 18:00 is 17:00Z.
    expect(Object.keys(m).sort()).toEqual(["reminder-day-before", "reminder-hours-before"]);
    expect(m["reminder-day-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-11-19T17:00:00Z") });
    expect(m["reminder-hours-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-11-20T08:00:00Z") });
    expect(m["reminder-hours-before"].body).toContain("11h00");
    // Today's 15:00 booking: its day-before reminder was due yesterday (not made), its 2-hours one is to come.
    expect(Object.keys(await messagesOf(t.appId, soon.id))).toEqual(["reminder-hours-before"]);
    expect(await messagesOf(t.appId, cancelled.id)).toEqual({});
    expect(await messagesOf(t.appId, past.id)).toEqual({});

    // Saved again: nothing changed. Turned off: the waiting reminders are cancelled; on again:
    // the same ones at the same times, nothing more; nor does the planner add any.
    await updateMessageSettings(t.owner, t.companyB.id, { enabled: true }, now);
    expect(await messagesOf(t.appId, later.id)).toEqual(m);
    await updateMessageSettings(t.owner, t.companyB.id, { enabled: false }, now);
    expect((await messagesOf(t.appId, later.id))["reminder-day-before"]).toMatchObject({ state: "cancelled", failureReason: expect.stringContaining("désactivé") });
    await updateMessageSettings(t.owner, t.companyB.id, { enabled: true }, now);
    await plan(t, now);
    const back = await messagesOf(t.appId, later.id);
    expect(Object.keys(back).sort()).toEqual(Object.keys(m).sort());
    for (const k of Object.keys(m)) expect(back[k]).toMatchObject({ id: m[k].id, state: "scheduled", dueAt: m[k].dueAt, failureReason: null });
  });

  it("turning one reminder on plans it alone, leaving the other as it was", async () => {
    await updateMessageSettings(t.owner, t.companyB.id, { enabled: true, triggers: { "reminder-day-before": false } });
    const a = await bookB("2030-12-10T10:00:00Z");
    await plan(t, at("2030-12-01T12:00:00Z"));
    const before = await messagesOf(t.appId, a.id);
    expect(Object.keys(before).sort()).toEqual(["received", "reminder-hours-before"]);
    await updateMessageSettings(t.owner, t.companyB.id, { triggers: { "reminder-day-before": true } }, at("2030-12-02T12:00:00Z"));
    const after = await messagesOf(t.appId, a.id);
    expect(after["reminder-day-before"]).toMatchObject({ state: "scheduled", dueAt: at("2030-12-09T17:00:00Z") });
    expect(after["reminder-hours-before"]).toEqual(before["reminder-hours-before"]);
    expect(after.received).toEqual(before.received);
  });
});

describe("changing the settings", () => {
  it("moves the reminders still waiting to the new times (quiet hours as always), cancels a trigger turned off and brings it back; sent ones stay", async () => {
    const a = await bookA("2031-03-12T10:00:00Z");
    const soon = await bookA("2031-03-02T16:00:00Z");
    await plan(t, at("2031-03-01T12:00:00Z"));
    // Abidjan (UTC): soon's day-before reminder goes at 18:00.
    await sendDue(config, { appId: t.appId, now: at("2031-03-01T18:00:00Z") });
    const sent = (await messagesOf(t.appId, soon.id))["reminder-day-before"];
    expect(sent).toMatchObject({ state: "sent", dueAt: at("2031-03-01T18:00:00Z") });

    const now = at("2031-03-01T19:00:00Z");
    await updateMessageSettings(t.owner, t.companyA.id, { dayBeforeAt: "20:30", hoursBeforeMinutes: 180 }, now);
    let m = await messagesOf(t.appId, a.id);
    expect(m["reminder-day-before"]).toMatchObject({ state: "scheduled", dueAt: at("2031-03-11T20:30:00Z") });
    expect(m["reminder-hours-before"]).toMatchObject({ state: "scheduled", dueAt: at("2031-03-12T07:00:00Z") });
    const s = await messagesOf(t.appId, soon.id);
    expect(s["reminder-day-before"]).toEqual(sent);
    expect(s["reminder-hours-before"]).toMatchObject({ state: "scheduled", dueAt: at("2031-03-02T13:00:00Z") });

    // 22:00 is in the quiet hours: the next 07:00, before the 10:00 appointment.
    await updateMessageSettings(t.owner, t.companyA.id, { dayBeforeAt: "22:00" }, now);
    expect((await messagesOf(t.appId, a.id))["reminder-day-before"]).toMatchObject({ state: "scheduled", dueAt: at("2031-03-12T07:00:00Z") });

    await updateMessageSettings(t.owner, t.companyA.id, { triggers: { "reminder-hours-before": false } }, now);
    m = await messagesOf(t.appId, a.id);
    expect(m["reminder-hours-before"]).toMatchObject({ state: "cancelled", failureReason: expect.stringContaining("désactivé") });
    expect(m["reminder-day-before"].state).toBe("scheduled");
    expect((await messagesOf(t.appId, soon.id))["reminder-hours-before"].state).toBe("cancelled");
    await updateMessageSettings(t.owner, t.companyA.id, { triggers: { "reminder-hours-before": true } }, now);
    expect((await messagesOf(t.appId, a.id))["reminder-hours-before"]).toMatchObject({ state: "scheduled", dueAt: at("2031-03-12T07:00:00Z"), failureReason: null });
    expect((await messagesOf(t.appId, soon.id))["reminder-day-before"]).toEqual(sent);

    await updateMessageSettings(t.owner, t.companyA.id, { dayBeforeAt: "18:00", hoursBeforeMinutes: 120 }, now);
    m = await messagesOf(t.appId, a.id);
    expect(m["reminder-day-before"].dueAt).toEqual(at("2031-03-11T18:00:00Z"));
    expect(m["reminder-hours-before"].dueAt).toEqual(at("2031-03-12T08:00:00Z"));
  });
});

describe("the background worker", () => {
  it("started with the server's background work, sends what is due through the journal; stopped, it lets go", async () => {
    process.env.MESSAGES_POLL_MS = "100";
    const a = await bookA("2030-09-10T10:00:00Z");
    const db = await getDb();
    const [row] = await db
      .insert(messages)
      .values({
        appId: t.appId,
        companyId: t.companyA.id,
        appointmentId: a.id,
        customerId: t.customer.id,
        trigger: "confirmed",
        channel: "journal",
        recipient: t.customer.telephone,
        language: "fr",
        body: "Votre rendez-vous est confirmé",
        state: "queued",
        dueAt: new Date(Date.now() - 1000),
      })
      .returning();
    await startMessageWorker();
    try {
      let state = row.state;
      for (let i = 0; i < 200 && state !== "sent"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await messagesOf(t.appId, a.id)).confirmed.state;
      }
      expect(state).toBe("sent");
      expect((await messagesOf(t.appId, a.id)).confirmed.providerId).toBe(`journal-${row.id}`);
    } finally {
      await stopMessageWorker();
    }
  });
});
