import { beforeAll, describe, expect, it } from "vitest";
import { updateAppointmentStatus } from "@/lib/appointments";
import { APPOINTMENT_STATUSES, canTransition } from "@/lib/contract/status";
import { appointmentIn, stateOf } from "../support/appointments";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

describe("status machine through the database (every pair of statuses)", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  const pairs = APPOINTMENT_STATUSES.flatMap((from) => APPOINTMENT_STATUSES.map((to) => [from, to] as const));
  it("covers 25 pairs", () => expect(pairs).toHaveLength(25));

  it.each(pairs)("%s → %s", async (from, to) => {
    const { id } = await appointmentIn(t, from);
    const before = await stateOf(t.appId, id);
    expect(before.row.status).toBe(from);

    if (canTransition(from, to)) {
      const updated = await updateAppointmentStatus(t.owner, id, { status: to, reason: "test" });
      expect(updated.status).toBe(to);
      const after = await stateOf(t.appId, id);
      expect(after.row.status).toBe(to);
      expect(after.events).toHaveLength(before.events.length + 1);
      const event = after.events.find((e) => !before.events.some((b) => b.id === e.id))!;
      // A reason is kept for a cancellation only.
      expect(event).toMatchObject({ fromStatus: from, toStatus: to, reason: to === "CANCELLED" ? "test" : null, actorName: "Test owner" });
    } else {
      expect(await codeOf(() => updateAppointmentStatus(t.owner, id, { status: to }))).toBe("invalid-status-transition");
      const after = await stateOf(t.appId, id);
      expect(after.row.status).toBe(from);
      expect(after.events).toHaveLength(before.events.length);
      expect(after.row.updatedAt.getTime()).toBe(before.row.updatedAt.getTime());
    }
  });

  it("accepts the REST aliases and answers upper case", async () => {
    const { id } = await appointmentIn(t, "PENDING");
    expect((await updateAppointmentStatus(t.owner, id, { status: "confirmed" })).status).toBe("CONFIRMED");
    expect((await updateAppointmentStatus(t.owner, id, { status: "inProgress" })).status).toBe("IN_PROGRESS");
    expect((await updateAppointmentStatus(t.owner, id, { status: "completed" })).status).toBe("COMPLETED");
  });

  it("refuses an unknown status as validation-error", async () => {
    const { id } = await appointmentIn(t, "PENDING");
    expect(await codeOf(() => updateAppointmentStatus(t.owner, id, { status: "DONE" }))).toBe("validation-error");
    expect((await stateOf(t.appId, id)).row.status).toBe("PENDING");
  });
});
