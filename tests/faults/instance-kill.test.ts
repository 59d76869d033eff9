// One instance killed (SIGKILL) under load: two instances behind haproxy, 8 writers booking with
// Idempotency-Key. Clients see at most the requests they had in flight on it fail (each writer
// has one at a time), haproxy routes around it, and it takes requests again once restarted. The
// writers retry a failed create with its key: a booking the dead instance had committed is
// replayed, never made twice.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLoad } from "./support/load";
import { between, checkWrites, faultCluster, report, WRITERS } from "./support/setup";

let f: Awaited<ReturnType<typeof faultCluster>>;

beforeAll(async () => {
  f = await faultCluster();
});

afterAll(async () => {
  const { closeDb } = await import("@/db");
  await closeDb();
  await f?.cluster.stop();
});

it("an instance killed mid-load: only its in-flight requests fail, haproxy routes around it, it rejoins on restart", async () => {
  const t = await f.newTenant();
  const [victim, survivor] = f.cluster.instances;
  const load = startLoad({ url: f.cluster.url, appId: t.appId, apiKey: t.apiKey, writers: WRITERS, body: t.body });
  try {
    await load.moreAcks(40);
    const servedBoth = new Set(load.outcomes.map((o) => o.instance));
    expect(servedBoth).toEqual(new Set([victim.name, survivor.name]));

    const killAt = load.now();
    await new Promise<void>((resolve) => {
      victim.child.once("exit", () => resolve());
      victim.child.kill("SIGKILL");
    });
    const deadAt = load.now();
    await f.cluster.waitForProxy({ [victim.name]: "DOWN", [survivor.name]: "UP" });
    const routedAroundAt = load.now();
    await load.moreAcks(40);

    const restartAt = load.now();
    await f.cluster.restart(victim);
    await f.cluster.waitForProxy({ [victim.name]: "UP" });
    const rejoinedAt = load.now();
    await load.moreAcks(40);
    await load.stop();

    const failures = load.outcomes.filter((o) => o.status !== 201);
    const checked = await checkWrites(t.appId, load.acknowledged);
    report("instance-kill", load, {
      instances: f.cluster.instances.length,
      markedDownAfterMs: Math.round(routedAroundAt - deadAt),
      restartTookMs: Math.round(rejoinedAt - restartAt),
      failedRequests: failures.length,
    }, checked);

    // Each writer had at most one request in flight on the victim when it died.
    expect(failures.length).toBeLessThanOrEqual(WRITERS);
    for (const o of failures) {
      expect(o.at).toBeLessThan(deadAt);
      // Taken by the victim and never answered: haproxy says 502, or the connection drops.
      expect(o.status === 502 || o.status === "network").toBe(true);
    }
    // After the restart, the victim takes its share again.
    expect(between(load.outcomes, rejoinedAt).some((o) => o.instance === victim.name && o.status === 201)).toBe(true);
    expect(checked).toMatchObject({ lost: [], withoutCreationEvent: [], withoutStoredAnswer: [], answeredOtherwise: [], duplicateAcks: 0 });
    expect(load.abandoned).toEqual([]);
    void killAt;
  } finally {
    await load.stop();
  }
});
