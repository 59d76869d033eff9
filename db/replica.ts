// Whether the streaming replica (DATABASE_REPLICA_URL) may serve a read now. Checked about once a
// second by a probe, never per request:
// - it must be a replica (pg_is_in_recovery()) and answer;
// - its lag, at most `maxLagMs`. The lag is how far behind the primary's present the replica's
//   replayed data is: nothing when it has replayed the primary's WAL position read just before
//   (pg_current_wal_lsn() ≤ pg_last_wal_replay_lsn()); otherwise the smaller of two bounds, the
//   age of the newest earlier position it has passed, and the primary's clock minus the time of
//   the last transaction it replayed (a time the primary stamped, so no two clocks are mixed).
//   Between checks the lag is taken to grow with the time since the check, so a replica that
//   stopped replaying is dropped as soon as the bound could be passed, not a check later;
// - for a caller who wrote recently, it must have replayed the primary's position taken after
//   that write (read-your-writes; see withReadDb in ./index.ts).
import type postgres from "postgres";

export type ReplicaHealth = "unknown" | "ready" | "lagging" | "down" | "not-a-replica";

export type ReplicaState = {
  health: ReplicaHealth;
  /** The lag at the last check, in ms (Infinity when more than the samples kept tell). */
  lagMs: number;
  /** The replica's replayed WAL position at the last check. */
  replayed: bigint | null;
  /** When the last check read the primary (the monitor's clock). */
  checkedAt: number;
  /** Why it is not used, when it is not. */
  reason?: string;
};

export type ReplicaOptions = {
  maxLagMs: number;
  checkEveryMs: number;
  /** The clock (ms); tests inject one. */
  now?: () => number;
  log?: (message: string) => void;
};

type Probe = postgres.Sql;
type Sample = { at: number; lsn: bigint };

/** A WAL position as PostgreSQL prints it ("16/B374D848"), as a number; null if malformed. */
export function parseLsn(text: string | null | undefined): bigint | null {
  if (!text) return null;
  const m = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : null;
}

export class ReplicaMonitor {
  private state: ReplicaState = { health: "unknown", lagMs: Infinity, replayed: null, checkedAt: -Infinity };
  private samples: Sample[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private checking: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly primary: Probe,
    private readonly replica: Probe,
    private readonly options: ReplicaOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((m) => console.log(m));
  }

  get current(): ReplicaState {
    return { ...this.state };
  }

  /** Checks about every `checkEveryMs` from now on (never keeps the process alive). */
  start(): void {
    this.timer ??= setInterval(() => void this.check(), this.options.checkEveryMs);
    this.timer.unref?.();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One check (a check still running is waited for rather than doubled). */
  check(): Promise<void> {
    this.checking ??= this.measure().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /**
   * Whether a read may go to the replica now; `after` is the primary's WAL position the read
   * must see (the caller's last write), if any.
   */
  usable(after: bigint | null = null): boolean {
    const s = this.state;
    if (s.health !== "ready") return false;
    if (s.lagMs + (this.now() - s.checkedAt) > this.options.maxLagMs) return false;
    return after === null || (s.replayed !== null && s.replayed >= after);
  }

  /** A read on the replica failed for a reason of the replica's: leave it until a check finds it back. */
  reportFailure(err: unknown): void {
    this.set({ ...this.state, health: "down", reason: describe(err) });
  }

  private async measure(): Promise<void> {
    const at = this.now();
    const limit = Math.max(this.options.checkEveryMs, 1000);
    let primaryLsn: bigint;
    let primaryMs: number;
    try {
      const [row] = await within(
        this.primary`select pg_current_wal_lsn()::text as lsn, (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`,
        limit,
      );
      primaryLsn = parseLsn(row.lsn as string)!;
      primaryMs = Number(row.ms);
    } catch (err) {
      // Without the primary's position the lag is unknown; reads go to the primary (which is
      // what fails then, and says so).
      this.set({ health: "unknown", lagMs: Infinity, replayed: this.state.replayed, checkedAt: at, reason: `primaire injoignable (${describe(err)})` });
      return;
    }
    let row: postgres.Row;
    try {
      [row] = await within(
        this.replica`select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replayed,
                            (extract(epoch from pg_last_xact_replay_timestamp()) * 1000)::float8 as replayed_ms`,
        limit,
      );
    } catch (err) {
      this.set({ health: "down", lagMs: Infinity, replayed: null, checkedAt: at, reason: describe(err) });
      return;
    }
    if (!row.recovery) {
      this.set({ health: "not-a-replica", lagMs: Infinity, replayed: null, checkedAt: at, reason: "pg_is_in_recovery() = false" });
      return;
    }
    const replayed = parseLsn(row.replayed as string | null);
    this.samples.push({ at, lsn: primaryLsn });
    // Enough history to tell any lag up to the bound (and a little more).
    const keepFrom = at - this.options.maxLagMs - 2 * this.options.checkEveryMs;
    while (this.samples.length > 1 && this.samples[0].at < keepFrom) this.samples.shift();
    let lagMs = Infinity;
    if (replayed !== null && replayed >= primaryLsn) lagMs = 0;
    else if (replayed !== null) {
      const passed = this.samples.findLast((s) => s.lsn <= replayed);
      if (passed) lagMs = at - passed.at;
      if (row.replayed_ms !== null) lagMs = Math.min(lagMs, Math.max(0, primaryMs - Number(row.replayed_ms)));
    }
    const health = lagMs <= this.options.maxLagMs ? "ready" : "lagging";
    const reason = health === "lagging" ? `retard ${Number.isFinite(lagMs) ? `de ${(lagMs / 1000).toFixed(1)} s` : "inconnu"} > ${this.options.maxLagMs / 1000} s` : undefined;
    this.set({ health, lagMs, replayed, checkedAt: at, reason });
  }

  /** Records a check; a change of health is logged once. */
  private set(next: ReplicaState): void {
    const before = this.state.health;
    this.state = next;
    if (next.health === before) return;
    const messages: Record<ReplicaHealth, string> = {
      unknown: `[db] réplique : retard inconnu (${next.reason}), lectures sur le primaire`,
      ready: `[db] réplique prête (retard ${Math.round(next.lagMs)} ms) : les listes y sont lues`,
      lagging: `[db] réplique en retard (${next.reason}) : lectures sur le primaire`,
      down: `[db] réplique injoignable (${next.reason}) : lectures sur le primaire, nouvel essai chaque seconde`,
      "not-a-replica": "[db] DATABASE_REPLICA_URL ne désigne pas une réplique (pg_is_in_recovery() = false) : tout est lu sur le primaire",
    };
    this.log(messages[next.health]);
  }
}

function within<T>(query: PromiseLike<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    Promise.resolve(query),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`pas de réponse en ${ms} ms`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e?.code, e?.message].filter(Boolean).join(" ") || String(err);
}
