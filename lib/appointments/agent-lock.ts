import "server-only";
import { type Placeholder, type SQL, sql } from "drizzle-orm";
import { ADVISORY_LOCKS } from "@/db/advisory-locks";

// Two writes placing appointments on one agent at once (bookings, moves into one slot) would
// each write their row, check the exclusion constraint, find the other's uncommitted row and
// wait on it: a deadlock, found only after deadlock_timeout (1 s), then retried. Taken first, a
// lock per agent (held to the end of the transaction) queues them instead: the second meets the
// first's committed row and answers agent-unavailable at once. Agents that hash alike only queue.

/**
 * The CTE `agent_lock` that takes the agent's lock, to put first in a write's WITH (and to
 * reference, so that the lock is taken before the row is written); nothing without an agent,
 * whom no constraint concerns.
 */
export function agentLockCte(agentId: string | Placeholder | null): SQL | null {
  if (agentId === null) return null;
  return sql`agent_lock AS (SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.agentPlacement}::int, hashtext(${agentId}::text)) AS locked)`;
}

/**
 * The same lock, for a write that does not know the agent before reading the appointment (a
 * no-show taken back: its row becomes active again on its agent). Without an agent the lock
 * function is not called (NULL key); without such an appointment the CTE is empty.
 */
export function appointmentAgentLockCte(appId: string, id: string): SQL {
  return sql`agent_lock AS (
    SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.agentPlacement}::int, hashtext(agent_id::text)) AS locked
    FROM appointments WHERE app_id = ${appId}::uuid AND id = ${id}::uuid)`;
}
