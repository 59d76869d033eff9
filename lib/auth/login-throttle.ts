// Repeated failed sign-ins are slowed down per e-mail, in Postgres so every app instance
// sees the same counts: after MAX_FAILURES failures within WINDOW the address is locked for
// LOCK. A success clears the count. The key is the e-mail, lower-cased, whether or not such a
// user exists, so the answer does not tell which addresses have accounts.
import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginAttempts } from "@/db/schema";

export const MAX_FAILURES = 5;
export const WINDOW_MINUTES = 15;
export const LOCK_MINUTES = 15;

export function throttleKey(email: string): string {
  return `email:${email.trim().toLowerCase()}`;
}

/** When the key is locked, the instant it opens again; otherwise null. */
export async function lockedUntil(key: string): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(eq(loginAttempts.key, key))
    .limit(1);
  const until = row?.lockedUntil ?? null;
  return until && until.getTime() > Date.now() ? until : null;
}

/**
 * Counts one failure in one statement (safe when attempts race): a window older than
 * WINDOW_MINUTES starts again at 1; reaching MAX_FAILURES sets the lock. Returns the lock, if any.
 */
export async function recordFailure(key: string): Promise<Date | null> {
  const db = await getDb();
  const window = sql.raw(`interval '${WINDOW_MINUTES} minutes'`);
  const lock = sql.raw(`interval '${LOCK_MINUTES} minutes'`);
  const expired = sql`${loginAttempts.windowStart} < now() - ${window}`;
  const failures = sql`CASE WHEN ${expired} THEN 1 ELSE ${loginAttempts.failures} + 1 END`;
  const [row] = await db
    .insert(loginAttempts)
    .values({ key, failures: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures,
        windowStart: sql`CASE WHEN ${expired} THEN now() ELSE ${loginAttempts.windowStart} END`,
        lockedUntil: sql`CASE WHEN ${failures} >= ${MAX_FAILURES} THEN now() + ${lock} ELSE ${loginAttempts.lockedUntil} END`,
      },
    })
    .returning({ failures: loginAttempts.failures, lockedUntil: loginAttempts.lockedUntil });
  return row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil : null;
}

export async function clearFailures(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
