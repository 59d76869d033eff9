// Whether the database answers. A request that met it unreachable reports it; from then on a
// probe asks every second until it answers again, and the production server answers pages
// with a French "try again" page meanwhile instead of letting each one fail. The readiness
// route asks here too.
import "server-only";
import { sql } from "drizzle-orm";
import { detached, getDb } from "./index";

const PROBE_EVERY_MS = 1000;

declare global {
  // On globalThis: the production server's own modules and Next's bundle of the same files are
  // two module instances in one process; they must agree.
  var __rendezvousDbState: { down: boolean; probe?: ReturnType<typeof setInterval> } | undefined;
}
const state = (globalThis.__rendezvousDbState ??= { down: false });

export function databaseDown(): boolean {
  return state.down;
}

export function reportDatabaseDown(): void {
  if (state.down) return;
  state.down = true;
  console.error("[db] base de données injoignable : nouvelle tentative chaque seconde");
  state.probe ??= setInterval(() => void databaseReady(), PROBE_EVERY_MS);
  state.probe.unref?.();
}

/** Asks the database for `select 1`, within a bound; records the answer. */
export async function databaseReady(timeoutMs = 1500): Promise<boolean> {
  const ok = await detached(async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const db = await getDb();
      await Promise.race([
        db.execute(sql`select 1`),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs))),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  });
  if (ok && state.down) {
    state.down = false;
    clearInterval(state.probe);
    state.probe = undefined;
    console.log("[db] base de données de nouveau joignable");
  } else if (!ok) reportDatabaseDown();
  return ok;
}
