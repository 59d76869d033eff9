"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, revokeApiKey, type ApiKeyInput } from "@/lib/auth/api-keys";
import { memberAction } from "@/app/_server/session";
import { addMember, editMember, removeMember, setMemberPassword, type MemberEdit, type MemberInput } from "@/lib/auth/team";
import { createCompany, editCompany } from "@/lib/catalog";
import type { CompanyEdit, CompanyInput } from "@/lib/contract/catalog-inputs";

// Thin: the domain checks the caller (owners and admins), parses the values and answers field
// errors; here only the envelope is checked.
const values = z.record(z.string(), z.unknown());
const id = z.string().max(100);

/** Company names and slugs show in every page's header (the company switcher). */
function refreshAll() {
  revalidatePath("/c/[company]", "layout");
}

function refreshSettings() {
  revalidatePath("/c/[company]/settings", "layout");
}

export const createCompanyAction = memberAction(z.object({ values }), async ({ values }, { caller }) => {
  const row = await createCompany(caller, values as CompanyInput);
  refreshAll();
  return { id: row.id, name: row.name, slug: row.slug };
});

export const editCompanyAction = memberAction(z.object({ id, values }), async ({ id, values }, { caller }) => {
  const row = await editCompany(caller, id, values as CompanyEdit);
  refreshAll();
  return { id: row.id, name: row.name, slug: row.slug };
});

export const setDefaultCompanyAction = memberAction(z.object({ id }), async ({ id }, { caller }) => {
  const row = await editCompany(caller, id, { isDefault: true });
  refreshAll();
  return { id: row.id, name: row.name };
});

export const addMemberAction = memberAction(z.object({ values }), async ({ values }, { caller }) => {
  const row = await addMember(caller, values as MemberInput);
  refreshSettings();
  return { userId: row.userId, name: row.name, email: row.email };
});

export const editMemberAction = memberAction(z.object({ userId: id, values }), async ({ userId, values }, { caller }) => {
  const row = await editMember(caller, userId, values as MemberEdit);
  refreshAll();
  return { userId: row.userId, name: row.name };
});

export const removeMemberAction = memberAction(z.object({ userId: id }), async ({ userId }, { caller }) => {
  await removeMember(caller, userId);
  refreshAll();
  return { userId };
});

/** A new password for a member (never answered back): their open sessions end with it. */
export const resetMemberPasswordAction = memberAction(
  z.object({ userId: id, password: z.string().max(200) }),
  async ({ userId, password }, { caller }) => {
    await setMemberPassword(caller, userId, password);
    refreshSettings();
    return { userId };
  },
);

/** The key is in this answer only: it is never stored, never shown again. */
export const createApiKeyAction = memberAction(z.object({ values }), async ({ values }, { caller }) => {
  const { key, apiKey } = await createApiKey(caller, values as ApiKeyInput);
  refreshSettings();
  return { key, id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix };
});

export const revokeApiKeyAction = memberAction(z.object({ id }), async ({ id }, { caller }) => {
  const row = await revokeApiKey(caller, id);
  refreshSettings();
  return { id: row.id, name: row.name };
});
