// Providers' secrets (API tokens, SMTP passwords, app secrets) sealed with MESSAGES_SECRET_KEY,
// else a key derived from AUTH_SECRET (lib/secret-box.ts). Stored as one sealed JSON object of
// named secrets, opened only to send.
import "server-only";
import { secretBox } from "../secret-box";

const box = secretBox("MESSAGES_SECRET_KEY", "rendez-vous messages");

export function sealSecrets(secrets: Record<string, string>): string {
  return box.encrypt(JSON.stringify(secrets));
}

/** The named secrets, or none when unset or unreadable (the key changed: enter them again). */
export function providerSecrets(stored: string | null): Record<string, string> {
  if (!stored) return {};
  try {
    return JSON.parse(box.decrypt(stored)) as Record<string, string>;
  } catch {
    console.warn("[messages] secret d'un fournisseur illisible (MESSAGES_SECRET_KEY changée ?) : saisissez-le à nouveau");
    return {};
  }
}
