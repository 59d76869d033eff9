import { beforeAll, describe, expect, it } from "vitest";
import {
  createAppointment,
  getAppointment,
  listAppointmentEvents,
  listAppointments,
  undoNoShow,
  updateAppointmentStatus,
} from "@/lib/appointments";
import type { Caller } from "@/lib/auth/caller";
import { codeOf, makeTenant, type Tenant } from "../support/factories";
import { whileAgentLocked } from "../support/row-lock";

const HOUR = 3_600_000;

describe("no-show", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  /** A CONFIRMED appointment and a clock `after` ms past its start. */
  async function confirmed(after = 5 * 60_000) {
    const apt = await t.book();
    await updateAppointmentStatus(t.owner, apt.id, { status: "CONFIRMED" });
    return { apt, now: new Date(new Date(apt.date).getTime() + after) };
  }

  it("cancels a CONFIRMED appointment once its start has passed, kind and reason kept and exposed", async () => {
    const { apt, now } = await confirmed();
    const out = await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED", kind: "no-show", reason: "Pas venu" }, { now });
    expect(out.status).toBe("CANCELLED");
    expect(out.cancellation).toEqual({ kind: "no-show", reason: "Pas venu" });
    expect((await getAppointment(t.owner, apt.id)).cancellation).toEqual({ kind: "no-show", reason: "Pas venu" });
    const events = await listAppointmentEvents(t.owner, apt.id);
    expect(events[events.length - 1]).toMatchObject({ fromStatus: "CONFIRMED", toStatus: "CANCELLED", reason: "Pas venu", details: { kind: "no-show" } });
  });

  it("a plain cancellation is of kind cancelled; an active appointment has no cancellation", async () => {
    const apt = await t.book();
    expect((await getAppointment(t.owner, apt.id)).cancellation).toBeNull();
    expect(apt.cancellation).toBeNull();
    const out = await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED", reason: "Empêché" });
    expect(out.cancellation).toEqual({ kind: "cancelled", reason: "Empêché" });
  });

  it("refuses before the start, and from any other status, as invalid-status-transition", async () => {
    const { apt } = await confirmed();
    const before = new Date(new Date(apt.date).getTime() - 60_000);
    expect(await codeOf(() => updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED", kind: "no-show" }, { now: before }))).toBe(
      "invalid-status-transition",
    );
    expect((await getAppointment(t.owner, apt.id)).status).toBe("CONFIRMED");

    const pending = await t.book();
    const late = new Date(new Date(pending.date).getTime() + HOUR);
    expect(await codeOf(() => updateAppointmentStatus(t.owner, pending.id, { status: "CANCELLED", kind: "no-show" }, { now: late }))).toBe(
      "invalid-status-transition",
    );
    const started = await t.book();
    await updateAppointmentStatus(t.owner, started.id, { status: "CONFIRMED" });
    await updateAppointmentStatus(t.owner, started.id, { status: "IN_PROGRESS" });
    expect(await codeOf(() => updateAppointmentStatus(t.owner, started.id, { status: "CANCELLED", kind: "no-show" }, { now: late }))).toBe(
      "invalid-status-transition",
    );
    expect(await codeOf(() => updateAppointmentStatus(t.owner, started.id, { status: "COMPLETED", kind: "no-show" }))).toBe("validation-error");
  });

  it("owners and admins undo a no-show within 24 hours: CONFIRMED again, recorded; not later, not staff or keys", async () => {
    const { apt, now } = await confirmed();
    await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED", kind: "no-show" }, { now });
    const staff: Caller = { ...t.caller(), actor: { type: "user", id: "00000000-0000-4000-8000-00000000000a", name: "Accueil" }, role: "staff" };
    expect(await codeOf(() => undoNoShow(staff, apt.id))).toBe("not-authorized");
    expect(await codeOf(() => undoNoShow(t.caller(), apt.id))).toBe("not-authorized");
    expect(await codeOf(() => undoNoShow(t.owner, apt.id, { now: new Date(Date.now() + 25 * HOUR) }))).toBe("invalid-status-transition");

    const back = await undoNoShow(t.owner, apt.id, { now: new Date(Date.now() + HOUR) });
    expect(back.status).toBe("CONFIRMED");
    expect(back.cancellation).toBeNull();
    const events = await listAppointmentEvents(t.owner, apt.id);
    expect(events[events.length - 1]).toMatchObject({ fromStatus: "CANCELLED", toStatus: "CONFIRMED", details: { undo: "no-show" } });
    // Only a no-show is undone.
    expect(await codeOf(() => undoNoShow(t.owner, apt.id))).toBe("invalid-status-transition");
    const cancelled = await t.book();
    await updateAppointmentStatus(t.owner, cancelled.id, { status: "CANCELLED" });
    expect(await codeOf(() => undoNoShow(t.owner, cancelled.id))).toBe("invalid-status-transition");
  });

  it("an undo into a slot booked meanwhile answers agent-unavailable", async () => {
    const { apt, now } = await confirmed();
    await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED", kind: "no-show" }, { now });
    await createAppointment(t.owner, { serviceId: t.serviceA.id, customerId: t.customer.id, agentId: t.agentA.id, date: apt.date, filledFields: { type_coupe: "classique" } });
    expect(await codeOf(() => undoNoShow(t.owner, apt.id))).toBe("agent-unavailable");
    expect((await getAppointment(t.owner, apt.id)).status).toBe("CANCELLED");
  });

  // Active again, the row meets the exclusion constraint as a booking does: it queues on the
  // agent's lock like them (lib/appointments/agent-lock.ts), so an undo and a booking of the
  // slot never deadlock. Server only: PGlite runs one statement at a time.
  it.runIf(process.env.DATABASE_URL)("an undo and a booking of its slot queue on the agent's lock: one wins, the other agent-unavailable", async () => {
    const { apt, now } = await confirmed();
    await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED", kind: "no-show" }, { now });
    const both = () =>
      Promise.allSettled([
        undoNoShow(t.owner, apt.id),
        createAppointment(t.owner, { serviceId: t.serviceA.id, customerId: t.customer.id, agentId: t.agentA.id, date: apt.date, filledFields: { type_coupe: "classique" } }),
      ]);
    const results = await whileAgentLocked(t.agentA.id, 2, both);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason.code).toBe("agent-unavailable");
  });

  it("lists filter on the kind of cancellation", async () => {
    const tenant = await makeTenant("No-show list");
    const a = await tenant.book();
    const b = await tenant.book();
    await tenant.book();
    await updateAppointmentStatus(tenant.owner, a.id, { status: "CONFIRMED" });
    await updateAppointmentStatus(tenant.owner, a.id, { status: "CANCELLED", kind: "no-show" }, { now: new Date(new Date(a.date).getTime() + 1) });
    await updateAppointmentStatus(tenant.owner, b.id, { status: "CANCELLED" });
    const noShows = await listAppointments(tenant.owner, { cancellation: "no-show" });
    expect(noShows.data.map((x) => [x.id, x.cancellation])).toEqual([[a.id, { kind: "no-show", reason: null }]]);
    const cancelled = await listAppointments(tenant.owner, { cancellation: "cancelled" });
    expect(cancelled.data.map((x) => x.id)).toEqual([b.id]);
    expect((await listAppointments(tenant.owner, {})).data.filter((x) => x.cancellation === null)).toHaveLength(1);
  });
});
