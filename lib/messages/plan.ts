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
// A settings change re-plans what is waiting (replanAfterSettings): reminders turned on or
// re-timed for bookings made before, triggers turned off cancelled.
import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db";
import { appointmentEvents, appointments, messages, type NewMessage } from "@/db/schema";
import type { AppointmentJson } from "../contract/events";
import { REMINDER_TRIGGERS, type ReminderTrigger, reminderDue, sendingTime } from "../contract/message-settings";
import type { MessageTrigger } from "../contract/messages";
import { followedColumns, followFeed, type FollowedEvent } from "../appointments/follow";
import { compose } from "./compose";
import { loadContext, type PlanContext } from "./context";
import { dbStore, memoryStore, type PlanStore } from "./plan-store";
import { isClientReply } from "./replies";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";

const PLAN_LOCK = ADVISORY_LOCKS.messagePlanner;
export const PLAN_BATCH = 500;

/** Plans one batch of settled events; answers how many events were read. */
export function planOnce(now: Date = new Date()): Promise<number> {
  return followFeed({ table: "message_planner", lock: PLAN_LOCK, batch: PLAN_BATCH }, async (tx, events) => {
    const published = events.filter((e) => e.published);
    const data = (e: FollowedEvent) => e.data as unknown as AppointmentJson;
    const ctx = await loadContext(
      tx,
      published.map((e) => ({ appId: e.appId, companyId: e.companyId, customerId: data(e).customerId })),
    );
    const store = dbStore(tx);
    for (const e of published) await planEvent(store, ctx, e, data(e), now);
  });
}

/** Plans every settled event there is (tests, start-up). */
export async function planAll(now: Date = new Date()): Promise<void> {
  while ((await planOnce(now)) === PLAN_BATCH);
}

/**
 * Plans an app's history written outside the change path (the demo's unpublished events) as if
 * each event had just happened, then records what fell due by `now` on the journal as sent when
 * due: the demo opens on a journal that tells its appointments' story. Later ones stay scheduled.
 */
export async function planHistory(db: Queryable, appId: string, now: Date): Promise<void> {
  const events = await db
    .select(followedColumns)
    .from(appointmentEvents)
    .where(and(eq(appointmentEvents.appId, appId), eq(appointmentEvents.published, false)))
    .orderBy(asc(appointmentEvents.id));
  const data = (e: FollowedEvent) => e.data as unknown as AppointmentJson;
  const ctx = await loadContext(db, events.map((e) => ({ appId, companyId: e.companyId, customerId: data(e).customerId })));
  const store = memoryStore();
  for (const e of events) {
    const at = e.at < now ? e.at : now;
    store.journalUntil(at);
    await planEvent(store, ctx, e, data(e), at);
  }
  store.journalUntil(now);
  const rows = store.rows();
  for (let i = 0; i < rows.length; i += 200) await db.insert(messages).values(rows.slice(i, i + 200)).onConflictDoNothing();
}

const BACKFILL_BATCH = 500;

/**
 * Follows a change of a company's settings (lib/contract/message-settings.ts, settingsChange):
 * the waiting messages of triggers turned off are cancelled, and the reminders turned on or
 * re-timed are planned again for its future active appointments, as the planner would plan them
 * now from each one's latest event: made when missing (bookings made while off), moved to the
 * new time (quiet hours as always), cancelled when now too late; one a sender has tried is never
 * touched. Call it in the transaction that saves the settings: under the planner's lock, an
 * event the planner read with the old settings is one of the appointments seen here, and one it
 * has not read yet will be planned with the new settings. Answers how many appointments it read.
 */
