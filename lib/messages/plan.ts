// The planner: follows the settled event feed (lib/appointments/follow.ts: one planner at a time
// across instances, no event skipped or seen twice) and turns appointment changes into messages.
//
// - created → "received" (PENDING) or "confirmed", and the two reminders scheduled;
// - confirmed → "confirmed" (an undone no-show only brings the reminders back);
// - moved → "moved" (one per move: keyed by its event) and the reminders re-timed;
// - cancelled → "cancelled" with the reason, or "no-show" when the company turned it on; and
//   with started or completed, every message still waiting is cancelled.
//
// Times are on the company's clock; nothing goes out from 21:00 to 07:00 (moved to 07:00, or
// cancelled if the appointment has started by then); a reminder already due when planned (booked
// an hour before) is not made at all: never sent late. `now` is injected so tests drive the clock.
import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { messages, type NewMessage } from "@/db/schema";
import type { AppointmentJson } from "../contract/events";
import { outOfQuietHours, reminderDue } from "../contract/message-settings";
import type { MessageTrigger } from "../contract/messages";
import { followFeed, type FollowedEvent } from "../appointments/follow";
import { compose } from "./compose";
import { loadContext, type PlanContext } from "./context";

const PLAN_LOCK = 727_003;
export const PLAN_BATCH = 500;
const REMINDERS = ["reminder-day-before", "reminder-hours-before"] as const;

/** Plans one batch of settled events; answers how many events were read. */
export function planOnce(now: Date = new Date()): Promise<number> {
  return followFeed({ table: "message_planner", lock: PLAN_LOCK, batch: PLAN_BATCH }, async (tx, events) => {
    const published = events.filter((e) => e.published);
    const data = (e: FollowedEvent) => e.data as unknown as AppointmentJson;
    const ctx = await loadContext(
      tx,
      published.map((e) => ({ appId: e.appId, companyId: e.companyId, customerId: data(e).customerId })),
    );
    for (const e of published) await planEvent(tx, ctx, e, data(e), now);
  });
}

/** Plans every settled event there is (tests, start-up). */
export async function planAll(now: Date = new Date()): Promise<void> {
  while ((await planOnce(now)) === PLAN_BATCH);
}

async function planEvent(tx: Tx, ctx: PlanContext, e: FollowedEvent, a: AppointmentJson, now: Date) {
  const plan = new Planner(tx, ctx, e, a, now);
  const to = e.toStatus;
  switch (e.type) {
    case "appointment.created":
      await plan.once(to === "CONFIRMED" ? "confirmed" : "received");
      await plan.reminders();
      return;
    case "appointment.moved":
      if (to !== "PENDING" && to !== "CONFIRMED") return;
      await plan.once("moved", String(e.id));
      await plan.reminders();
      return;
    case "appointment.status_changed":
      if (to === "CONFIRMED") {
        if (e.fromStatus === "PENDING") await plan.once("confirmed");
        await plan.reminders();
      } else if (to === "CANCELLED" || to === "IN_PROGRESS" || to === "COMPLETED") {
        await plan.cancelWaiting(to === "CANCELLED" ? "Rendez-vous annulé" : "Rendez-vous commencé ou terminé");
        if (to === "CANCELLED") await plan.once(a.cancellation?.kind === "no-show" ? "no-show" : "cancelled");
      }
      return;
    default:
      return;
  }
}

class Planner {
  private readonly company;
  private readonly customer;
  private readonly start: Date;

  constructor(
    private readonly tx: Tx,
    private readonly ctx: PlanContext,
    private readonly e: FollowedEvent,
    private readonly a: AppointmentJson,
    private readonly now: Date,
  ) {
    this.company = ctx.company(e.appId, e.companyId);
    this.customer = ctx.customer(e.appId, a.customerId);
    this.start = new Date(a.date);
  }

  private wanted(trigger: MessageTrigger): boolean {
    return !!this.company && !!this.customer && this.company.settings.enabled && this.company.settings.triggers[trigger];
  }

  /** The row for a trigger due at `due` (already out of the quiet hours). */
  private row(trigger: MessageTrigger, due: Date, occurrence = ""): NewMessage {
    const c = compose(trigger, this.a, this.customer!, this.company!, this.company!.settings, this.ctx.channels(this.e.appId));
    // Past the start by the time it may go: pointless (a no-show message is after the start by nature).
    const late = trigger !== "no-show" && due >= this.start;
    const state = c.unreachable ? "failed" : late ? "cancelled" : due <= this.now ? "queued" : "scheduled";
    return {
      appId: this.e.appId,
      companyId: this.e.companyId,
      appointmentId: this.e.appointmentId,
      customerId: this.a.customerId,
      trigger,
      occurrence,
      eventId: this.e.id,
      channel: c.channel,
      recipient: c.recipient,
      language: c.language,
      subject: c.subject,
      body: c.body,
      template: c.template,
      state,
      dueAt: due,
      failureReason: c.unreachable ?? (late ? "Le rendez-vous aura commencé avant la fin des heures calmes (21 h – 7 h)" : null),
    };
  }

  /** A message sent once per appointment and trigger (a move: once per move), now or at 07:00. */
  async once(trigger: MessageTrigger, occurrence = "") {
    if (!this.wanted(trigger)) return;
    const due = outOfQuietHours(this.now, this.company!.timezone);
    await this.tx.insert(messages).values(this.row(trigger, due, occurrence)).onConflictDoNothing();
  }

  /**
   * Schedules the reminders for the appointment's current time, or re-times (and re-words) those
   * not tried yet; one already due is not made, and an earlier one no longer fitting is cancelled.
   */
  async reminders() {
    for (const trigger of REMINDERS) {
      if (!this.wanted(trigger)) continue;
      const due = reminderDue(trigger, this.start, this.company!.timezone, this.company!.settings);
      if (due <= this.now) {
        await this.cancelWaiting("Rappel devenu trop tardif", trigger);
        continue;
      }
      const row = this.row(trigger, outOfQuietHours(due, this.company!.timezone));
      await this.tx
        .insert(messages)
        .values(row)
        .onConflictDoUpdate({
          target: [messages.appId, messages.appointmentId, messages.trigger, messages.occurrence],
          set: {
            eventId: row.eventId,
            channel: row.channel,
            recipient: row.recipient,
            language: row.language,
            subject: row.subject,
            body: row.body,
            template: row.template,
            state: row.state,
            dueAt: row.dueAt,
            failureReason: row.failureReason,
            updatedAt: sql`now()`,
          },
          // Never one a sender has tried: it went, or its outcome is being settled.
          setWhere: sql`${messages.attempts} = 0 AND ${messages.state} IN ('scheduled', 'queued', 'cancelled')`,
        });
    }
  }

  /** Cancels the appointment's messages still waiting (of one trigger when given), unless a sender holds one. */
  async cancelWaiting(reason: string, trigger?: MessageTrigger) {
    await this.tx
      .update(messages)
      .set({ state: "cancelled", failureReason: reason, updatedAt: sql`now()` })
      .where(
        and(
          eq(messages.appId, this.e.appId),
          eq(messages.appointmentId, this.e.appointmentId),
          trigger ? eq(messages.trigger, trigger) : undefined,
          inArray(messages.state, ["scheduled", "queued"]),
          isNull(messages.lockedUntil),
        ),
      );
  }
}
