export { createWebhook, deleteWebhook, editWebhook, getWebhook, listWebhooks, rotateWebhookSecret } from "./endpoints";
export { listDeliveries, listDeliveryPage, retryDelivery, sendTestEvent } from "./deliveries";
export { startWebhookWorker, stopWebhookWorker } from "./background";
