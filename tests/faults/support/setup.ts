// What every fault test needs: its own cluster (tests/support/cluster.ts), a tenant with one
// agent per writer and an API key, the load's booking bodies, the check of the database against
// what the clients were told, and the figures written for RELIABILITY.md.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq, isNull } from "drizzle-orm";
import { root } from "../../../scripts/cluster/apps";
import { type ClusterOptions, startCluster } from "../../support/cluster";
import { failureCounts, type Load, madeDespiteFailure, type Outcome } from "./load";

export const WRITERS = 8;

export async function faultCluster(options: ClusterOptions = {}) {
  const cluster = await startCluster({ instances: 2, ...options });
  // This process sets up the tenants and checks the end state on the same primary.
  process.env.DATABASE_URL = cluster.databaseUrl;
  return { cluster, newTenant };
}

/** A tenant of its own for one test: one agent per writer, an API key without a useful limit. */
async function newTenant() {
  const { makeTenant } = await import("../../support/factories");
  const { createAgent } = await import("@/lib/catalog");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const t = await makeTenant("Faults");
  const agents = [t.agentA.id];
  for (let i = 1; i < WRITERS; i++) {
    agents.push((await createAgent(t.owner, { companyId: t.companyA.id, fullname: `Agent ${i}`, serviceIds: [t.serviceA.id] })).id);
  }
  const { key } = await createApiKey(t.owner, { name: "load", scopes: ["appointments:read", "appointments:write", "appointments:status"], rateLimit: 1_000_000 });
  const slots = agents.map(() => 0);
  /** Writer w's next booking: its own agent, one hour after its previous one. */
  const body = (w: number) => ({
    serviceId: t.serviceA.id,
    customerId: t.customer.id,
    agentId: agents[w],
    date: new Date(Date.UTC(2032, 0, 1) + slots[w]++ * 3_600_000).toISOString(),
    filledFields: { type_coupe: "classique" },
  });
  return { tenant: t, appId: t.appId, apiKey: key, body };
}

/**
 * The database against what the clients were told: every acknowledged booking is there with the
 * id they got; every booking has its creation event and its stored Idempotency-Key answer (no
 * half-done write); no key made two.
 */
export async function checkWrites(appId: string, acknowledged: Map<string, string>) {
  const { getDb } = await import("@/db");
  const { appointmentEvents, appointments, idempotencyKeys } = await import("@/db/schema");
  const db = await getDb();
  const booked = new Set((await db.select({ id: appointments.id }).from(appointments).where(eq(appointments.appId, appId))).map((r) => r.id));
  const withEvent = new Set(
    (
      await db
        .select({ id: appointmentEvents.appointmentId })
        .from(appointmentEvents)
        .where(and(eq(appointmentEvents.appId, appId), isNull(appointmentEvents.fromStatus)))
    ).map((r) => r.id),
  );
  const stored = new Map(
    (await db.select({ key: idempotencyKeys.key, body: idempotencyKeys.responseBody }).from(idempotencyKeys).where(eq(idempotencyKeys.appId, appId))).map(
      (r) => [r.key, (r.body as { data?: { id?: string } }).data?.id],
    ),
  );
  const storedIds = new Set(stored.values());
  const ackedIds = new Set(acknowledged.values());
  return {
    acknowledged: acknowledged.size,
    booked: booked.size,
    lost: [...ackedIds].filter((id) => !booked.has(id)),
    withoutCreationEvent: [...booked].filter((id) => !withEvent.has(id)),
    withoutStoredAnswer: [...booked].filter((id) => !storedIds.has(id)),
    answeredOtherwise: [...acknowledged].filter(([key, id]) => stored.get(key) !== id).map(([key]) => key),
    /** Booked and stored, but the client never got its 201 (its retries stopped at the end). */
    unacknowledged: [...booked].filter((id) => !ackedIds.has(id)).length,
    duplicateAcks: acknowledged.size - ackedIds.size,
  };
}

/** The figures of a run: printed, and kept as JSON in test-results/faults/ for RELIABILITY.md. */
export function report(name: string, load: Load, extra: Record<string, unknown>, checked: Awaited<ReturnType<typeof checkWrites>>) {
  const figures = {
    test: name,
    at: new Date().toISOString(),
    writers: WRITERS,
    requests: load.outcomes.length,
    acknowledged: checked.acknowledged,
    lost: checked.lost.length,
    withoutCreationEvent: checked.withoutCreationEvent.length,
    withoutStoredAnswer: checked.withoutStoredAnswer.length,
    unacknowledgedButBooked: checked.unacknowledged,
    madeDespiteFailureAnswer: madeDespiteFailure(load.outcomes).length,
    failures: failureCounts(load.outcomes),
    ...extra,
  };
  return saveFigures(name, figures);
}

/** Prints figures and keeps them as JSON in test-results/faults/ (RELIABILITY.md is made from them). */
export function saveFigures<T extends object>(name: string, figures: T): T {
  const dir = path.join(root, "test-results", "faults");
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}-${Date.now()}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`[faults] ${name}: ${JSON.stringify(figures)}`);
  return figures;
}

/** Outcomes within [from, to) ms of the load's clock. */
export function between(outcomes: Outcome[], from: number, to = Infinity): Outcome[] {
  return outcomes.filter((o) => o.at >= from && o.at < to);
}
