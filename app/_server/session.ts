// The signed-in member, resolved once per request for pages, route handlers and server
// actions. The session cookie only names the user and the app they signed in to, and the
// app cookie the app they chose since (the app switcher); role, companies and whether they
// still belong to that app come from the database here, so this is the check (proxy.ts only
// redirects for convenience).
import "server-only";
import { cookies } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { auth } from "@/auth";
import { primaryPosition } from "@/db";
import { type ActionResult, failure } from "@/lib/contract/action-result";
import { fieldErrors } from "@/lib/contract/errors";
import type { Caller } from "@/lib/auth/caller";
import { callerForMember } from "@/lib/auth/members";

/** The app a member of several chose with the switcher (a wish, checked against memberships). */
export const APP_COOKIE = "rdv-app";

export type Member = { caller: Caller; user: { id: string; name: string; email: string } };

/**
 * Read-your-writes in the dashboard when lists are read on a replica: after a member's action,
 * the primary's WAL position (past what the action wrote) rides in this cookie, and their reads
 * go to the replica only once it has replayed that far (db/index.ts, withReadDb). A cookie,
 * so it follows the member to whichever instance takes the next request; short-lived, since a
 * replica in use is never more than a few seconds behind.
 */
export const READ_AFTER_COOKIE = "rdv-read-after";
/**
 * Set for a few seconds by a screen refreshing after a live event (components/live): that
 * event is committed, so the reads must include the primary's state as of now.
 */
export const FRESH_COOKIE = "rdv-fresh";
const READ_AFTER_SECONDS = 60;

/** The member behind this request, or null (not signed in, or no longer a member). */
export const currentMember = cache(async (): Promise<Member | null> => {
  const [session, store] = await Promise.all([auth(), cookies()]);
  const userId = session?.user?.id;
  if (!userId || !session.appId) return null;
  const caller = await callerForMember(userId, [store.get(APP_COOKIE)?.value, session.appId], session.sessionVersion ?? 1);
  if (!caller) return null;
  caller.readAfter = store.get(FRESH_COOKIE) ? () => primaryPosition() : store.get(READ_AFTER_COOKIE)?.value;
  return {
    caller,
    user: { id: userId, name: caller.actor.name, email: session.user.email ?? "" },
  };
});

/** For pages: the member, or a redirect to the sign-in page. */
export async function requireMember(callbackUrl?: string): Promise<Member> {
  const member = await currentMember();
  if (!member) redirect(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  return member;
}

/**
 * A server action that needs a signed-in member and a valid input. Server actions are public
 * endpoints: the input is parsed here, and the domain checks scopes and companies again.
 */
export function memberAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, member: Member) => Promise<T>,
  options: { readOnly?: boolean } = {},
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const member = await currentMember();
    if (!member) return { ok: false, code: "unauthenticated", message: "Session expirée, reconnectez-vous" };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        code: "validation-error",
        message: "Les données envoyées ne sont pas valides",
        fields: fieldErrors(parsed.error.issues),
      };
    }
    try {
      return { ok: true, data: await fn(parsed.data, member) };
    } catch (err) {
      unstable_rethrow(err); // redirect() and notFound() are not failures
      return failure(err);
    } finally {
      // Even after a failure: a bulk change may have done part of its work.
      if (!options.readOnly) await markMemberWrote(member);
    }
  };
}

/** After a member's write: their next reads include it, on whichever instance they land. */
async function markMemberWrote(member: Member): Promise<void> {
  try {
    const position = await primaryPosition();
    if (!position) return;
    member.caller.readAfter = position;
    (await cookies()).set(READ_AFTER_COOKIE, position, { httpOnly: true, sameSite: "lax", path: "/", maxAge: READ_AFTER_SECONDS });
  } catch (err) {
    // The write's answer stands; the primary that cannot answer this cannot serve reads either.
    console.error("[session] read-your-writes mark not set", err);
  }
}
