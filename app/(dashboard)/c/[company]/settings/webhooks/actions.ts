"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/app/_server/session";
import type { WebhookEdit, WebhookInput } from "@/lib/contract/webhooks";
import {
  createWebhook,
  deleteWebhook,
  editWebhook,
  listDeliveryPage,
  retryDelivery,
  rotateWebhookSecret,
  sendTestEvent,
} from "@/lib/webhooks";

// Thin: the domain checks the caller (the webhooks:manage scope: owners and admins), parses the
// values and answers field errors; here only the envelope is checked.
const values = z.record(z.string(), z.unknown());
const id = z.string().max(100);

function refresh() {
  revalidatePath("/c/[company]/settings/webhooks", "page");
}

/** The secret is in this answer only: it is kept encrypted and never shown again. */
export const createWebhookAction = memberAction(z.object({ values }), async ({ values }, { caller }) => {
  const { endpoint, secret } = await createWebhook(caller, values as WebhookInput);
  refresh();
  return { id: endpoint.id, url: endpoint.url, secret };
});

export const editWebhookAction = memberAction(z.object({ id, values }), async ({ id, values }, { caller }) => {
  const row = await editWebhook(caller, id, values as WebhookEdit);
  refresh();
  return { id: row.id, url: row.url, enabled: row.enabled };
});

export const deleteWebhookAction = memberAction(z.object({ id }), async ({ id }, { caller }) => {
  const row = await deleteWebhook(caller, id);
  refresh();
  return { id: row.id };
});

export const rotateWebhookSecretAction = memberAction(z.object({ id }), async ({ id }, { caller }) => {
  const { endpoint, secret } = await rotateWebhookSecret(caller, id);
  return { id: endpoint.id, url: endpoint.url, secret };
});

export const testWebhookAction = memberAction(z.object({ id }), async ({ id }, { caller }) => {
  const d = await sendTestEvent(caller, id);
  return { id: d.id };
});

/** A page of an endpoint's delivery log, newest first; `cursor` reads the older ones. */
export const webhookDeliveriesAction = memberAction(
  z.object({ id, cursor: z.string().max(500).optional() }),
  async ({ id, cursor }, { caller }) => listDeliveryPage(caller, id, { limit: 50, cursor }),
  { readOnly: true },
);

export const retryWebhookDeliveryAction = memberAction(z.object({ id, deliveryId: id }), async ({ id, deliveryId }, { caller }) => {
  const d = await retryDelivery(caller, id, deliveryId);
  return { id: d.id };
});
