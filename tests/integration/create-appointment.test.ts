import { beforeAll, describe, expect, it } from "vitest";
import { createAppointment, getAppointment, listAppointmentEvents } from "@/lib/appointments";
import { createAgent, createService, editAgent, editService } from "@/lib/catalog";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

describe("createAppointment", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("books PENDING with end = date + duration, the price computed from options, and a creation event", async () => {
    const date = t.nextSlot();
    const apt = await t.book({ date, filledFields: { type_coupe: "degrade", soins: ["masque", "huile"] }, commune: "Cocody" });
    expect(apt.status).toBe("PENDING");
    expect(Date.parse(apt.end) - Date.parse(apt.date)).toBe(30 * 60_000);
    expect(apt.date).toBe(date.toISOString());
    expect(apt.totalPrice).toBe(3000 + 1000 + 2000 + 1500);
    expect(apt.commune).toBe("Cocody");
    expect(apt.companyId).toBe(t.companyA.id);
    expect(apt.service.name).toBe("Coupe");
    expect(apt.agent?.fullname).toBe("Awa Koné");
    expect(apt.customer.fullname).toBe("Aya Kouadio");
    expect(apt.company.slug).toBe(t.companyA.slug);
    const events = await listAppointmentEvents(t.owner, apt.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: null, toStatus: "PENDING" });
  });

  it("keeps the caller's totalPrice, as the seed sends it", async () => {
    const apt = await t.book({ totalPrice: 5000 });
    expect(apt.totalPrice).toBe(5000);
  });

  it("accepts an ISO string with an offset and refuses a wall-clock time", async () => {
    const apt = await t.book({ date: "2031-03-01T10:00:00+01:00" });
    expect(apt.date).toBe("2031-03-01T09:00:00.000Z");
    expect(await codeOf(() => t.book({ date: "2031-03-01T10:00:00" }))).toBe("validation-error");
    expect(await codeOf(() => t.book({ date: "demain" }))).toBe("validation-error");
    expect(await codeOf(() => t.book({ date: "2031-02-30T10:00:00Z" }))).toBe("validation-error");
  });

  it("creates CONFIRMED only with the status scope", async () => {
    const apt = await t.book({ status: "CONFIRMED" });
    expect(apt.status).toBe("CONFIRMED");
    const writer = t.caller({ scopes: ["appointments:write", "appointments:read"] });
    expect(await codeOf(() => t.book({ status: "CONFIRMED" }, writer))).toBe("not-authorized");
    expect(await codeOf(() => t.book({ status: "COMPLETED" }))).toBe("validation-error");
  });

  it("books without an agent", async () => {
    const apt = await t.book({ agentId: null });
    expect(apt.agent).toBeNull();
    expect(apt.agentId).toBeNull();
  });

  it("answers service-not-found for unknown, malformed, inactive or other-company services", async () => {
    expect(await codeOf(() => t.book({ serviceId: "00000000-0000-4000-8000-000000000001" }))).toBe("service-not-found");
    expect(await codeOf(() => t.book({ serviceId: "not-a-uuid" }))).toBe("service-not-found");
    expect(await codeOf(() => t.book({ companyId: t.companyB.id }))).toBe("service-not-found");
    const inactive = await createService(t.owner, { companyId: t.companyA.id, name: "Ancien", basePrice: 0, duration: 30, isActive: false });
    expect(await codeOf(() => t.book({ serviceId: inactive.id, agentId: null }))).toBe("service-not-found");
  });

  it("answers agent-not-found for unknown, other-company, inactive agents and agents who do not perform the service", async () => {
    expect(await codeOf(() => t.book({ agentId: "00000000-0000-4000-8000-000000000001" }))).toBe("agent-not-found");
    expect(await codeOf(() => t.book({ agentId: "x" }))).toBe("agent-not-found");
    expect(await codeOf(() => t.book({ agentId: t.agentB.id }))).toBe("agent-not-found");
    const idle = await createAgent(t.owner, { companyId: t.companyA.id, fullname: "Sans service" });
    expect(await codeOf(() => t.book({ agentId: idle.id }))).toBe("agent-not-found");
    const gone = await createAgent(t.owner, { companyId: t.companyA.id, fullname: "Partie", serviceIds: [t.serviceA.id] });
    await editAgent(t.owner, gone.id, { isActive: false });
    expect(await codeOf(() => t.book({ agentId: gone.id }))).toBe("agent-not-found");
  });

  it("answers customer-not-found", async () => {
    expect(await codeOf(() => t.book({ customerId: "00000000-0000-4000-8000-000000000001" }))).toBe("customer-not-found");
    expect(await codeOf(() => t.book({ customerId: "nope" }))).toBe("customer-not-found");
  });

  it("refuses a negative, fractional or too large price", async () => {
    for (const totalPrice of [-1, 10.5, 2_147_483_648]) {
      expect(await codeOf(() => t.book({ totalPrice }))).toBe("validation-error");
    }
    expect((await t.book({ totalPrice: 2_147_483_647 })).totalPrice).toBe(2_147_483_647);
    expect((await t.book({ totalPrice: 0 })).totalPrice).toBe(0);
  });

  it("refuses a commune over 100 characters", async () => {
    expect(await codeOf(() => t.book({ commune: "x".repeat(101) }))).toBe("validation-error");
  });

  it("answers agent-unavailable on overlap; back-to-back is fine; cancelled ones free the slot", async () => {
    const date = t.nextSlot();
    const first = await t.book({ date });
    expect(await codeOf(() => t.book({ date: new Date(date.getTime() + 10 * 60_000) }))).toBe("agent-unavailable");
    expect(await codeOf(() => t.book({ date: new Date(date.getTime() - 10 * 60_000) }))).toBe("agent-unavailable");
    const next = await t.book({ date: new Date(date.getTime() + 30 * 60_000) });
    expect(next.status).toBe("PENDING");
    const { updateAppointmentStatus } = await import("@/lib/appointments");
    await updateAppointmentStatus(t.owner, first.id, { status: "CANCELLED" });
    const again = await t.book({ date });
    expect(again.id).not.toBe(first.id);
    // Without an agent, nothing overlaps.
    await t.book({ date, agentId: null });
    await t.book({ date, agentId: null });
  });

  it("stores filledFields only as the service defines them", async () => {
    const svc = await editService(t.owner, t.serviceA.id, {});
    expect(svc.fields.map((f) => f.type).sort()).toEqual(["date", "email", "multipleSelect", "number", "phone", "select", "text"]);
    const apt = await t.book({
      filledFields: {
        type_coupe: "classique",
        commentaires: " court ",
        age: 31,
        email_recu: "aya@exemple.ci",
        telephone_rappel: "+2250707123456",
        date_evenement: "2031-02-14",
        soins: [],
      },
    });
    const got = await getAppointment(t.owner, apt.id);
    expect(got.filledFields).toEqual({
      type_coupe: "classique",
      commentaires: "court",
      age: 31,
      email_recu: "aya@exemple.ci",
      telephone_rappel: "+2250707123456",
      date_evenement: "2031-02-14",
    });
    expect(got.service.fields).toHaveLength(7);
  });

  const badFields: [string, Record<string, unknown>][] = [
    ["missing required select", {}],
    ["unknown option", { type_coupe: "iroquoise" }],
    ["unknown key", { type_coupe: "classique", couleur: "rouge" }],
    ["multipleSelect not an array", { type_coupe: "classique", soins: "masque" }],
    ["multipleSelect unknown value", { type_coupe: "classique", soins: ["masque", "or"] }],
    ["multipleSelect duplicate", { type_coupe: "classique", soins: ["masque", "masque"] }],
    ["text too long", { type_coupe: "classique", commentaires: "x".repeat(21) }],
    ["text not a string", { type_coupe: "classique", commentaires: 12 }],
    ["number as string", { type_coupe: "classique", age: "31" }],
    ["email invalid", { type_coupe: "classique", email_recu: "pas-un-email" }],
    ["phone not E.164", { type_coupe: "classique", telephone_rappel: "0707123456" }],
    ["date wrong format", { type_coupe: "classique", date_evenement: "14/02/2031" }],
    ["date inexistent", { type_coupe: "classique", date_evenement: "2031-02-30" }],
    ["select not a string", { type_coupe: ["classique"] }],
  ];
  it.each(badFields)("refuses filledFields: %s (and writes nothing)", async (_, filledFields) => {
    const { listAppointments } = await import("@/lib/appointments");
    const before = (await listAppointments(t.owner, { limit: 200 })).data.length;
    const err = await t.book({ filledFields }).catch((e) => e);
    expect(err.code).toBe("validation-error");
    expect(Object.keys(err.details.fields)[0]).toMatch(/^filledFields/);
    expect((await listAppointments(t.owner, { limit: 200 })).data.length).toBe(before);
  });

  it("requires a select of a service created through createService to be valid", async () => {
    const err = await createService(t.owner, {
      companyId: t.companyA.id,
      name: "Mauvais",
      basePrice: 0,
      duration: 30,
      fields: [{ name: "x", label: "X", type: "select", options: [] }],
    }).catch((e) => e);
    expect(err.code).toBe("validation-error");
  });

  it("answers not-authorized without the write scope", async () => {
    const reader = t.caller({ scopes: ["appointments:read"] });
    expect(await codeOf(() => t.book({}, reader))).toBe("not-authorized");
  });

  it("refuses a service of a company the caller is not limited to", async () => {
    const onlyB = t.caller({ companyIds: [t.companyB.id] });
    expect(await codeOf(() => createAppointment(onlyB, { serviceId: t.serviceA.id, customerId: t.customer.id, date: t.nextSlot() }))).toBe(
      "service-not-found",
    );
  });
});
