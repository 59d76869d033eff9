// Webhook delivery, the same on PostgreSQL and on the embedded PGlite: the database is the queue.
//
// 1. Fan-out (`dispatchOnce`): the settled events after the dispatcher's place (followed as
//    lib/appointments/follow.ts does: one dispatcher at a time, never skipping a late commit)
//    become one delivery row per matching endpoint (unique per event and endpoint: a repeat
//    inserts nothing), and the place moves on, in one transaction.
// 2. Claim (`claimDue`): due deliveries are leased with `FOR UPDATE SKIP LOCKED`: two instances
//    never take the same row, and a delivery whose appointment has an earlier event still pending
//    for that endpoint waits for it (order per appointment; other appointments and endpoints go
//    on in parallel). The lease (`locked_until`) outlives the request's timeout, so no one sends
//    the same delivery while it is in flight; a worker killed mid-delivery leaves the row to be
//    claimed again when the lease ends: delivered after restart, at least once.
// 3. Attempt (`deliverClaimed`): the URL's address checked again, the body signed (Standard
//    Webhooks), one POST (lib/webhooks/send.ts); the outcome recorded if the lease is still ours:
//    delivered, or retried on the schedule, then failed. An endpoint failing for days is disabled.
// The process's loop that runs these is lib/webhooks/background.ts.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { executeRows, getDb } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { toEvent } from "../appointments/events";
import { followFeed } from "../appointments/follow";
import { checkUrlAddress } from "./address";
import { type WebhookConfig, webhookConfig } from "./config";
import { decryptSecret } from "./secret";
import { type Attempt, postOnce } from "./send";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";

const DISPATCH_LOCK = ADVISORY_LOCKS.webhookDispatch;
/** Events read per dispatch: a full batch means more may be waiting. */
export const DISPATCH_BATCH = 500;

/** The `webhook-id` of an event for an endpoint: the same on every attempt. */
export function webhookIdOf(eventId: number, endpointId: string): string {
  return `msg_${eventId}_${endpointId.replaceAll("-", "")}`;
}

export function matches(endpoint: { types: string[]; companyId: string | null }, event: { type: string; companyId: string }): boolean {
  return (endpoint.types.includes("*") || endpoint.types.includes(event.type)) && (!endpoint.companyId || endpoint.companyId === event.companyId);
}

/** Fans one batch of settled events out to the endpoints that want them; answers how many events were read. */
export function dispatchOnce(): Promise<number> {
  return followFeed({ table: "webhook_dispatch", lock: DISPATCH_LOCK, batch: DISPATCH_BATCH }, async (tx, events) => {
    const appIds = [...new Set(events.map((e) => e.appId))];
    const endpoints = await tx
      .select({ appId: webhookEndpoints.appId, id: webhookEndpoints.id, types: webhookEndpoints.types, companyId: webhookEndpoints.companyId, createdAt: webhookEndpoints.createdAt })
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.appId, appIds), eq(webhookEndpoints.enabled, true)));
    const rows: (typeof webhookDeliveries.$inferInsert)[] = [];
    for (const e of events) {
      if (!e.published) continue;
      for (const ep of endpoints) {
        // An endpoint receives the events that happen after it was added.
        if (ep.appId !== e.appId || ep.createdAt > e.at || !matches(ep, e)) continue;
        const event = toEvent(e);
        rows.push({
          appId: e.appId,
          endpointId: ep.id,
          eventId: e.id,
          eventType: e.type,
          appointmentId: e.appointmentId,
          webhookId: webhookIdOf(e.id, ep.id),
          payload: { type: e.type, timestamp: event.occurredAt, data: event },
        });
      }
    }
    for (let i = 0; i < rows.length; i += 200) {
      await tx.insert(webhookDeliveries).values(rows.slice(i, i + 200)).onConflictDoNothing();
    }
  });
}

export type Claimed = {
  appId: string;
  id: string;
  endpointId: string;
  webhookId: string;
  payload: Record<string, unknown>;
  attempt: number;
  url: string;
  secretEncrypted: string;
};

/**
 * Leases up to `limit` due deliveries (of one app when given: the domain tests) and answers
 * them with their endpoint's URL and secret.
 */
export async function claimDue(config: WebhookConfig, limit: number, options: { appId?: string; skipEndpoints?: string[] } = {}): Promise<Claimed[]> {
  const db = await getDb();
  const appFilter = options.appId ? sql`AND d.app_id = ${options.appId}::uuid` : sql``;
  // Endpoints this process already has enough deliveries in flight for (a slow receiver).
  const skip = options.skipEndpoints?.length ? sql`AND NOT (d.endpoint_id = ANY(${sql.param(options.skipEndpoints)}::uuid[]))` : sql``;
  return executeRows<Claimed>(
    db,
    sql`WITH due AS (
          SELECT d.app_id, d.id FROM webhook_deliveries d
          JOIN webhook_endpoints e ON e.app_id = d.app_id AND e.id = d.endpoint_id AND e.enabled
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()
            AND (d.locked_until IS NULL OR d.locked_until < now()) ${appFilter} ${skip}
            AND NOT EXISTS (
              SELECT 1 FROM webhook_deliveries p
              WHERE p.app_id = d.app_id AND p.endpoint_id = d.endpoint_id AND p.appointment_id = d.appointment_id
                AND p.status = 'pending' AND p.event_id < d.event_id)
          -- In the due index's order only, so the scan stops after \`limit\` rows: with thousands
          -- pending, a claim must not weigh them all (order within an appointment is the NOT EXISTS's).
          ORDER BY d.next_attempt_at
          LIMIT ${limit}
          FOR UPDATE OF d SKIP LOCKED)
        UPDATE webhook_deliveries w
        SET locked_until = now() + make_interval(secs => ${Math.max(config.leaseMs, config.timeoutMs + 5000) / 1000}),
            attempt = w.attempt + 1, last_attempt_at = now()
        FROM due, webhook_endpoints e
        WHERE w.app_id = due.app_id AND w.id = due.id AND e.app_id = w.app_id AND e.id = w.endpoint_id
        RETURNING w.app_id AS "appId", w.id, w.endpoint_id AS "endpointId", w.webhook_id AS "webhookId", w.payload,
                  w.attempt, e.url, e.secret_encrypted AS "secretEncrypted"`,
  );
}

