import type { Locale } from "./locales";

/**
 * Messages of a locale: the core file (`messages/fr.json`) and one file per feature
 * (`messages/fr/<feature>.json`), each holding its own top-level namespaces. Features keep
 * their texts apart so they can grow without touching each other.
 */
export const FEATURES = ["calendar", "overview", "catalog", "settings", "scheduling"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const core = (await import(`../messages/${locale}.json`)).default;
  const parts = await Promise.all(FEATURES.map(async (f) => (await import(`../messages/${locale}/${f}.json`)).default));
  return Object.assign({}, core, ...parts);
}
