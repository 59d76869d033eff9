// PostgreSQL stopped under load, then started again: two instances behind haproxy, 8 writers
// booking with Idempotency-Key. While the database is down, the API answers 503
// service-unavailable with Retry-After (never 500) and pages the French 503 page; once it is
// back the instances reconnect by themselves. At the end the database holds every write the
// clients were told was made, each whole. Stopped cleanly (fast: sessions ended, checkpoint)
// and crashed (immediate: recovery from the WAL at start).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { restartPgAsync } from "../../scripts/cluster/postgres";
import { type Outcome, startLoad } from "./support/load";
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

async function probeApi(key: { appId: string; apiKey: string }) {
  const res = await fetch(`${f.cluster.url}/app/${key.appId}/multi-service/appointments/list`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ apiKey: key.apiKey, limit: 1 }),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), instance: res.headers.get("x-rendez-vous-instance"), body: await res.json() };
}

async function probePage() {
  const res = await fetch(`${f.cluster.url}/login`);
  return { status: res.status, retryAfter: res.headers.get("retry-after"), instance: res.headers.get("x-rendez-vous-instance"), text: await res.text() };
}

describe.each(["fast", "immediate"] as const)("PostgreSQL stopped (%s) under load", (mode) => {
  it("answers 503 with Retry-After while it is down, reconnects by itself, loses no acknowledged write", async () => {
    const t = await f.newTenant();
    const probe = { appId: t.appId, apiKey: t.apiKey };
    const load = startLoad({ url: f.cluster.url, appId: t.appId, apiKey: t.apiKey, writers: WRITERS, body: t.body });
    try {
      await load.moreAcks(40);
      const stopAt = load.now();
      await restartPgAsync(f.cluster.pg, f.cluster.primary, mode === "fast" ? "stop-fast" : "stop-immediate");
      const downAt = load.now();
      await load.moreFailures(WRITERS * 5);

      // The API and the pages, first from instances that still pass readiness (their last
      // check was before the stop), then from the pool haproxy falls back on when none does.
      const early = { api: await probeApi(probe), page: await probePage() };
      await f.cluster.waitForProxy({ app1: "DOWN", app2: "DOWN" });
      const late = { api: await probeApi(probe), page: await probePage() };
      for (const probe of [early, late]) {
        expect({ status: probe.api.status, code: probe.api.body.error?.code, retryAfter: probe.api.retryAfter }).toEqual({
          status: 503,
          code: "service-unavailable",
          retryAfter: "2",
        });
        expect(probe.api.instance).toMatch(/^app\d$/);
        expect({ status: probe.page.status, retryAfter: probe.page.retryAfter }).toEqual({ status: 503, retryAfter: "2" });
        expect(probe.page.text).toContain("Service momentanément indisponible");
        expect(probe.page.instance).toMatch(/^app\d$/);
      }

      const restartAt = load.now();
      await restartPgAsync(f.cluster.pg, f.cluster.primary, "start");
      const upAt = load.now();
      await load.moreAcks(40);
      await f.cluster.waitForProxy({ app1: "UP", app2: "UP" });
      const readyAgainAt = load.now();
      await load.stop();

      const answered = (o: Outcome) => o.at + o.ms;
      const firstAckAfterStart = load.outcomes.filter((o) => o.status === 201 && answered(o) >= upAt).sort((a, b) => answered(a) - answered(b))[0];
      const outage = between(load.outcomes, stopAt);
      const checked = await checkWrites(t.appId, load.acknowledged);
      report(`database-${mode}`, load, {
        mode,
        stopTookMs: Math.round(downAt - stopAt),
        downForMs: Math.round(upAt - downAt),
        startTookMs: Math.round(upAt - restartAt),
        recoveryMs: Math.round(answered(firstAckAfterStart) - upAt),
        proxyReadyAgainMs: Math.round(readyAgainAt - upAt),
        slowestFailureMs: Math.round(Math.max(0, ...outage.filter((o) => o.status !== 201).map((o) => o.ms))),
      }, checked);

      // Every failure the clients saw was a 503 service-unavailable with Retry-After, from an
      // instance; never a 500, never a cut connection.
      const failures = load.outcomes.filter((o) => o.status !== 201);
      expect(failures.length).toBeGreaterThan(0);
      const kinds = new Set(failures.map((o) => `${o.status} ${o.code} ${o.retryAfter} ${o.instance ? "app" : "proxy"}`));
      expect(kinds).toContain("503 service-unavailable 2 app");
      // A retry meeting its own first attempt still running is told so, and retries again.
      for (const kind of kinds) expect(["503 service-unavailable 2 app", "409 idempotency-conflict null app"]).toContain(kind);
      expect(checked).toMatchObject({ lost: [], withoutCreationEvent: [], withoutStoredAnswer: [], answeredOtherwise: [], duplicateAcks: 0 });
      expect(load.abandoned).toEqual([]);
    } finally {
      await load.stop();
    }
  });
});