/** One attempt of a claimed delivery, and its outcome recorded. */
export async function deliverClaimed(config: WebhookConfig, d: Claimed): Promise<Attempt> {
  const outcome = await attempt(config, d);
  if (!outcome.ok) console.warn(`[webhooks] ${d.webhookId} → ${d.url} : tentative ${d.attempt} en échec (${outcome.error})`);
  await record(config, d, outcome);
  return outcome;
}

async function attempt(config: WebhookConfig, d: Claimed): Promise<Attempt> {
  let url: URL;
  try {
    url = new URL(d.url);
  } catch {
    return { ok: false, httpStatus: null, latencyMs: 0, response: null, error: "Adresse invalide" };
  }
  const verdict = await checkUrlAddress(url, config.allowLoopback);
  if (!verdict.ok) return { ok: false, httpStatus: null, latencyMs: 0, response: null, error: verdict.reason };
  let signature: string;
  const body = JSON.stringify(d.payload);
  const now = new Date();
  try {
    signature = new Webhook(decryptSecret(d.secretEncrypted)).sign(d.webhookId, now, body);
  } catch {
    return { ok: false, httpStatus: null, latencyMs: 0, response: null, error: "Secret illisible (WEBHOOK_SECRET_KEY changée ?) : régénérez-le" };
  }
  return postOnce(
    url,
    verdict,
    { "webhook-id": d.webhookId, "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": signature },
    body,
    config.timeoutMs,
  );
}

async function record(config: WebhookConfig, d: Claimed, a: Attempt) {
  const db = await getDb();
  const ours = and(
    eq(webhookDeliveries.appId, d.appId),
    eq(webhookDeliveries.id, d.id),
    eq(webhookDeliveries.attempt, d.attempt),
  );
  const result = { httpStatus: a.httpStatus, latencyMs: a.latencyMs, response: a.response, error: a.error, lockedUntil: null };
  const endpoint = and(eq(webhookEndpoints.appId, d.appId), eq(webhookEndpoints.id, d.endpointId));
  if (a.ok) {
    await db.update(webhookDeliveries).set({ ...result, status: "delivered", deliveredAt: sql`now()` }).where(ours);
    await db.update(webhookEndpoints).set({ failingSince: null }).where(and(endpoint, sql`${webhookEndpoints.failingSince} IS NOT NULL`));
    return;
  }
  const delay = config.retryScheduleMs[d.attempt - 1];
  await db
    .update(webhookDeliveries)
    .set(
      delay === undefined
        ? { ...result, status: "failed" }
        : { ...result, status: "pending", nextAttemptAt: sql`now() + make_interval(secs => ${delay / 1000})` },
    )
    .where(ours);
  // Failing since when; past the limit, the endpoint is turned off with the reason shown.
  const disableAfter = sql`make_interval(secs => ${config.disableAfterMs / 1000})`;
  await db
    .update(webhookEndpoints)
    .set({
      failingSince: sql`coalesce(${webhookEndpoints.failingSince}, now())`,
      enabled: sql`NOT coalesce(${webhookEndpoints.failingSince} <= now() - ${disableAfter}, false)`,
      disabledReason: sql`CASE WHEN ${webhookEndpoints.failingSince} <= now() - ${disableAfter}
        THEN 'Désactivé automatiquement : aucun envoi réussi depuis le ' || to_char(${webhookEndpoints.failingSince} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC (dernière erreur : ' || ${a.error ?? "inconnue"}::text || ')'
        ELSE ${webhookEndpoints.disabledReason} END`,
    })
    .where(and(endpoint, eq(webhookEndpoints.enabled, true)));
}

/**
 * Delivers everything due now (of one app when given), claim after claim, until nothing is due:
 * for the domain tests and the benchmark. Answers how many attempts were made.
 */
export async function deliverDue(config: WebhookConfig = webhookConfig(), options: { appId?: string } = {}): Promise<number> {
  let count = 0;
  for (;;) {
    const claimed = await claimDue(config, config.concurrency, options);
    if (claimed.length === 0) return count;
    await Promise.all(claimed.map((d) => deliverClaimed(config, d)));
    count += claimed.length;
  }
}

/** A test delivery for one endpoint (no event behind it), due now. */
export function testPayload(endpointId: string) {
  const timestamp = new Date().toISOString();
  return {
    webhookId: `msg_test_${randomUUID().replaceAll("-", "")}`,
    payload: {
      type: "webhook.test",
      timestamp,
      data: { endpointId, message: "Événement de test envoyé depuis Rendez-vous" },
    },
  };
}
