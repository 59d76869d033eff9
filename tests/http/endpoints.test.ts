// Every endpoint's success path, over HTTP against the production server.
import { beforeAll, describe, expect, it } from "vitest";
import { listAppointmentEvents } from "@/lib/appointments";
import { type ApiTenant, makeApiTenant, slotIso } from "./support/api";

let t: ApiTenant;

beforeAll(async () => {
  t = await makeApiTenant("Endpoints");
});

describe("appointments", () => {
  it("create answers 201 with the appointment shaped like get", async () => {
    const res = await t.call("appointments/create", {
      serviceId: t.serviceA.id,
      customerId: t.customer.id,
      agentId: t.agentA.id,
      date: "2031-03-04T10:00:00+01:00",
      commune: "Cocody",
      filledFields: { type_coupe: "degrade", soins: ["masque"] },
    });
    expect(res.status).toBe(201);
    expect(res.body.success).toBe(true);
    const apt = res.body.data;
    expect(apt).toMatchObject({
      status: "PENDING",
      date: "2031-03-04T09:00:00.000Z",
      end: "2031-03-04T09:30:00.000Z",
      // base 3000 + degrade 1000 + masque 2000, computed when totalPrice is left out
      totalPrice: 6000,
      commune: "Cocody",
      filledFields: { type_coupe: "degrade", soins: ["masque"] },
      service: { id: t.serviceA.id, name: "Coupe", duration: 30 },
      agent: { id: t.agentA.id, fullname: "Awa Koné" },
      customer: { id: t.customer.id, fullname: "Aya Kouadio" },
      company: { id: t.companyA.id, name: "Salon A" },
    });
    expect(apt.service.fields.map((f: { name: string }) => f.name)).toContain("type_coupe");
    const got = await t.call(`appointments/${apt.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(res.body);
  });

  it("create takes totalPrice as sent, a camelCase status, and no agent", async () => {
    const res = await t.call("appointments/create", {
      serviceId: t.serviceA.id,
      customerId: t.customer.id,
      date: slotIso(t),
      totalPrice: 5000,
      status: "confirmed",
      filledFields: { type_coupe: "classique" },
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: "CONFIRMED", totalPrice: 5000, agent: null, agentId: null });
  });

  it("get answers the appointment with service, agent, customer and company nested", async () => {
    const booked = await t.book();
    const res = await t.call(`appointments/${booked.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: JSON.parse(JSON.stringify(booked)) });
  });

  it("list pages by (date, id) and filters, answering upper-case statuses", async () => {
    const tenant = await makeApiTenant("Endpoints list");
    const booked = [await tenant.book(), await tenant.book(), await tenant.book()];
    const confirmed = await tenant.call(`appointments/${booked[1].id}/status`, { status: "confirmed" });
    expect(confirmed.status).toBe(200);

    const first = await tenant.call("appointments/list", { limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.data.map((a: { id: string }) => a.id)).toEqual([booked[0].id, booked[1].id]);
    expect(typeof first.body.nextCursor).toBe("string");
    const second = await tenant.call("appointments/list", { limit: 2, cursor: first.body.nextCursor });
    expect(second.body.data.map((a: { id: string }) => a.id)).toEqual([booked[2].id]);
    expect(second.body.nextCursor).toBeNull();

    const byStatus = await tenant.call("appointments/list", { status: "confirmed" });
    expect(byStatus.body.data.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([[booked[1].id, "CONFIRMED"]]);
    const several = await tenant.call("appointments/list", { status: ["PENDING", "inProgress"] });
    expect(several.body.data).toHaveLength(2);

    const desc = await tenant.call("appointments/list", { order: "desc", limit: 1 });
    expect(desc.body.data[0].id).toBe(booked[2].id);

    // [from, to) on the start date, with an offset.
    const from = new Date(booked[1].date);
    const window = await tenant.call("appointments/list", {
      from: from.toISOString(),
      to: new Date(from.getTime() + 3_600_000).toISOString().replace("Z", "+00:00"),
    });
    expect(window.body.data.map((a: { id: string }) => a.id)).toEqual([booked[1].id]);

    const filtered = await tenant.call("appointments/list", {
      serviceId: tenant.serviceA.id,
      companyId: tenant.companyA.id,
      agentId: tenant.agentA.id,
      customerId: tenant.customer.id,
      search: "Kouadio",
    });
    expect(filtered.body.data).toHaveLength(3);
    const none = await tenant.call("appointments/list", { serviceId: tenant.serviceB.id });
    expect(none.body).toEqual({ success: true, data: [], nextCursor: null });
  });

  it("status moves along the machine, writes the event with the key as actor and the reason", async () => {
    const booked = await t.book();
    const path = `appointments/${booked.id}/status`;
    for (const [sent, answered] of [
      ["CONFIRMED", "CONFIRMED"],
      ["inProgress", "IN_PROGRESS"],
      ["completed", "COMPLETED"],
    ]) {
      const res = await t.call(path, { status: sent });
      expect(res.status).toBe(200);
      expect(res.body.data.status).toBe(answered);
    }
    const other = await t.book();
    const cancelled = await t.call(`appointments/${other.id}/status`, { status: "cancelled", reason: "Client malade" });
    expect(cancelled.body.data.status).toBe("CANCELLED");
    const events = await listAppointmentEvents(t.owner, other.id);
    expect(events.at(-1)).toMatchObject({ toStatus: "CANCELLED", reason: "Client malade", actorType: "api_key", actorName: "admin" });
  });

  it("update-fields replaces the filled fields and records it", async () => {
    const booked = await t.book();
    const res = await t.call(`appointments/${booked.id}/update-fields`, {
      filledFields: { type_coupe: "degrade", commentaires: "Plus court" },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.filledFields).toEqual({ type_coupe: "degrade", commentaires: "Plus court" });
    expect(res.body.data.totalPrice).toBe(booked.totalPrice);
    const events = await listAppointmentEvents(t.owner, booked.id);
    expect(events.at(-1)).toMatchObject({ kind: "fields" });
  });
});

describe("services", () => {
  it("create, get, edit, list", async () => {
    const created = await t.call("services/create", {
      companyId: t.companyB.id,
      name: "Manucure Élégance",
      basePrice: 5000,
      duration: 45,
      categories: ["Mains"],
      fields: [
        {
          name: "vernis",
          label: "Vernis",
          type: "select",
          required: true,
          options: [
            { label: "Classique", value: "classique" },
            { label: "Semi-permanent", value: "semi", price: 3000 },
          ],
        },
      ],
    });
    expect(created.status).toBe(201);
    const service = created.body.data;
    expect(service).toMatchObject({
      slug: "manucure-elegance",
      companyId: t.companyB.id,
      isActive: true,
      fields: [{ name: "vernis", required: true, options: [{ value: "classique", price: 0 }, { value: "semi", price: 3000 }] }],
    });
    // Same name again: the slug stays unique within the company.
    const again = await t.call("services/create", { companyId: t.companyB.id, name: "Manucure Élégance", basePrice: 1, duration: 5 });
    expect(again.body.data.slug).toBe("manucure-elegance-2");

    const got = await t.call(`services/${service.id}`);
    expect(got.body).toEqual(created.body);

    const edited = await t.call(`services/${service.id}/edit`, { basePrice: 6000, isActive: false });
    expect(edited.status).toBe(200);
    expect(edited.body.data).toMatchObject({ basePrice: 6000, isActive: false, name: "Manucure Élégance" });

    const list = await t.call("services/list", { companyId: t.companyB.id, isActive: false });
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([service.id]);
    const paged = await t.call("services/list", { limit: 1 });
    expect(paged.body.data).toHaveLength(1);
    expect(typeof paged.body.nextCursor).toBe("string");
  });
});

describe("agents", () => {
  it("create, get, edit, list", async () => {
    const created = await t.call("agents/create", {
      companyId: t.companyA.id,
      fullname: "Koffi Yao",
      telephone: "07 07 00 11 22",
      serviceIds: [t.serviceA.id],
    });
    expect(created.status).toBe(201);
    const agent = created.body.data;
    expect(agent).toMatchObject({ fullname: "Koffi Yao", telephone: "+2250707001122", serviceIds: [t.serviceA.id], isActive: true });
    expect((await t.call(`agents/${agent.id}`)).body).toEqual(created.body);

    const edited = await t.call(`agents/${agent.id}/edit`, { role: "Coiffeur", serviceIds: [] });
    expect(edited.body.data).toMatchObject({ role: "Coiffeur", serviceIds: [] });

    const performers = await t.call("agents/list", { serviceId: t.serviceA.id });
    expect(performers.body.data.map((a: { id: string }) => a.id)).toEqual([t.agentA.id]);
    const search = await t.call("agents/list", { search: "koffi" });
    expect(search.body.data.map((a: { id: string }) => a.id)).toEqual([agent.id]);
  });
});

describe("companies", () => {
  it("create, get, edit, list with one default per app", async () => {
    const list = await t.call("companies/list");
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    expect(list.body.data[0]).toMatchObject({ id: t.companyA.id, isDefault: true });

    const created = await t.call("companies/create", { name: "Barbier du Plateau", isDefault: true, telephone: "+225 27 20 00 00 00" });
    expect(created.status).toBe(201);
    const company = created.body.data;
    expect(company).toMatchObject({ slug: "barbier-du-plateau", isDefault: true, timezone: "Africa/Abidjan", currency: "XOF" });
    const after = await t.call("companies/list");
    expect(after.body.data.filter((c: { isDefault: boolean }) => c.isDefault).map((c: { id: string }) => c.id)).toEqual([company.id]);

    expect((await t.call(`companies/${company.id}`)).body).toEqual(created.body);
    const edited = await t.call(`companies/${company.id}/edit`, { description: "Barbe et coupe", timezone: "Europe/Paris" });
    expect(edited.body.data).toMatchObject({ description: "Barbe et coupe", timezone: "Europe/Paris", isDefault: true });
    // Give the default back so the other tests keep their picture.
    await t.call(`companies/${t.companyA.id}/edit`, { isDefault: true });
  });
});

describe("customers", () => {
  it("create upserts by phone: 201, then 200 with the same customer", async () => {
    const first = await t.call("customers/create", { fullname: "Adjoua Bamba", telephone: "+225 05 44 33 22 11", email: "adjoua@example.ci" });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ fullname: "Adjoua Bamba", telephone: "+2250544332211" });
    const repeat = await t.call("customers/create", { fullname: "A. Bamba", telephone: "05 44 33 22 11" });
    expect(repeat.status).toBe(200);
    expect(repeat.body.data).toEqual(first.body.data);

    const id = first.body.data.id;
    expect((await t.call(`customers/${id}`)).body).toEqual(first.body);
    const edited = await t.call(`customers/${id}/edit`, { email: "" });
    expect(edited.body.data).toMatchObject({ email: null, fullname: "Adjoua Bamba" });
    const search = await t.call("customers/list", { search: "4433" });
    expect(search.body.data.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});
