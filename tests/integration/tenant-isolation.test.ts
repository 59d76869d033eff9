// Another app's or another company's rows answer exactly like rows that do not exist.
import { beforeAll, describe, expect, it } from "vitest";
import {
  countAppointmentsByStatus,
  createAppointment,
  getAppointment,
  listAppointmentEvents,
  listAppointments,
  updateAppointmentFields,
  updateAppointmentStatus,
} from "@/lib/appointments";
import {
  createAgent,
  createService,
  editAgent,
  editCompany,
  editCustomer,
  editService,
  getAgent,
  getCompany,
  getCustomer,
  getService,
  listAgents,
  listCompanies,
  listCustomers,
  listServices,
} from "@/lib/catalog";
import { createWebhook, deleteWebhook, editWebhook, getWebhook, listDeliveries, listWebhooks, retryDelivery, rotateWebhookSecret, sendTestEvent } from "@/lib/webhooks";
import { withinCompany } from "@/lib/auth/caller";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

// Endpoints here point at a closed local port and stay disabled: nothing is sent.
process.env.WEBHOOKS_ALLOW_LOOPBACK = "1";

describe("tenant isolation", () => {
  let mine: Tenant;
  let theirs: Tenant;
  let theirAppointment: string;
  let theirAppointmentB: string;

  beforeAll(async () => {
    mine = await makeTenant("Mine");
    theirs = await makeTenant("Theirs");
    theirAppointment = (await theirs.book()).id;
    theirAppointmentB = (
      await theirs.book({ serviceId: theirs.serviceB.id, agentId: theirs.agentB.id, filledFields: {} })
    ).id;
    await mine.book();
  });

  describe("another app", () => {
    it("cannot get, change or see its appointments", async () => {
      const me = mine.owner;
      expect(await codeOf(() => getAppointment(me, theirAppointment))).toBe("appointment-not-found");
      expect(await codeOf(() => listAppointmentEvents(me, theirAppointment))).toBe("appointment-not-found");
      expect(await codeOf(() => updateAppointmentStatus(me, theirAppointment, { status: "CONFIRMED" }))).toBe(
        "appointment-not-found",
      );
      expect(await codeOf(() => updateAppointmentFields(me, theirAppointment, { filledFields: {} }))).toBe(
        "appointment-not-found",
      );
      const list = await listAppointments(me, { limit: 200 });
      expect(list.data.every((a) => a.appId === mine.appId)).toBe(true);
      expect(list.data.some((a) => a.id === theirAppointment)).toBe(false);
      expect(await listAppointments(me, { companyId: theirs.companyA.id })).toEqual({ data: [], nextCursor: null });
      expect(await listAppointments(me, { customerId: theirs.customer.id })).toEqual({ data: [], nextCursor: null });
      const counts = await countAppointmentsByStatus(me, { companyId: theirs.companyA.id });
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
      // Their appointment is untouched.
      expect((await getAppointment(theirs.owner, theirAppointment)).status).toBe("PENDING");
    });

    it("cannot book with its service, agent or customer", async () => {
      const base = { serviceId: mine.serviceA.id, customerId: mine.customer.id, agentId: mine.agentA.id, date: mine.nextSlot(), filledFields: { type_coupe: "classique" } };
      expect(await codeOf(() => createAppointment(mine.owner, { ...base, serviceId: theirs.serviceA.id }))).toBe("service-not-found");
      expect(await codeOf(() => createAppointment(mine.owner, { ...base, companyId: theirs.companyA.id }))).toBe("service-not-found");
      expect(await codeOf(() => createAppointment(mine.owner, { ...base, agentId: theirs.agentA.id }))).toBe("agent-not-found");
      expect(await codeOf(() => createAppointment(mine.owner, { ...base, customerId: theirs.customer.id }))).toBe("customer-not-found");
    });

    it("cannot read or edit its catalog", async () => {
      const me = mine.owner;
      expect(await codeOf(() => getCompany(me, theirs.companyA.id))).toBe("company-not-found");
      expect(await codeOf(() => editCompany(me, theirs.companyA.id, { name: "x" }))).toBe("company-not-found");
      expect(await codeOf(() => getService(me, theirs.serviceA.id))).toBe("service-not-found");
      expect(await codeOf(() => editService(me, theirs.serviceA.id, { name: "x" }))).toBe("service-not-found");
      expect(await codeOf(() => getAgent(me, theirs.agentA.id))).toBe("agent-not-found");
      expect(await codeOf(() => editAgent(me, theirs.agentA.id, { fullname: "x" }))).toBe("agent-not-found");
      expect(await codeOf(() => getCustomer(me, theirs.customer.id))).toBe("customer-not-found");
      expect(await codeOf(() => editCustomer(me, theirs.customer.id, { fullname: "x" }))).toBe("customer-not-found");
      expect(await codeOf(() => createService(me, { companyId: theirs.companyA.id, name: "x", basePrice: 0, duration: 30 }))).toBe(
        "company-not-found",
      );
      expect(await codeOf(() => createAgent(me, { companyId: theirs.companyA.id, fullname: "x" }))).toBe("company-not-found");
      expect(await codeOf(() => createAgent(me, { companyId: mine.companyA.id, fullname: "x", serviceIds: [theirs.serviceA.id] }))).toBe(
        "service-not-found",
      );
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
      expect(ids(await listCompanies(me))).toEqual(expect.not.arrayContaining([theirs.companyA.id, theirs.companyB.id]));
      expect(ids((await listServices(me)).data)).not.toContain(theirs.serviceA.id);
      expect(ids((await listAgents(me)).data)).not.toContain(theirs.agentA.id);
      expect(ids((await listCustomers(me)).data)).not.toContain(theirs.customer.id);
      expect((await listServices(me, { companyId: theirs.companyA.id })).data).toEqual([]);
      expect((await getCompany(theirs.owner, theirs.companyA.id)).name).toBe("Salon A");
    });
  });

  describe("another company of the same app", () => {
    it("is invisible to a caller limited to one company", async () => {
      const onlyA = theirs.caller({ companyIds: [theirs.companyA.id] });
      expect((await getAppointment(onlyA, theirAppointment)).id).toBe(theirAppointment);
      expect(await codeOf(() => getAppointment(onlyA, theirAppointmentB))).toBe("appointment-not-found");
      expect(await codeOf(() => listAppointmentEvents(onlyA, theirAppointmentB))).toBe("appointment-not-found");
      expect(await codeOf(() => updateAppointmentStatus(onlyA, theirAppointmentB, { status: "CONFIRMED" }))).toBe(
        "appointment-not-found",
      );
      expect(await codeOf(() => updateAppointmentFields(onlyA, theirAppointmentB, { filledFields: {} }))).toBe(
        "appointment-not-found",
      );
      const list = await listAppointments(onlyA, { limit: 200 });
      expect(list.data.length).toBeGreaterThan(0);
      expect(list.data.every((a) => a.companyId === theirs.companyA.id)).toBe(true);
      expect((await listAppointments(onlyA, { companyId: theirs.companyB.id })).data).toEqual([]);
      const counts = await countAppointmentsByStatus(onlyA, { companyId: theirs.companyB.id });
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
      expect(
        await codeOf(() =>
          createAppointment(onlyA, { serviceId: theirs.serviceB.id, customerId: theirs.customer.id, date: theirs.nextSlot() }),
        ),
      ).toBe("service-not-found");
      expect(await codeOf(() => getCompany(onlyA, theirs.companyB.id))).toBe("company-not-found");
      expect(await codeOf(() => getService(onlyA, theirs.serviceB.id))).toBe("service-not-found");
      expect(await codeOf(() => getAgent(onlyA, theirs.agentB.id))).toBe("agent-not-found");
      expect((await listCompanies(onlyA)).map((c) => c.id)).toEqual([theirs.companyA.id]);
      expect((await listServices(onlyA)).data.every((s) => s.companyId === theirs.companyA.id)).toBe(true);
      expect((await listAgents(onlyA)).data.every((a) => a.companyId === theirs.companyA.id)).toBe(true);
      expect((await getAppointment(theirs.owner, theirAppointmentB)).status).toBe("PENDING");
    });

    it("a dashboard page's caller (withinCompany) sees only that company, an owner's too", async () => {
      // The appointment, agent and service pages read through it: another company's row is not found.
      const pageA = withinCompany(theirs.owner, theirs.companyA.id);
      expect((await getAppointment(pageA, theirAppointment)).id).toBe(theirAppointment);
      expect(await codeOf(() => getAppointment(pageA, theirAppointmentB))).toBe("appointment-not-found");
      expect(await codeOf(() => listAppointmentEvents(pageA, theirAppointmentB))).toBe("appointment-not-found");
      expect(await codeOf(() => getAgent(pageA, theirs.agentB.id))).toBe("agent-not-found");
      expect(await codeOf(() => getService(pageA, theirs.serviceB.id))).toBe("service-not-found");
      // Narrowing to a company the caller cannot see leaves none, never more.
      const onlyB = theirs.caller({ companyIds: [theirs.companyB.id] });
      expect(withinCompany(onlyB, theirs.companyA.id).companyIds).toEqual([]);
      expect(await codeOf(() => getAppointment(withinCompany(onlyB, theirs.companyA.id), theirAppointment))).toBe("appointment-not-found");
    });

    it("a caller with no company sees nothing", async () => {
      const none = theirs.caller({ companyIds: [] });
      expect((await listAppointments(none)).data).toEqual([]);
      expect(await codeOf(() => getAppointment(none, theirAppointment))).toBe("appointment-not-found");
      expect(await listCompanies(none)).toEqual([]);
    });
  });

  describe("scopes", () => {
    it("each function needs its scope", async () => {
      const none = mine.caller({ scopes: [] });
      const anyId = theirAppointment;
      for (const call of [
        () => getAppointment(none, anyId),
        () => listAppointments(none),
        () => countAppointmentsByStatus(none),
        () => listAppointmentEvents(none, anyId),
        () => updateAppointmentStatus(none, anyId, { status: "CONFIRMED" }),
        () => updateAppointmentFields(none, anyId, { filledFields: {} }),
        () => listCompanies(none),
        () => listServices(none),
        () => listAgents(none),
        () => listCustomers(none),
        () => createService(none, { name: "x", basePrice: 0, duration: 30 }),
      ]) {
        expect(await codeOf(call)).toBe("not-authorized");
      }
      const readOnly = mine.caller({ scopes: ["appointments:read", "catalog:read"] });
      expect(await codeOf(() => editService(readOnly, mine.serviceA.id, { name: "x" }))).toBe("not-authorized");
      expect((await getService(mine.owner, mine.serviceA.id)).name).toBe("Coupe");
    });
  });

  describe("webhooks", () => {
    it("another app's or another company's endpoints and deliveries answer webhook-not-found, and lists leave them out", async () => {
      const hook = (companyId: string) => createWebhook(theirs.owner, { url: "http://127.0.0.1:9/hook", companyId, enabled: false });
      const [{ endpoint: theirA }, { endpoint: theirB }] = await Promise.all([hook(theirs.companyA.id), hook(theirs.companyB.id)]);
      const delivery = await sendTestEvent(theirs.owner, theirB.id);
      const onlyA = theirs.caller({ companyIds: [theirs.companyA.id] });
      for (const [who, target] of [
        [mine.owner, theirA.id],
        [mine.owner, theirB.id],
        [onlyA, theirB.id],
      ] as const) {
        for (const call of [
          () => getWebhook(who, target),
          () => editWebhook(who, target, { description: "volé" }),
          () => rotateWebhookSecret(who, target),
          () => listDeliveries(who, target),
          () => retryDelivery(who, target, delivery.id),
          () => sendTestEvent(who, target),
          () => deleteWebhook(who, target),
        ]) {
          expect(await codeOf(call)).toBe("webhook-not-found");
        }
      }
      // Another company's endpoint cannot be made from a caller limited to one, nor in another app.
      expect(await codeOf(() => createWebhook(onlyA, { url: "http://127.0.0.1:9/x", companyId: theirs.companyB.id }))).toBe("company-not-found");
      expect(await codeOf(() => createWebhook(mine.owner, { url: "http://127.0.0.1:9/x", companyId: theirs.companyA.id }))).toBe("company-not-found");
      expect((await listWebhooks(mine.owner)).map((w) => w.id)).not.toEqual(expect.arrayContaining([theirA.id]));
      expect((await listWebhooks(onlyA)).map((w) => w.id)).toEqual([theirA.id]);
      // Nothing changed: the endpoint, its description and its log are as they were.
      expect((await getWebhook(theirs.owner, theirB.id)).description).toBeNull();
      expect((await listDeliveries(theirs.owner, theirB.id)).map((d) => [d.id, d.status])).toEqual([[delivery.id, "pending"]]);
    });
  });
});
