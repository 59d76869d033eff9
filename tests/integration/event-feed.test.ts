// The change pipeline and the event feed: every write emits exactly one event (a refused one
// none), the event carries the appointment exactly as `get` answers it after the change, ids
// increase, the feed reads after an id in order, scoped to the caller's companies, and never
// skips an event whose transaction commits after a later one.
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { getAppointment, updateAppointmentFields, updateAppointmentStatus } from "@/lib/appointments";
import { listEvents } from "@/lib/appointments/events";
import { codeOf, eventsSettled, makeTenant, type Tenant } from "../support/factories";

let t: Tenant;
beforeAll(async () => {
  t = await makeTenant("Event feed");
});

const asJson = (v: unknown) => JSON.parse(JSON.stringify(v));
/** The feed once this app's events are settled (see eventsSettled). */
const feed = async (input: Parameters<typeof listEvents>[1], caller = t.owner) => {
  await eventsSettled(t.appId);
  return listEvents(caller, input);
};
const eventsOf = async (appointmentId: string) => (await feed({ appointmentId })).data;

describe("one change pipeline", () => {
  it("create, status change and fields update each record one event carrying the appointment as get answers it", async () => {
    const created = await t.book();
    expect(created).toEqual(asJson(await getAppointment(t.owner, created.id)));

    const confirmed = await updateAppointmentStatus(t.owner, created.id, { status: "CONFIRMED" });
    const refilled = await updateAppointmentFields(t.owner, created.id, { filledFields: { type_coupe: "degrade" } });
    expect(refilled).toEqual(asJson(await getAppointment(t.owner, created.id)));

    const events = await eventsOf(created.id);
    expect(events.map((e) => e.type)).toEqual(["appointment.created", "appointment.status_changed", "appointment.fields_updated"]);
    expect(events[0].data).toEqual(created);
    expect(events[1].data).toEqual(confirmed);
    expect(events[2].data).toEqual(refilled);
    expect(events[1].change).toMatchObject({ fromStatus: "PENDING", toStatus: "CONFIRMED", reason: null });
    expect(events[0].actor).toEqual({ type: "system", id: null, name: "Test owner" });
    const ids = events.map((e) => BigInt(e.id));
    expect([...ids].sort((a, b) => (a < b ? -1 : 1))).toEqual(ids);
    for (const e of events) expect(e).toMatchObject({ companyId: t.companyA.id, appointmentId: created.id });
  });

  it("a refused change records nothing", async () => {
    const apt = await t.book();
    const before = await eventsOf(apt.id);
    expect(await codeOf(() => updateAppointmentStatus(t.owner, apt.id, { status: "COMPLETED" }))).toBe("invalid-status-transition");
    expect(await codeOf(() => t.book({ date: new Date(apt.date) }))).toBe("agent-unavailable");
    await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED", reason: "Client malade" });
    expect(await codeOf(() => updateAppointmentFields(t.owner, apt.id, { filledFields: { type_coupe: "degrade" } }))).toBe(
      "invalid-status-transition",
    );
    const after = await eventsOf(apt.id);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)!.change).toMatchObject({ toStatus: "CANCELLED", reason: "Client malade" });
  });
});

describe("events/list", () => {
  it("reads after an id in id order, by type, company and appointment", async () => {
    const start = (await feed({ limit: 500 })).nextAfter;
    const a = await t.book();
    const b = await t.book({ serviceId: t.serviceB.id, agentId: t.agentB.id, filledFields: {} });
    await updateAppointmentStatus(t.owner, a.id, { status: "CONFIRMED" });

    const page = await feed({ after: start });
    expect(page.data.map((e) => [e.appointmentId, e.type])).toEqual([
      [a.id, "appointment.created"],
      [b.id, "appointment.created"],
      [a.id, "appointment.status_changed"],
    ]);
    expect(page.nextAfter).toBe(page.data[2].id);
    expect((await feed({ after: page.nextAfter })).data).toEqual([]);
    expect((await feed({ after: start, limit: 1 })).data.map((e) => e.appointmentId)).toEqual([a.id]);
    expect((await feed({ after: start, types: ["appointment.status_changed"] })).data).toHaveLength(1);
    expect((await feed({ after: start, companyId: t.companyB.id })).data.map((e) => e.appointmentId)).toEqual([b.id]);
    expect((await feed({ after: start, appointmentId: b.id })).data).toHaveLength(1);
  });

  it("keeps a caller limited to a company to its events", async () => {
    const start = (await feed({ limit: 500 })).nextAfter;
    await t.book();
    const b = await t.book({ serviceId: t.serviceB.id, agentId: t.agentB.id, filledFields: {} });
    const spaOnly = t.caller({ companyIds: [t.companyB.id] });
    expect((await feed({ after: start }, spaOnly)).data.map((e) => e.appointmentId)).toEqual([b.id]);
    expect(await codeOf(() => listEvents(spaOnly, { companyId: t.companyA.id }))).toBe("company-not-found");
    expect(await codeOf(() => listEvents(t.caller({ scopes: ["catalog:read"] })))).toBe("not-authorized");
  });

  it("refuses bad input with validation-error", async () => {
    for (const input of [{ after: "abc" }, { after: "-1" }, { types: ["appointment.deleted"] }, { limit: 0 }, { limit: 501 }]) {
      expect(await codeOf(() => listEvents(t.owner, input as never))).toBe("validation-error");
    }
    expect(await codeOf(() => listEvents(t.owner, { companyId: "nope" }))).toBe("company-not-found");
  });
});

describe.runIf(process.env.DATABASE_URL)("an event that commits after a later one (PostgreSQL)", () => {
  it("is held back with everything after it until it commits, then read in order", async () => {
    const [apt, slow] = [await t.book(), await t.book()];
    const start = (await feed({ limit: 500 })).nextAfter;
    // Another connection takes the next id and keeps its transaction open.
    const other = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const reserved = await other.reserve();
    try {
      await reserved`BEGIN`;
      await reserved`
        INSERT INTO appointment_events (app_id, company_id, appointment_id, type, from_status, to_status, actor_type, actor_name, data)
        SELECT app_id, company_id, id, 'appointment.fields_updated', status, status, 'system', 'slow writer', '{}'::jsonb
        FROM appointments WHERE app_id = ${t.appId} AND id = ${slow.id}`;
      // A later change commits first: the feed must not show it yet, or a reader would move past the open one.
      await updateAppointmentStatus(t.owner, apt.id, { status: "CONFIRMED" });
      expect((await listEvents(t.owner, { after: start })).data).toEqual([]);
      await reserved`COMMIT`;
      const page = await feed({ after: start });
      expect(page.data.map((e) => e.type)).toEqual(["appointment.fields_updated", "appointment.status_changed"]);
      expect(BigInt(page.data[0].id) < BigInt(page.data[1].id)).toBe(true);
    } finally {
      reserved.release();
      await other.end();
    }
  });
});
