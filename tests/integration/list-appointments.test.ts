import { beforeAll, describe, expect, it } from "vitest";
import { countAppointmentsByStatus, listAppointments, updateAppointmentStatus } from "@/lib/appointments";
import { createAgent, createCustomer } from "@/lib/catalog";
import { codeOf, makeTenant, uniquePhone, type Tenant } from "../support/factories";

describe("listAppointments", () => {
  let t: Tenant;
  const ties = new Date("2031-05-05T09:00:00Z");
  let tiedIds: string[] = [];
  let otherCustomerId: string;

  beforeAll(async () => {
    t = await makeTenant();
    // Eight appointments at the very same instant (different agents or none): the sort must break ties by id.
    const tied = [];
    for (let i = 0; i < 8; i++) {
      const agent = await createAgent(t.owner, { companyId: t.companyA.id, fullname: `Agent ${i}`, serviceIds: [t.serviceA.id] });
      tied.push(await t.book({ date: ties, agentId: agent.id }));
    }
    tiedIds = tied.map((a) => a.id);
    const { customer } = await createCustomer(t.owner, { fullname: "Koffi Traoré", telephone: "+225 05 05 99 88 77" });
    otherCustomerId = customer.id;
    for (let h = 0; h < 10; h++) {
      const apt = await t.book({
        date: new Date(Date.UTC(2031, 4, 6, 8 + h)),
        customerId: h % 2 ? customer.id : t.customer.id,
      });
      if (h % 3 === 0) await updateAppointmentStatus(t.owner, apt.id, { status: "CONFIRMED" });
      if (h === 9) await updateAppointmentStatus(t.owner, apt.id, { status: "CANCELLED" });
    }
    await t.book({ date: new Date(Date.UTC(2031, 4, 6, 9)), serviceId: t.serviceB.id, agentId: t.agentB.id, filledFields: {} });
  });

  async function all(filters: Parameters<typeof listAppointments>[1] = {}) {
    const out = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listAppointments>> = await listAppointments(t.owner, { ...filters, cursor });
      out.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  }

  it("pages by (date, id) with no row lost or repeated, ties included, both directions", async () => {
    const everything = await all({ limit: 200 });
    expect(everything).toHaveLength(19);
    for (const limit of [1, 2, 3, 5, 7]) {
      for (const order of ["asc", "desc"] as const) {
        const paged = await all({ limit, order });
        expect(paged.map((a) => a.id)).toHaveLength(19);
        expect(new Set(paged.map((a) => a.id)).size).toBe(19);
        const keys = paged.map((a) => `${a.date.toISOString()}|${a.id}`);
        const sorted = [...keys].sort();
        expect(keys).toEqual(order === "asc" ? sorted : sorted.reverse());
      }
    }
    const firstTied = everything.filter((a) => a.date.getTime() === ties.getTime()).map((a) => a.id);
    expect(firstTied.sort()).toEqual([...tiedIds].sort());
  });

  it("answers nextCursor null on the last page", async () => {
    const page = await listAppointments(t.owner, { limit: 200 });
    expect(page.nextCursor).toBeNull();
    const first = await listAppointments(t.owner, { limit: 18 });
    expect(first.nextCursor).toEqual(expect.any(String));
    const last = await listAppointments(t.owner, { limit: 18, cursor: first.nextCursor });
    expect(last.data).toHaveLength(1);
    expect(last.nextCursor).toBeNull();
  });

  it("filters by status (one or several), service, company, agent, customer", async () => {
    expect((await all({ status: "CONFIRMED" })).length).toBe(3);
    expect((await all({ status: "cancelled" })).length).toBe(1);
    expect((await all({ status: ["CONFIRMED", "CANCELLED"] })).length).toBe(4);
    expect((await all({ serviceId: t.serviceB.id })).length).toBe(1);
    expect((await all({ companyId: t.companyB.id })).length).toBe(1);
    expect((await all({ companyId: t.companyA.id })).length).toBe(18);
    expect((await all({ agentId: t.agentA.id })).length).toBe(10);
    expect((await all({ customerId: otherCustomerId })).length).toBe(5);
    expect((await all({ customerId: "not-a-uuid" })).length).toBe(0);
  });

  it("bounds the start date half-open [from, to)", async () => {
    const day = await all({ from: "2031-05-06T00:00:00Z", to: "2031-05-07T00:00:00Z" });
    expect(day).toHaveLength(11);
    const exact = await all({ from: "2031-05-06T08:00:00Z", to: "2031-05-06T09:00:00Z" });
    expect(exact).toHaveLength(1);
    const offset = await all({ from: "2031-05-06T10:00:00+01:00", to: "2031-05-06T11:00:00+01:00" });
    expect(offset.map((a) => a.date.toISOString())).toEqual(["2031-05-06T09:00:00.000Z", "2031-05-06T09:00:00.000Z"]);
    expect(await codeOf(() => listAppointments(t.owner, { from: "2031-05-06" }))).toBe("validation-error");
    expect(await codeOf(() => listAppointments(t.owner, { from: "2031-05-07T00:00:00Z", to: "2031-05-06T00:00:00Z" }))).toBe(
      "validation-error",
    );
  });

  it("searches customer name or phone digits, whatever the spacing", async () => {
    expect((await all({ search: "koffi" })).length).toBe(5);
    expect((await all({ search: "05 05 99" })).length).toBe(5);
    expect((await all({ search: "%" })).length).toBe(0);
    expect((await all({ search: "Kouadio" })).length).toBe(14);
  });

  it("counts per status for the same filters, status aside", async () => {
    const counts = await countAppointmentsByStatus(t.owner, { companyId: t.companyA.id, status: "PENDING" });
    expect(counts).toEqual({ PENDING: 14, CONFIRMED: 3, IN_PROGRESS: 0, COMPLETED: 0, CANCELLED: 1 });
    const searched = await countAppointmentsByStatus(t.owner, { search: "koffi" });
    expect(Object.values(searched).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it("refuses a limit out of 1–200 and a tampered cursor", async () => {
    expect(await codeOf(() => listAppointments(t.owner, { limit: 0 }))).toBe("validation-error");
    expect(await codeOf(() => listAppointments(t.owner, { limit: 201 }))).toBe("validation-error");
    for (const cursor of ["garbage", "eyJhIjoxfQ", Buffer.from('["2031-01-01T00:00:00.000Z","x"]').toString("base64url")]) {
      expect(await codeOf(() => listAppointments(t.owner, { cursor }))).toBe("validation-error");
    }
    expect(await codeOf(() => listAppointments(t.owner, { status: "DONE" }))).toBe("validation-error");
  });

  it("defaults to 50 rows", async () => {
    const phone = uniquePhone();
    expect(phone).toMatch(/^\+225/);
    const page = await listAppointments(t.owner);
    expect(page.data.length).toBe(19);
  });
});
