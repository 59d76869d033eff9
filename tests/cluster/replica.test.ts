// Reads on a streaming replica, on a real primary and replica made for this file (initdb and
// pg_basebackup, as `npm run cluster` does): the monitor's verdicts (ready, lagging, down, not a
// replica) and where the domain's list reads go. Replay is paused on the replica to make it
// fall behind at will: a list served by it misses what the primary has, which shows where it ran.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForReplay } from "../../scripts/cluster/postgres";
import { startCluster, type TestCluster } from "../support/cluster";

let cluster: TestCluster;
let primarySql: postgres.Sql;
let replicaSql: postgres.Sql;

beforeAll(async () => {
  cluster = await startCluster({ replica: true, instances: 0 });
  process.env.DATABASE_URL = cluster.databaseUrl;
  process.env.DATABASE_REPLICA_URL = cluster.replicaUrl;
  // A paused replica stays "close enough" for the whole file: what it serves is then known.
  process.env.REPLICA_MAX_LAG_MS = "600000";
  primarySql = postgres(cluster.databaseUrl, { max: 1, onnotice: () => {} });
  replicaSql = postgres(cluster.replicaUrl!, { max: 1, onnotice: () => {} });
}, 180_000);

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  await primarySql?.end({ timeout: 2 });
  await replicaSql?.end({ timeout: 2 });
  await cluster?.stop();
});

