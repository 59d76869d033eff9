// The sender: due messages leased with `FOR UPDATE SKIP LOCKED` (two instances never take the
// same one), sent through their channel's adapter with the app's provider settings, and the
// outcome recorded if the lease is still ours.
//
// Exactly once: a message is claimed by one sender at a time and its lease outlives the
// provider call. A sender that dies mid-send leaves its lease set; whoever claims the message
// next sees it and, as the answer may have been lost after the provider took the message, sends
// it again only through an adapter whose provider dedupes on our id (`idempotent`); otherwise
// the message is marked "unknown" for staff to decide: never sent twice.
//
// A failure worth a retry waits on the schedule (MESSAGES_RETRY_SCHEDULE, counted again from a
// resend by staff), on the planner's clock rule: out of the quiet hours, and cancelled instead
// when it could only go once the appointment has started.
import "server-only";
import { and, eq, or, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/db";
import { appointments, companies, messageProviders, messages } from "@/db/schema";
import { DEFAULT_RATE_PER_SECOND, RATE_BURST_SECONDS } from "../contract/message-rate";
import { sendingTime } from "../contract/message-settings";
import type { MessageChannel, MessageKind, MessageState } from "../contract/messages";
import type { ChannelAdapter, ChannelSettings, OutgoingMessage, SendOutcome } from "./channel";
import { type AdapterRegistry, CHANNEL_ADAPTERS } from "./channels";
import type { MessageConfig } from "./config";
import { providerSecrets } from "./provider-secret";

export type Claimed = {
  appId: string;
  id: string;
  /** Null: an answer to a reply tied to no appointment. */
  appointmentId: string | null;
  trigger: MessageKind;
  channel: MessageChannel | null;
  recipient: string | null;
  subject: string | null;
  body: string;
  template: OutgoingMessage["template"] | null;
  attempts: number;
  /** Attempts made before staff last sent it again (the retry schedule counts after them). */
  resentAfter: number;
  /** The previous sender's lease was still set: its answer was lost. */
  lost: boolean;
  /** The customer wrote on this channel in the last 24 hours (WhatsApp's free-text window), or this answers what they wrote. */
  windowOpen: boolean;
};

export type SendOptions = { now?: Date; appId?: string; adapters?: AdapterRegistry };

/**
 * Leases up to `limit` messages due at `now` (of one app when given), within each provider's
 * rate cap (lib/contract/message-rate.ts), in one statement: the buckets of the providers with
 * waiting messages are locked (in one order, so two claims never deadlock) and read, each takes
 * as many of its messages as it has tokens, and the tokens taken are written back. Two instances
 * claiming at once take turns on a bucket, the second seeing what the first took, so together
 * they stay under the cap. Messages over the cap are left as they are, claimed once tokens come
 * back. The buckets fill on the database's clock, one for every instance (`now` when injected).
 * Messages no enabled provider takes (none set, or no channel) are claimed uncapped to be failed
 * with their reason, looked for among the first due only, so a long capped queue delays their
 * failure, never another provider's sending.
 */
export async function claimDue(config: MessageConfig, limit: number, options: SendOptions & { ids?: string[] } = {}): Promise<Claimed[]> {
  const now = options.now ?? new Date();
  const db = await getDb();
  const forApp = (alias: string) => (options.appId ? sql`AND ${sql.raw(alias)}.app_id = ${options.appId}::uuid` : sql``);
  // Only these messages (an answer to a reply, sent at once), within the caps all the same.
  const ids = options.ids;
  const forIds = (alias: string) => (ids ? sql`AND ${sql.raw(alias)}.id IN (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``);
  const at = sql`${now.toISOString()}::timestamptz`;
  const clock = options.now ? at : sql`statement_timestamp()`;
  const waiting = (alias: string) => {
    const m = sql.raw(alias);
    return sql`${m}.state IN ('scheduled', 'queued') AND ${m}.due_at <= ${at} AND (${m}.locked_until IS NULL OR ${m}.locked_until < ${at}) ${forIds(alias)}`;
  };
  const defaults = Object.entries(DEFAULT_RATE_PER_SECOND)
    .filter(([, n]) => n !== null)
    .map(([channel, n]) => `WHEN '${channel}' THEN ${Number(n)}`)
    .join(" ");
  return executeRows<Claimed>(
    db,
    sql`WITH buckets AS MATERIALIZED (
          SELECT p.app_id, p.channel, r.rate,
                 least(r.burst, coalesce(p.send_tokens, r.burst)
                   + r.rate * greatest(0, extract(epoch FROM ${clock} - coalesce(p.send_tokens_at, ${clock}))::float8)) AS tokens
          FROM message_providers p
          CROSS JOIN LATERAL (SELECT coalesce(p.rate_per_second, CASE p.channel ${sql.raw(defaults)} END)::float8 AS rate) d
          CROSS JOIN LATERAL (SELECT d.rate, CASE WHEN d.rate IS NOT NULL THEN greatest(1, d.rate * ${RATE_BURST_SECONDS}::float8) END AS burst) r
          WHERE p.enabled ${forApp("p")}
            AND EXISTS (SELECT 1 FROM messages m WHERE m.app_id = p.app_id AND m.channel = p.channel AND ${waiting("m")})
          ORDER BY p.app_id, p.channel
          FOR UPDATE OF p),
        capped AS MATERIALIZED (
          SELECT x.* FROM buckets b
          CROSS JOIN LATERAL (
            SELECT m.app_id, m.id, m.due_at, m.locked_until FROM messages m
            WHERE m.app_id = b.app_id AND m.channel = b.channel AND ${waiting("m")}
            ORDER BY m.due_at
            LIMIT least(${limit}::int, floor(coalesce(b.tokens, ${limit}::int) + 1e-9)::int)
            FOR UPDATE OF m SKIP LOCKED) x),
        unrouted AS MATERIALIZED (
          SELECT m.app_id, m.id, m.due_at, m.locked_until FROM messages m
          WHERE (m.app_id, m.id) IN (SELECT c.app_id, c.id FROM messages c WHERE ${waiting("c")} ${forApp("c")} ORDER BY c.due_at LIMIT ${limit * 4}::int)
            AND ${waiting("m")}
            AND NOT EXISTS (SELECT 1 FROM message_providers p WHERE p.app_id = m.app_id AND p.channel = m.channel AND p.enabled)
          LIMIT ${limit}::int
          FOR UPDATE OF m SKIP LOCKED),
        due AS (
          SELECT app_id, id, locked_until FROM (SELECT * FROM capped UNION ALL SELECT * FROM unrouted) u
          ORDER BY due_at
          LIMIT ${limit}::int),
        claimed AS (
          UPDATE messages m
          SET locked_until = ${at} + make_interval(secs => ${config.leaseMs / 1000}), attempts = m.attempts + 1,
              state = 'queued', updated_at = now()
          FROM due
          WHERE m.app_id = due.app_id AND m.id = due.id
          RETURNING m.app_id AS "appId", m.id, m.appointment_id AS "appointmentId", m.trigger, m.channel, m.recipient, m.subject,
                    m.body, m.template, m.attempts, m.resent_after AS "resentAfter",
                    due.locked_until IS NOT NULL AS lost,
                    -- An answer goes within its retries (hours) of the reply it answers, whatever time the provider stamped that with.
                    m.reply_id IS NOT NULL OR EXISTS (SELECT 1 FROM message_replies r
                            WHERE r.app_id = m.app_id AND r.channel = m.channel AND r.sender = m.recipient
                              AND r.received_at > ${at} - interval '24 hours') AS "windowOpen"),
        taken AS (
          UPDATE message_providers p
          SET send_tokens = b.tokens - (SELECT count(*) FROM claimed c WHERE c."appId" = b.app_id AND c.channel = b.channel),
              send_tokens_at = greatest(coalesce(p.send_tokens_at, ${clock}), ${clock})
          FROM buckets b
          WHERE p.app_id = b.app_id AND p.channel = b.channel AND b.rate IS NOT NULL)
        SELECT * FROM claimed`,
  );
}

/** The provider settings (secret opened) of the apps and channels of a batch. */
async function settingsOf(batch: Claimed[]): Promise<Map<string, ChannelSettings>> {
  const wanted = batch.filter((m) => m.channel);
  if (wanted.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select()
    .from(messageProviders)
    .where(
      and(
        eq(messageProviders.enabled, true),
        or(...wanted.map((m) => and(eq(messageProviders.appId, m.appId), eq(messageProviders.channel, m.channel!)))),
      ),
    );
  return new Map(rows.map((p) => [`${p.appId}/${p.channel}`, { ...p.settings, ...providerSecrets(p.secretEncrypted) }]));
}

/** Messages that still make sense once the appointment is cancelled, started or over. */
const AFTER_THE_END: readonly MessageKind[] = ["cancelled", "no-show", "answer"];

type Outcome = SendOutcome | { state: "failed"; reason: string; retry: false };

async function attempt(config: MessageConfig, m: Claimed, adapter: ChannelAdapter | undefined, settings: ChannelSettings | undefined): Promise<Outcome> {
  if (!m.channel || !m.recipient) return { state: "failed", reason: "Aucun canal pour ce client", retry: false };
  if (!adapter) return { state: "failed", reason: `Canal ${m.channel} non disponible sur ce serveur`, retry: false };
  if (!settings) return { state: "failed", reason: `Fournisseur ${m.channel} non configuré pour cette application`, retry: false };
  if (m.lost && !adapter.idempotent) {
    return { state: "unknown", reason: "Réponse du fournisseur perdue : le message est peut-être parti (non renvoyé)" };
  }
  const message: OutgoingMessage = {
    id: m.id,
    channel: m.channel,
    to: m.recipient,
    body: m.body,
    ...(m.subject ? { subject: m.subject } : {}),
    ...(m.template ? { template: m.template } : {}),
    customerWindowOpen: m.windowOpen,
  };
  try {
    return await adapter.send(message, settings, AbortSignal.timeout(config.timeoutMs));
  } catch (err) {
    // A bug or a cut mid-call: the provider may have taken it.
    const reason = `Erreur pendant l'envoi : ${(err as Error).message}`;
    return adapter.idempotent ? { state: "failed", reason, retry: true } : { state: "unknown", reason };
  }
}

async function record(config: MessageConfig, m: Claimed, o: Outcome, now: Date) {
  if (o.state === "sent") return recordSent({ appId: m.appId, id: m.id, attempts: m.attempts, channel: m.channel, providerId: o.providerId, sentAt: now });
  const db = await getDb();
  const ours = and(eq(messages.appId, m.appId), eq(messages.id, m.id), eq(messages.attempts, m.attempts));
  const done = { lockedUntil: null, updatedAt: sql`now()` };
  const delay = o.state === "failed" && o.retry ? config.retryScheduleMs[m.attempts - m.resentAfter - 1] : undefined;
  if (delay === undefined) {
    await db.update(messages).set({ ...done, state: o.state, failureReason: o.reason }).where(ours);
    return;
  }
  // The retry follows the planner's clock rule: out of the quiet hours, and not at all once the appointment has started.
  const retry = await retryTime(m, new Date(now.getTime() + delay));
  const next: { state: MessageState; failureReason: string; dueAt?: Date } = retry.pointless
    ? { state: "cancelled", failureReason: `${o.reason} ; pas de nouvel essai : le rendez-vous a été annulé, commencé ou terminé` }
    : retry.late
      ? { state: "cancelled", failureReason: `${o.reason} ; pas de nouvel essai : le rendez-vous aura commencé` }
      : { state: "queued", failureReason: o.reason, dueAt: retry.at };
  await db.update(messages).set({ ...done, ...next }).where(ours);
}

type Sent = { appId: string; id: string; attempts: number; channel: MessageChannel | null; providerId: string; sentAt: Date };

/**
 * Records sent messages together: those sent while one statement runs go in the next one (one
 * statement for many rather than one each: under load, each round trip of the sender waits its
 * turn behind the API's requests on the event loop and the pool). Each row only if the lease is
 * still this attempt's. A status the provider sent before this (lib/messages/inbound.ts keeps
 * those naming an id not stored yet, for a day) is applied in the same statement, and dropped.
 */
const recordSent = (() => {
  let waiting: { row: Sent; done: () => void; fail: (err: unknown) => void }[] = [];
  let writing = false;
  const drain = async () => {
    writing = true;
    try {
      while (waiting.length > 0) {
        const group = waiting;
        waiting = [];
        try {
          const rows = JSON.stringify(group.map(({ row }) => ({ ...row, sentAt: row.sentAt.toISOString() })));
          await executeRows(
            await getDb(),
            sql`WITH sent AS (
                  UPDATE messages m
                  SET state = coalesce(e.state, 'sent'), provider_id = v."providerId", sent_at = v."sentAt",
                      failure_reason = CASE WHEN e.state = 'failed' THEN e.reason END, locked_until = NULL, updated_at = now()
                  FROM jsonb_to_recordset(${rows}::jsonb) AS v("appId" uuid, id uuid, attempts int, channel text, "providerId" text, "sentAt" timestamptz)
                  LEFT JOIN message_early_statuses e
                    ON e.app_id = v."appId" AND e.channel = v.channel AND e.provider_id = v."providerId" AND e.received_at > v."sentAt" - interval '1 day'
                  WHERE m.app_id = v."appId" AND m.id = v.id AND m.attempts = v.attempts
                  RETURNING m.app_id, m.channel, m.provider_id)
                DELETE FROM message_early_statuses e USING sent
                WHERE e.app_id = sent.app_id AND e.channel = sent.channel AND e.provider_id = sent.provider_id`,
          );
          for (const w of group) w.done();
        } catch (err) {
          for (const w of group) w.fail(err);
        }
      }
    } finally {
      writing = false;
    }
  };
  return (row: Sent) =>
    new Promise<void>((done, fail) => {
      waiting.push({ row, done, fail });
      if (!writing) void drain();
    });
})();

/**
 * When a failed message may go again: out of the quiet hours, not once its appointment has
 * started (late), and not at all when the appointment was cancelled, started or completed
 * meanwhile (pointless: the planner could not cancel it while this sender held it), unless it is
 * the cancellation's own message.
 */
async function retryTime(m: Claimed, at: Date): Promise<{ at: Date; late: boolean; pointless: boolean }> {
  if (!m.appointmentId) return { at, late: false, pointless: false };
  const db = await getDb();
  const [row] = await db
    .select({ timeZone: companies.timezone, start: appointments.date, status: appointments.status })
    .from(appointments)
    .innerJoin(companies, and(eq(companies.appId, appointments.appId), eq(companies.id, appointments.companyId)))
    .where(and(eq(appointments.appId, m.appId), eq(appointments.id, m.appointmentId)));
  if (!row) return { at, late: false, pointless: false };
  // The answer to a reply is about the reply: a "NON" cancelled the appointment it is tied to.
  const pointless = !AFTER_THE_END.includes(m.trigger) && (row.status === "CANCELLED" || row.status === "IN_PROGRESS" || row.status === "COMPLETED");
  return { ...sendingTime(at, row.timeZone, row.start, m.trigger), pointless };
}

/**
 * Sends a claimed batch, each message on its own; answers the outcomes in order. `onSettled` runs
 * once per message when its outcome is recorded (or could not be): its slot is free.
 */
export async function sendClaimed(config: MessageConfig, batch: Claimed[], options: SendOptions & { onSettled?: (m: Claimed) => void } = {}): Promise<Outcome[]> {
  const registry = options.adapters ?? CHANNEL_ADAPTERS;
  let settings: Map<string, ChannelSettings>;
  try {
    settings = await settingsOf(batch);
  } catch (err) {
    for (const m of batch) options.onSettled?.(m);
    throw err;
  }
  return Promise.all(
    batch.map(async (m) => {
      try {
        const outcome = await attempt(config, m, m.channel ? registry[m.channel] : undefined, settings.get(`${m.appId}/${m.channel}`));
        if (outcome.state !== "sent") console.warn(`[messages] ${m.id} (${m.channel ?? "sans canal"}) : ${outcome.state}, ${outcome.reason}`);
        await record(config, m, outcome, options.now ?? new Date());
        return outcome;
      } finally {
        options.onSettled?.(m);
      }
    }),
  );
}

/** Sends everything due at `now` (of one app when given), claim after claim; answers how many were tried. */
export async function sendDue(config: MessageConfig, options: SendOptions = {}): Promise<number> {
  let count = 0;
  for (;;) {
    const claimed = await claimDue(config, config.concurrency, options);
    if (claimed.length === 0) return count;
    await sendClaimed(config, claimed, options);
    count += claimed.length;
  }
}
