export { createWebhook, deleteWebhook, editWebhook, getWebhook, listWebhooks, rotateWebhookSecret } from "./endpoints";
export { listDeliveries, retryDelivery, sendTestEvent } from "./deliveries";
export { startWebhookWorker, stopWebhookWorker } from "./background";
