"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { listMemberApps } from "@/lib/auth/members";
import { APP_COOKIE, currentMember, memberAction } from "@/app/_server/session";
import { changeOwnPassword, ownPasswordInput } from "@/lib/auth/team";
import { isUuid } from "@/lib/contract/ids";

export async function signOutAction(): Promise<void> {
  (await cookies()).delete(APP_COOKIE);
  await signOut({ redirectTo: "/login" });
}

/**
 * A member of several apps moves to another one: the choice is kept in a cookie, and only
 * for an app they belong to (every request checks it again, app/_server/session.ts). Then the
 * home page opens that app's default company.
 */
export async function switchAppAction(appId: string): Promise<void> {
  const member = await currentMember();
  if (!member) redirect("/login");
  if (!isUuid(appId) || !(await listMemberApps(member.user.id)).some((a) => a.id === appId)) return;
  (await cookies()).set(APP_COOKIE, appId, { path: "/", httpOnly: true, sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  redirect("/");
}

/** The signed-in member's own password; their sessions end with it (they sign in again). */
export const changePasswordAction = memberAction(ownPasswordInput, async (input, member) => {
  await changeOwnPassword(member.user.id, input);
});
