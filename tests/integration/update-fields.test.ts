import { beforeAll, describe, expect, it } from "vitest";
import { listAppointmentEvents, updateAppointmentFields, updateAppointmentStatus } from "@/lib/appointments";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

describe("updateAppointmentFields", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("replaces the set, keeps the price, writes an event", async () => {
    const apt = await t.book({ filledFields: { type_coupe: "classique", commentaires: "court" } });
    const updated = await updateAppointmentFields(t.owner, apt.id, { filledFields: { type_coupe: "degrade" } });
    expect(updated.filledFields).toEqual({ type_coupe: "degrade" });
    expect(updated.totalPrice).toBe(apt.totalPrice);
    const events = await listAppointmentEvents(t.owner, apt.id);
    expect(events.map((e) => e.kind)).toEqual(["status", "fields"]);
    expect(events[1]).toMatchObject({ fromStatus: "PENDING", toStatus: "PENDING" });
  });

  it("validates against the service's fields and changes nothing on error", async () => {
    const apt = await t.book({ filledFields: { type_coupe: "classique" } });
    expect(await codeOf(() => updateAppointmentFields(t.owner, apt.id, { filledFields: { type_coupe: "x" } }))).toBe(
      "validation-error",
    );
    expect(await codeOf(() => updateAppointmentFields(t.owner, apt.id, { filledFields: {} }))).toBe("validation-error");
    expect((await listAppointmentEvents(t.owner, apt.id)).length).toBe(1);
  });

  it("refuses once the appointment is over", async () => {
    const apt = await t.book();
    await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED" });
    expect(
      await codeOf(() => updateAppointmentFields(t.owner, apt.id, { filledFields: { type_coupe: "degrade" } })),
    ).toBe("invalid-status-transition");
  });

  it("answers appointment-not-found for a malformed id and validation-error for a non-object", async () => {
    expect(await codeOf(() => updateAppointmentFields(t.owner, "123", { filledFields: {} }))).toBe("appointment-not-found");
    const apt = await t.book();
    expect(
      await codeOf(() => updateAppointmentFields(t.owner, apt.id, { filledFields: ["x"] as unknown as Record<string, unknown> })),
    ).toBe("validation-error");
  });
});
