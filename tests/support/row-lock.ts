// Makes a race happen on the PostgreSQL server whatever the machine's speed: the test holds a
// lock (an appointment's row, or an agent's placement lock) while the writers start, and lets go
// once `waiters` of them are queued behind it (so each has read what it read before writing).
// PGlite runs one statement at a time: server only.
import { type SQL, sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";
import { executeRows, getDb } from "@/db";

export function whileRowLocked<T>(appId: string, id: string, waiters: number, start: () => T): Promise<T> {
  return whileLocked(sql`SELECT pg_backend_pid() AS pid FROM appointments WHERE app_id = ${appId}::uuid AND id = ${id}::uuid FOR UPDATE`, waiters, start);
}

/** Holds the lock bookings and moves onto the agent take first (lib/appointments/agent-lock.ts). */
export function whileAgentLocked<T>(agentId: string, waiters: number, start: () => T): Promise<T> {
  return whileLocked(
    sql`SELECT pg_backend_pid() AS pid FROM (SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.agentPlacement}::int, hashtext(${agentId}::text))) l`,
    waiters,
    start,
  );
}

async function whileLocked<T>(take: SQL, waiters: number, start: () => T): Promise<T> {
  const db = await getDb();
  let started: T | undefined;
  await db.transaction(async (tx) => {
    const [me] = await executeRows<{ pid: number }>(tx, take);
    started = start();
    // A writer that fails before the lock is let go is the caller's to see when it awaits them.
    for (const p of [started].flat()) if (p instanceof Promise) p.catch(() => {});
    for (let i = 0; ; i++) {
      const [row] = await executeRows<{ n: number }>(
        db,
        // Waiters after the first queue behind it (the tuple lock), not behind the holder.
        sql`WITH RECURSIVE w(pid) AS (
              SELECT pid FROM pg_stat_activity WHERE ${me.pid}::int = ANY(pg_blocking_pids(pid))
              UNION SELECT a.pid FROM pg_stat_activity a JOIN w ON w.pid = ANY(pg_blocking_pids(a.pid))
            ) SELECT count(*)::int AS n FROM w`,
      );
      if (Number(row.n) >= waiters) break;
      if (i > 600) throw new Error(`fewer than ${waiters} writers queued on the lock after a minute`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  return started as T;
}
