// Endpoint secrets: `whsec_` + base64 of 24 random bytes (the Standard Webhooks form), kept
// sealed (lib/secret-box.ts) with WEBHOOK_SECRET_KEY, else a key derived from AUTH_SECRET.
// Changing the key makes the stored secrets unreadable: rotate every endpoint's secret after.
import "server-only";
import { randomBytes } from "node:crypto";
import { secretBox } from "../secret-box";

export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

const box = secretBox("WEBHOOK_SECRET_KEY", "rendez-vous webhooks");
export const encryptSecret = box.encrypt;
export const decryptSecret = box.decrypt;