export async function replanAfterSettings(
  tx: Tx,
  appId: string,
  companyId: string,
  change: { replan: ReminderTrigger[]; turnedOff: MessageTrigger[] },
  now: Date = new Date(),
): Promise<number> {
  if (change.replan.length === 0 && change.turnedOff.length === 0) return 0;
  await tx.execute(sql`select pg_advisory_xact_lock(${PLAN_LOCK})`);
  if (change.turnedOff.length > 0) {
    await tx
      .update(messages)
      .set({ state: "cancelled", failureReason: "Message désactivé dans les réglages", updatedAt: sql`now()` })
      .where(
        and(
          eq(messages.appId, appId),
          eq(messages.companyId, companyId),
          inArray(messages.trigger, change.turnedOff),
          inArray(messages.state, ["scheduled", "queued"]),
          isNull(messages.lockedUntil),
        ),
      );
  }
  if (change.replan.length === 0) return 0;
  const store = dbStore(tx);
  let after: { date: Date; id: string } | undefined;
  let read = 0;
  for (;;) {
    const page = await tx
      .select({ id: appointments.id, date: appointments.date })
      .from(appointments)
      .where(
        and(
          eq(appointments.appId, appId),
          eq(appointments.companyId, companyId),
          inArray(appointments.status, ["PENDING", "CONFIRMED"]),
          gt(appointments.date, now),
          after ? or(gt(appointments.date, after.date), and(eq(appointments.date, after.date), gt(appointments.id, after.id))) : undefined,
        ),
      )
      .orderBy(asc(appointments.date), asc(appointments.id))
      .limit(BACKFILL_BATCH);
    if (page.length === 0) return read;
    read += page.length;
    after = page[page.length - 1];
    const latest = await tx
      .selectDistinctOn([appointmentEvents.appointmentId], followedColumns)
      .from(appointmentEvents)
      .where(and(eq(appointmentEvents.appId, appId), inArray(appointmentEvents.appointmentId, page.map((a) => a.id))))
      .orderBy(appointmentEvents.appointmentId, desc(appointmentEvents.id));
    const data = (e: FollowedEvent) => e.data as unknown as AppointmentJson;
    const ctx = await loadContext(tx, latest.map((e) => ({ appId, companyId: e.companyId, customerId: data(e).customerId })));
    for (const e of latest) await new Planner(store, ctx, e, data(e), now).reminders(change.replan);
    if (page.length < BACKFILL_BATCH) return read;
  }
}

async function planEvent(store: PlanStore, ctx: PlanContext, e: FollowedEvent, a: AppointmentJson, now: Date) {
  const plan = new Planner(store, ctx, e, a, now);
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
        // A customer who confirmed by replying was answered in that conversation already.
        if (e.fromStatus === "PENDING" && !isClientReply(e)) await plan.once("confirmed");
        await plan.reminders();
      } else if (to === "CANCELLED" || to === "IN_PROGRESS" || to === "COMPLETED") {
        await plan.cancelWaiting(to === "CANCELLED" ? "Rendez-vous annulé" : "Rendez-vous commencé ou terminé");
        if (to === "CANCELLED" && !isClientReply(e)) await plan.once(a.cancellation?.kind === "no-show" ? "no-show" : "cancelled");
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
    private readonly store: PlanStore,
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

  /** The row for a trigger meant for `at` (moved out of the quiet hours; pointless if the appointment has started by then). */
  private row(trigger: MessageTrigger, at: Date, occurrence = ""): NewMessage {
    const c = compose(trigger, this.a, this.customer!, this.company!, this.company!.settings, this.ctx.channels(this.e.appId));
    const { at: due, late } = sendingTime(at, this.company!.timezone, this.start, trigger);
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
    await this.store.once(this.row(trigger, this.now, occurrence));
  }

  /**
   * Schedules the reminders (those of `only` when given) for the appointment's current time, or
   * re-times (and re-words) those not tried yet; one already due is not made, and an earlier one
   * no longer fitting is cancelled.
   */
  async reminders(only: readonly ReminderTrigger[] = REMINDER_TRIGGERS) {
    for (const trigger of only) {
      if (!this.wanted(trigger)) continue;
      const due = reminderDue(trigger, this.start, this.company!.timezone, this.company!.settings);
      if (due <= this.now) {
        await this.cancelWaiting("Rappel devenu trop tardif", trigger);
        continue;
      }
      await this.store.reminder(this.row(trigger, due));
    }
  }

  /** Cancels the appointment's messages still waiting (of one trigger when given), unless a sender holds one. */
  async cancelWaiting(reason: string, trigger?: MessageTrigger) {
    await this.store.cancelWaiting(this.e.appId, this.e.appointmentId, reason, trigger);
  }
}
