"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/app/_server/session";
import type { ProviderInput } from "@/lib/contract/message-inputs";
import type { MessageSettingsInput } from "@/lib/contract/message-settings";
import { deleteProvider, setProvider, updateMessageSettings } from "@/lib/messages";

// Thin: the domain checks the caller (catalog:write for a company's messages, owners and admins
// for the app's providers), parses the values and answers field errors; here only the envelope.
const values = z.record(z.string(), z.unknown());

function refresh() {
  revalidatePath("/c/[company]/settings/messages", "layout");
}

/** A company's triggers, reminder times, texts and WhatsApp templates. */
export const saveMessageSettingsAction = memberAction(z.object({ companyId: z.string().max(100), values }), async ({ companyId, values }, { caller }) => {
  const saved = await updateMessageSettings(caller, companyId, values as MessageSettingsInput);
  refresh();
  return saved;
});

/** A channel's provider for the whole app: its secrets are never answered, only whether each is set. */
export const setMessageProviderAction = memberAction(z.object({ channel: z.string().max(20), values }), async ({ channel, values }, { caller }) => {
  const v = await setProvider(caller, channel, values as ProviderInput);
  refresh();
  return { channel: v.channel, enabled: v.enabled, secrets: v.secrets };
});

/** Removes a channel's provider and its sealed secrets; its waiting messages then fail as with none set. */
export const deleteMessageProviderAction = memberAction(z.object({ channel: z.string().max(20) }), async ({ channel }, { caller }) => {
  const v = await deleteProvider(caller, channel);
  refresh();
  return { channel: v.channel };
});
