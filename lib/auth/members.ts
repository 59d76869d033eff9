// Staff members: checking a password, their memberships, and the Caller a signed-in member
// acts as. Pages and server actions reach this through app/_server/session.ts.
import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db";
import { isUuid } from "../contract/ids";
import { apps, membershipCompanies, memberships, users } from "@/db/schema";
import type { Caller } from "./caller";
import { clearFailures, lockedUntil, recordFailure, throttleKey } from "./login-throttle";
import { hashPassword, verifyPassword } from "./password";
import { ROLE_SCOPES } from "../contract/scopes";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; locale: string; sessionVersion: number }; appId: string }
  | { ok: false; reason: "invalid" | "throttled"; until?: Date };

// Verified against when the e-mail is unknown, so both answers take as long.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an e-mail and password, with throttling. A member with several apps signs in to the
 * first one they joined, then moves between them with the app switcher (see callerForMember).
 * A user with no membership cannot sign in.
 */
export async function verifyCredentials(emailInput: string, password: string): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase();
  const key = throttleKey(email);
  const until = await lockedUntil(key);
  if (until) return { ok: false, reason: "throttled", until };

  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : await verifyPassword(await (dummyHash ??= hashPassword("not-a-real-password")), password).then(() => false);
  const appId = valid && user ? await firstAppOf(user.id) : null;
  if (!user || !valid || !appId) {
    const lock = await recordFailure(key);
    return lock ? { ok: false, reason: "throttled", until: lock } : { ok: false, reason: "invalid" };
  }
  await clearFailures(key);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale, sessionVersion: user.sessionVersion },
    appId,
  };
}

async function firstAppOf(userId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ appId: memberships.appId })
    .from(memberships)
    .innerJoin(apps, eq(apps.id, memberships.appId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.appId))
    .limit(1);
  return row?.appId ?? null;
}

/**
 * The Caller of a member in an app, read fresh from the database on each request, so a
 * removed membership or a changed role applies at once. null when they are no longer a member,
 * or when their session was made before their sessions were ended (`sessionVersion`).
 */
export async function callerForUser(userId: string, appId: string, sessionVersion?: number): Promise<Caller | null> {
  const db = await getDb();
  const [row] = await db
    .select({ role: memberships.role, name: users.name, sessionVersion: users.sessionVersion })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.appId, appId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row || (sessionVersion !== undefined && row.sessionVersion !== sessionVersion)) return null;
  let companyIds: Caller["companyIds"] = "all";
  if (row.role === "staff") {
    const rows = await db
      .select({ companyId: membershipCompanies.companyId })
      .from(membershipCompanies)
      .where(and(eq(membershipCompanies.appId, appId), eq(membershipCompanies.userId, userId)));
    companyIds = rows.map((r) => r.companyId);
  }
  return {
    appId,
    companyIds,
    scopes: ROLE_SCOPES[row.role],
    actor: { type: "user", id: userId, name: row.name },
    role: row.role,
  };
}

/** The apps a user belongs to, first joined first: what the app switcher offers. */
export async function listMemberApps(userId: string) {
  const db = await getDb();
  return db
    .select({ id: apps.id, name: apps.name, role: memberships.role })
    .from(memberships)
    .innerJoin(apps, eq(apps.id, memberships.appId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(memberships.appId));
}

/**
 * The Caller of a member in the first of `preferred` apps they still belong to (the app they
 * chose with the switcher, then the one they signed in to), else in the first app they joined;
 * null when they belong to none. A chosen app is only a wish: the membership decides, on every
 * request, so a forged or stale choice falls back rather than opens another tenant.
 */
export async function callerForMember(
  userId: string,
  preferred: readonly (string | null | undefined)[],
  sessionVersion?: number,
): Promise<Caller | null> {
  const tried = new Set<string>();
  for (const appId of preferred) {
    if (!appId || tried.has(appId) || !isUuid(appId)) continue;
    tried.add(appId);
    const caller = await callerForUser(userId, appId, sessionVersion);
    if (caller) return caller;
  }
  const first = await firstAppOf(userId);
  return first && !tried.has(first) ? callerForUser(userId, first, sessionVersion) : null;
}

/**
 * Ends every open session of a user, on every instance: their session cookies carry the old
 * version and are refused from the next request on.
 */
export async function endSessions(db: Queryable, userId: string): Promise<void> {
  await db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
}
