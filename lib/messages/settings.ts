// A company's message settings (catalog scopes, the caller's companies), and the app's providers
// (the `messages:manage` scope on the whole app: owners and admins among members, keys given it
// and not limited to a company; a secret is never answered after save, only whether it is set).
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db";
import { companies, messageProviders, messageSettings } from "@/db/schema";
import { type Caller, companyScope, requireScope } from "../auth/caller";
import { AppError, validationError } from "../contract/errors";
import { isUuid } from "../contract/ids";
import { applySettings, type CompanyMessageSettings, messageSettingsInput, type MessageSettingsInput, readSettings, settingsChange } from "../contract/message-settings";
import { providerInputSchema, type ProviderInput } from "../contract/message-inputs";
import { ratePerSecond } from "../contract/message-rate";
import { PROVIDER_SECRETS, providerSettingsSchema } from "../contract/message-providers";
import { type MessageChannel, messageChannel } from "../contract/messages";
import { parseInput } from "../contract/parse";
import { webhookConfig } from "../webhooks/config";
import { replanAfterSettings } from "./plan";
import { providerSecrets, sealSecrets } from "./provider-secret";

async function settingsRow(caller: Caller, companyId: string) {
  if (!isUuid(companyId)) throw new AppError("company-not-found");
  const db = await getDb();
  const [row] = await db
    .select({ settings: messageSettings.settings })
    .from(companies)
    .leftJoin(messageSettings, and(eq(messageSettings.appId, companies.appId), eq(messageSettings.companyId, companies.id)))
    .where(and(eq(companies.appId, caller.appId), eq(companies.id, companyId), companyScope(caller, companies.id)));
  if (!row) throw new AppError("company-not-found");
  return readSettings(row.settings);
}

export async function getMessageSettings(caller: Caller, companyId: string): Promise<CompanyMessageSettings> {
  requireScope(caller, "catalog:read");
  return settingsRow(caller, companyId);
}

/**
 * Applies a change (fields left out stay); unknown template variables: validation-error with the
 * field. In the same transaction, the messages already planned follow (`now`: the clock, for
 * tests): a reminder turned on is planned for the company's bookings made before, one whose
 * time changed is re-timed, a trigger turned off has its waiting messages cancelled.
 */
export async function updateMessageSettings(caller: Caller, companyId: string, input: MessageSettingsInput, now: Date = new Date()): Promise<CompanyMessageSettings> {
  requireScope(caller, "catalog:write");
  const change = parseInput(messageSettingsInput, input);
  const current = await settingsRow(caller, companyId);
  const next = applySettings(current, change);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(messageSettings)
      .values({ appId: caller.appId, companyId, settings: next })
      .onConflictDoUpdate({ target: [messageSettings.appId, messageSettings.companyId], set: { settings: next, updatedAt: sql`now()` } });
    await replanAfterSettings(tx, caller.appId, companyId, settingsChange(current, next), now);
  });
  return next;
}

/** Providers are the app's, not a company's: the messages:manage scope, on the whole app. */
function requireProviderManager(caller: Caller) {
  requireScope(caller, "messages:manage");
  if (caller.companyIds !== "all") throw new AppError("not-authorized", "Réservé aux accès couvrant toute l'application", { status: 403 });
}

export type ProviderView = {
  channel: MessageChannel;
  enabled: boolean;
  settings: Record<string, string>;
  secrets: Record<string, boolean>;
  /** The send rate cap in force, messages a second (null: none, the journal's default). */
  ratePerSecond: number | null;
  /** Whether the cap is this provider's own rather than its channel's default. */
  ratePerSecondSet: boolean;
  updatedAt: Date;
};

function view(row: typeof messageProviders.$inferSelect): ProviderView {
  const secrets = Object.fromEntries(Object.keys(providerSecrets(row.secretEncrypted)).map((k) => [k, true]));
  return {
    channel: row.channel,
    enabled: row.enabled,
    settings: row.settings,
    secrets,
    ratePerSecond: ratePerSecond(row.channel, row.ratePerSecond),
    ratePerSecondSet: row.ratePerSecond !== null,
    updatedAt: row.updatedAt,
  };
}

export async function listProviders(caller: Caller): Promise<ProviderView[]> {
  requireProviderManager(caller);
  const db = await getDb();
  const rows = await db.select().from(messageProviders).where(eq(messageProviders.appId, caller.appId)).orderBy(asc(messageProviders.channel));
  return rows.map(view);
}

/**
 * Sets a channel's provider: settings replace the stored ones when sent; secrets merge by name
 * (empty: removed); the rate cap changes when sent (null: back to the channel's default).
 */
export async function setProvider(caller: Caller, channel: string, input: ProviderInput): Promise<ProviderView> {
  requireProviderManager(caller);
  const { channel: ch } = parseInput(z.object({ channel: messageChannel }), { channel });
  const data = parseInput(providerInputSchema(webhookConfig().allowLoopback), input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(messageProviders)
      .where(and(eq(messageProviders.appId, caller.appId), eq(messageProviders.channel, ch)))
      .for("update");
    const secrets = { ...providerSecrets(current?.secretEncrypted ?? null) };
    for (const [k, v] of Object.entries(data.secrets ?? {})) {
      if (v) secrets[k] = v;
      else delete secrets[k];
    }
    const settings = data.settings ?? current?.settings ?? {};
    // The channel's own rules on the whole of it (stored secrets included), each refusal naming its field.
    const whole = providerSettingsSchema(ch, webhookConfig().allowLoopback).safeParse({ ...settings, ...secrets });
    if (!whole.success) {
      const secretNames: readonly string[] = PROVIDER_SECRETS[ch];
      throw validationError(whole.error.issues.map((i) => ({ ...i, path: [secretNames.includes(String(i.path[0])) ? "secrets" : "settings", ...i.path] })));
    }
    const values = {
      enabled: data.enabled ?? current?.enabled ?? true,
      ratePerSecond: data.ratePerSecond === undefined ? (current?.ratePerSecond ?? null) : data.ratePerSecond,
      settings,
      secretEncrypted: Object.keys(secrets).length ? sealSecrets(secrets) : null,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(messageProviders)
      .values({ appId: caller.appId, channel: ch, ...values })
      .onConflictDoUpdate({ target: [messageProviders.appId, messageProviders.channel], set: values })
      .returning();
    return view(row);
  });
}

/**
 * Removes a channel's provider: its settings, rate cap and sealed secrets go with the row. The
 * messages waiting for that channel then fail at their turn as when none was ever set (the
 * sender's "non configuré" path), rather than being cancelled here: their reason says why.
 * An unknown channel, or one with no provider: provider-not-found.
 */
export async function deleteProvider(caller: Caller, channel: string): Promise<ProviderView> {
  requireProviderManager(caller);
  const ch = messageChannel.safeParse(channel);
  if (!ch.success) throw new AppError("provider-not-found");
  const db = await getDb();
  const [row] = await db
    .delete(messageProviders)
    .where(and(eq(messageProviders.appId, caller.appId), eq(messageProviders.channel, ch.data)))
    .returning();
  if (!row) throw new AppError("provider-not-found");
  return view(row);
}
