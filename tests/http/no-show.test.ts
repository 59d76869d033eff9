// No-show over HTTP: the status endpoint with kind "no-show", and `cancellation` in get and list.
import { beforeAll, describe, expect, it } from "vitest";
import { createAppointment, updateAppointmentStatus } from "@/lib/appointments";
import { type ApiTenant, makeApiTenant } from "./support/api";

let t: ApiTenant;
beforeAll(async () => {
  t = await makeApiTenant("No-show");
});

/** A CONFIRMED appointment without an agent, starting `offsetMs` from now (the test's data is its clock). */
async function confirmedAt(offsetMs: number) {
  const apt = await createAppointment(t.owner, {
    serviceId: t.serviceA.id,
    customerId: t.customer.id,
    date: new Date(Date.now() + offsetMs),
    filledFields: { type_coupe: "classique" },
  });
  await updateAppointmentStatus(t.owner, apt.id, { status: "CONFIRMED" });
  return apt;
}

describe("no-show", () => {
  it("cancels a started CONFIRMED appointment as a no-show; get and list say so", async () => {
    const apt = await confirmedAt(-2 * 3_600_000);
    const res = await t.call(`appointments/${apt.id}/status`, { status: "CANCELLED", kind: "no-show", reason: "Injoignable" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: "CANCELLED", cancellation: { kind: "no-show", reason: "Injoignable" } });
    expect((await t.call(`appointments/${apt.id}`)).body).toEqual(res.body);
    const list = await t.call("appointments/list", { cancellation: "no-show" });
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual([apt.id]);
    const active = await confirmedAt(-3 * 3_600_000);
    expect((await t.call(`appointments/${active.id}`)).body.data.cancellation).toBeNull();
  });

  it("refuses before the start, from another status, and kind with another status", async () => {
    const future = await confirmedAt(48 * 3_600_000);
    const early = await t.call(`appointments/${future.id}/status`, { status: "CANCELLED", kind: "no-show" });
    expect([early.status, early.body.error.code]).toEqual([409, "invalid-status-transition"]);
    const pending = await createAppointment(t.owner, { serviceId: t.serviceA.id, customerId: t.customer.id, date: new Date(Date.now() - 3_600_000), filledFields: { type_coupe: "classique" } });
    const fromPending = await t.call(`appointments/${pending.id}/status`, { status: "CANCELLED", kind: "no-show" });
    expect([fromPending.status, fromPending.body.error.code]).toEqual([409, "invalid-status-transition"]);
    const wrong = await t.call(`appointments/${future.id}/status`, { status: "IN_PROGRESS", kind: "no-show" });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, "validation-error"]);
    expect(wrong.body.error.details.fields).toHaveProperty("kind");
    const unknown = await t.call(`appointments/${future.id}/status`, { status: "CANCELLED", kind: "absent" });
    expect(unknown.status).toBe(400);
    // A plain cancellation is of kind cancelled.
    const cancelled = await t.call(`appointments/${future.id}/status`, { status: "CANCELLED", reason: "Empêché" });
    expect(cancelled.body.data.cancellation).toEqual({ kind: "cancelled", reason: "Empêché" });
  });
});
