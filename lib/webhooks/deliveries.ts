// An endpoint's delivery log, a resend of any delivery, a test event.
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import type { Caller } from "../auth/caller";
import { AppError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { decodeCursor, invalidCursor, pageOf } from "../contract/pagination";
import { parseInput } from "../contract/parse";
import { type ListDeliveriesInput, listDeliveriesInput, WEBHOOK_TEST_TYPE, type WebhookDelivery } from "../contract/webhooks";
import { getWebhook } from "./endpoints";
import { wakeWebhookWorker } from "./background";
import { testPayload } from "./worker";

const deliveryColumns = {
  id: webhookDeliveries.id,
  webhookId: webhookDeliveries.webhookId,
  endpointId: webhookDeliveries.endpointId,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  appointmentId: webhookDeliveries.appointmentId,
  status: webhookDeliveries.status,
  attempt: webhookDeliveries.attempt,
  httpStatus: webhookDeliveries.httpStatus,
  latencyMs: webhookDeliveries.latencyMs,
  response: webhookDeliveries.response,
  error: webhookDeliveries.error,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  createdAt: webhookDeliveries.createdAt,
  lastAttemptAt: webhookDeliveries.lastAttemptAt,
};

type DeliveryRow = { [K in keyof typeof deliveryColumns]: (typeof webhookDeliveries.$inferSelect)[K] };

function toDelivery(r: DeliveryRow): WebhookDelivery {
  return {
    ...r,
    eventId: r.eventId === null ? null : String(r.eventId),
    nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    lastAttemptAt: r.lastAttemptAt?.toISOString() ?? null,
  };
}

// Deliveries of one fan-out can share their creation time (a coarse clock: the embedded
// database's): the event's order then decides, not the random id.
const eventOrder = sql`coalesce(${webhookDeliveries.eventId}, 0)`;

/**
 * The endpoint's deliveries, newest first, a page at a time: `nextCursor` reads the older ones.
 * The cursor names the last delivery shown; the next page starts after its (created_at, event, id)
 * as the database holds them (microseconds, which a JavaScript date would round).
 */
export async function listDeliveryPage(
  caller: Caller,
  endpointId: string,
  input: ListDeliveriesInput = {},
): Promise<{ data: WebhookDelivery[]; nextCursor: string | null }> {
  const { limit, cursor } = parseInput(listDeliveriesInput, input);
  const after = cursor === undefined ? undefined : decodeCursor(cursor, 1)[0];
  if (after !== undefined && !isUuid(after)) throw invalidCursor();
  const endpoint = await getWebhook(caller, endpointId);
  const db = await getDb();
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.appId, caller.appId),
        eq(webhookDeliveries.endpointId, endpoint.id),
        after === undefined
          ? undefined
          : sql`(${webhookDeliveries.createdAt}, ${eventOrder}, ${webhookDeliveries.id}) < (SELECT d.created_at, coalesce(d.event_id, 0), d.id FROM webhook_deliveries d
                 WHERE d.app_id = ${caller.appId}::uuid AND d.endpoint_id = ${endpoint.id}::uuid AND d.id = ${after}::uuid)`,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(eventOrder), desc(webhookDeliveries.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => [r.id]);
  return { data: page.data.map(toDelivery), nextCursor: page.nextCursor };
}

/** The endpoint's latest deliveries (the first page), newest first. */
export async function listDeliveries(caller: Caller, endpointId: string, input: ListDeliveriesInput = {}): Promise<WebhookDelivery[]> {
  return (await listDeliveryPage(caller, endpointId, input)).data;
}

/**
 * Sends a delivery again, whatever became of it, with the same `webhook-id` (the receiver
 * de-duplicates): it is due now and gets one more attempt (retries follow if it fails
 * before the schedule ran out).
 */
export async function retryDelivery(caller: Caller, endpointId: string, deliveryId: string): Promise<WebhookDelivery> {
  const endpoint = await getWebhook(caller, endpointId);
  if (!isUuid(deliveryId)) throw new AppError("delivery-not-found");
  const db = await getDb();
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: sql`now()` })
    .where(and(eq(webhookDeliveries.appId, caller.appId), eq(webhookDeliveries.endpointId, endpoint.id), eq(webhookDeliveries.id, deliveryId)))
    .returning(deliveryColumns);
  if (!row) throw new AppError("delivery-not-found");
  wakeWebhookWorker();
  return toDelivery(row);
}

/** Queues a `webhook.test` event for the endpoint (a disabled endpoint gets it once enabled again). */
export async function sendTestEvent(caller: Caller, endpointId: string): Promise<WebhookDelivery> {
  const endpoint = await getWebhook(caller, endpointId);
  const { webhookId, payload } = testPayload(endpoint.id);
  const db = await getDb();
  const [row] = await db
    .insert(webhookDeliveries)
    .values({ appId: caller.appId, endpointId: endpoint.id, eventType: WEBHOOK_TEST_TYPE, webhookId, payload })
    .returning(deliveryColumns);
  wakeWebhookWorker();
  return toDelivery(row);
}