async function pauseReplay() {
  await replicaSql`select pg_wal_replay_pause()`;
  for (;;) {
    const [{ state }] = await replicaSql`select pg_get_wal_replay_pause_state() as state`;
    if (state === "paused") return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function resumeReplay() {
  await replicaSql`select pg_wal_replay_resume()`;
  await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
}

describe("the replica monitor", () => {
  let clock = 0;
  const logs: string[] = [];
  const makeMonitor = async (replicaUrl: string, maxLagMs = 2000) => {
    const { ReplicaMonitor } = await import("@/db/replica");
    const probe = postgres(replicaUrl, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    return {
      probe,
      monitor: new ReplicaMonitor(primarySql, probe, { maxLagMs, checkEveryMs: 1000, now: () => clock, log: (m) => logs.push(m) }),
    };
  };

  it("a replica that has replayed everything is ready, until its last check is older than the bound", async () => {
    await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
    const { monitor, probe } = await makeMonitor(cluster.replicaUrl!);
    try {
      clock = 1_000_000;
      await monitor.check();
      expect(monitor.current).toMatchObject({ health: "ready", lagMs: 0 });
      expect(monitor.usable()).toBe(true);
      // No check since: the replica might have stopped replaying, so it is used only while
      // its lag cannot have passed the bound.
      clock += 1_999;
      expect(monitor.usable()).toBe(true);
      clock += 2;
      expect(monitor.usable()).toBe(false);
      expect(logs.at(-1)).toMatch(/réplique prête/);
    } finally {
      await probe.end({ timeout: 2 });
    }
  });

  it("a replica that stopped replaying is lagging once the primary has moved on for longer than the bound", async () => {
    const { monitor, probe } = await makeMonitor(cluster.replicaUrl!);
    // A commit replayed just before the pause: should the primary write WAL of its own before
    // the first check (a standby snapshot), the replica's last commit is still recent.
    await primarySql`create table if not exists monitor_probe (n int)`;
    await primarySql`insert into monitor_probe values (0)`;
    await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
    await pauseReplay();
    try {
      clock = 2_000_000;
      await monitor.check();
      expect(monitor.current.health).toBe("ready");
      await primarySql`create table if not exists monitor_probe (n int)`;
      await primarySql`insert into monitor_probe values (1)`;
      const [{ lsn }] = await primarySql`select pg_current_wal_lsn()::text as lsn`;
      const { parseLsn } = await import("@/db/replica");
      // Ready again a second later (lag ≤ 1 s), but not for a read that must see the insert.
      clock += 1000;
      await monitor.check();
      expect(monitor.usable()).toBe(true);
      expect(monitor.usable(parseLsn(lsn))).toBe(false);
      // The two lag bounds the monitor takes the smaller of both grow past 2 s: the time since the
      // last position it had passed (our clock) and since its last replayed commit (PostgreSQL's).
      await new Promise((r) => setTimeout(r, 2_500));
      clock += 2_500;
      await monitor.check();
      expect(monitor.current.health).toBe("lagging");
      expect(monitor.current.lagMs).toBeGreaterThan(2000);
      expect(monitor.usable()).toBe(false);
      expect(logs.at(-1)).toMatch(/réplique en retard/);
      // Replaying again and caught up: ready at the next check.
      await resumeReplay();
      clock += 1000;
      await monitor.check();
      expect(monitor.current).toMatchObject({ health: "ready", lagMs: 0 });
    } finally {
      await resumeReplay();
      await probe.end({ timeout: 2 });
    }
  });

  it("a primary named as the replica, or nothing listening, is not used and is reported", async () => {
    const asPrimary = await makeMonitor(cluster.databaseUrl);
    const nothing = await makeMonitor("postgres://postgres@127.0.0.1:1/rendezvous");
    try {
      await asPrimary.monitor.check();
      expect(asPrimary.monitor.current.health).toBe("not-a-replica");
      expect(asPrimary.monitor.usable()).toBe(false);
      expect(logs.at(-1)).toMatch(/ne désigne pas une réplique \(pg_is_in_recovery\(\) = false\)/);
      await nothing.monitor.check();
      expect(nothing.monitor.current).toMatchObject({ health: "down" });
      expect(nothing.monitor.current.reason).toMatch(/ECONNREFUSED/);
      expect(nothing.monitor.usable()).toBe(false);
      expect(logs.at(-1)).toMatch(/réplique injoignable/);
    } finally {
      await asPrimary.probe.end({ timeout: 2 });
      await nothing.probe.end({ timeout: 2 });
    }
  });
});

describe("the domain's reads", () => {
  it("lists, counts and the calendar read the replica; after the caller's write, the primary", async () => {
    const { makeTenant } = await import("../support/factories");
    const { listAppointments, countAppointmentsByStatus } = await import("@/lib/appointments");
    const { listAppointmentsInRange } = await import("@/lib/appointments/calendar");
    const { primaryPosition, replicaState } = await import("@/db");
    const t = await makeTenant("Replica");
    const first = await t.book();
    await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
    expect(await replicaState({ check: true })).toMatchObject({ health: "ready" });

    await pauseReplay();
    try {
      const second = await t.book();
      await replicaState({ check: true });
      const ids = async (readAfter?: string | null | (() => Promise<string | null>)) =>
        (await listAppointments({ ...t.owner, readAfter }, { order: "asc" })).data.map((a) => a.id);
      const range = { companyId: t.companyA.id, from: new Date(Date.UTC(2030, 0, 1)), to: new Date(Date.UTC(2030, 0, 2)) };

      // Someone who did not write: the replica, which has not replayed the second booking.
      expect(await ids()).toEqual([first.id]);
      expect((await countAppointmentsByStatus(t.owner, {})).PENDING).toBe(1);
      expect((await listAppointmentsInRange(t.owner, range)).data.map((a) => a.id)).toEqual([first.id]);

      // The writer, with the position taken after the write (cookie or API key mark): the primary.
      const after = await primaryPosition();
      expect(after).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(await ids(after)).toEqual([first.id, second.id]);
      expect((await countAppointmentsByStatus({ ...t.owner, readAfter: after }, {})).PENDING).toBe(2);
      expect((await listAppointmentsInRange({ ...t.owner, readAfter: after }, range)).data).toHaveLength(2);
      // A lookup is asked only when the replica could serve, and then decides.
      let asked = 0;
      expect(await ids(async () => (asked++, after))).toEqual([first.id, second.id]);
      expect(asked).toBe(1);
      // A malformed position is no position.
      expect(await ids("not-a-position")).toEqual([first.id]);
    } finally {
      await resumeReplay();
    }
    await replicaState({ check: true });
    expect((await listAppointments(t.owner, {})).data).toHaveLength(2);
  });

  it("an API key's write leaves a mark every instance reads back, past the write", async () => {
    const { makeTenant } = await import("../support/factories");
    const { createApiKey } = await import("@/lib/auth/api-keys");
    const { keyReadAfter, markKeyWrote } = await import("@/lib/api/read-after");
    const { parseLsn } = await import("@/db/replica");
    const t = await makeTenant("Replica keys");
    const { apiKey } = await createApiKey(t.owner, { name: "k", scopes: ["appointments:read"] });
    expect(await keyReadAfter(t.appId, apiKey.id)).toBeNull();
    await t.book();
    const [{ lsn: afterBooking }] = await primarySql`select pg_current_wal_lsn()::text as lsn`;
    await markKeyWrote(t.appId, apiKey.id);
    const mark = await keyReadAfter(t.appId, apiKey.id);
    expect(parseLsn(mark)! >= parseLsn(afterBooking)!).toBe(true);
  });

  it("inside a transaction, a list reads the transaction", async () => {
    const { makeTenant } = await import("../support/factories");
    const { listAppointments } = await import("@/lib/appointments");
    const { withTransaction } = await import("@/db");
    const t = await makeTenant("Replica tx");
    const seen = await withTransaction(async () => {
      const booked = await t.book();
      return (await listAppointments(t.owner, {})).data.map((a) => a.id).includes(booked.id);
    });
    expect(seen).toBe(true);
  });

  it("a replica that goes away: the read it fails runs on the primary, and it is left aside until it answers", async () => {
    const { makeTenant } = await import("../support/factories");
    const { listAppointments } = await import("@/lib/appointments");
    const { replicaState } = await import("@/db");
    const { startPg, stopPg } = await import("../../scripts/cluster/postgres");
    const t = await makeTenant("Replica down");
    await t.book();
    await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
    expect(await replicaState({ check: true })).toMatchObject({ health: "ready" });
    stopPg(cluster.pg, cluster.replica!, "immediate");
    try {
      // The monitor has not checked since: the read meets the dead replica, then the primary.
      expect((await listAppointments(t.owner, {})).data).toHaveLength(1);
      expect((await replicaState())?.health).toBe("down");
      expect((await listAppointments(t.owner, {})).data).toHaveLength(1);
    } finally {
      startPg(cluster.pg, cluster.replica!);
    }
    await waitForReplay(cluster.databaseUrl, cluster.replicaUrl!);
    expect(await replicaState({ check: true })).toMatchObject({ health: "ready" });
  });
});
