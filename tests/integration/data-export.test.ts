// The app's data export: a ZIP of JSON and CSV per dataset, the caller's rows only, read in
// pages (a page size of 2 here makes every dataset span several pages).
import { beforeAll, describe, expect, it } from "vitest";
import { createCustomer } from "@/lib/catalog";
import { exportAppZip } from "@/lib/export/zip";
import { codeOf, eventsSettled, makeTenant, type Tenant, uniquePhone } from "../support/factories";
import { csvRows, readAll, unzipTexts } from "../support/unzip";

async function exportOf(caller: Parameters<typeof exportAppZip>[0]) {
  return unzipTexts(await readAll(exportAppZip(caller, { now: new Date("2030-02-01T10:00:00Z"), pageSize: 2 })));
}

const ids = (json: string) => (JSON.parse(json) as { id: string | number }[]).map((r) => String(r.id));

describe("data export", () => {
  let mine: Tenant;
  let theirs: Tenant;
  let bookedInB: string;
  const myAppointments: string[] = [];

  beforeAll(async () => {
    mine = await makeTenant("Export mine");
    theirs = await makeTenant("Export theirs");
    for (let i = 0; i < 5; i++) myAppointments.push((await mine.book()).id);
    // A customer who booked only in company B, and one with the name a spreadsheet would run.
    const { customer } = await createCustomer(mine.owner, { fullname: "=HYPERLINK(\"x\")", telephone: uniquePhone() });
    bookedInB = customer.id;
    myAppointments.push(
      (await mine.book({ serviceId: mine.serviceB.id, agentId: mine.agentB.id, customerId: customer.id, filledFields: {} })).id,
    );
    await theirs.book();
    await eventsSettled(mine.appId);
  });

  it("holds every dataset in JSON and CSV, with the caller's rows only", async () => {
    const files = await exportOf(mine.owner);
    const names = ["companies", "services", "agents", "customers", "appointments", "appointment_events"];
    expect([...files.keys()].sort()).toEqual([...names.flatMap((n) => [`${n}.csv`, `${n}.json`]), "manifest.json"].sort());

    expect(ids(files.get("appointments.json")!).sort()).toEqual([...myAppointments].sort());
    expect(ids(files.get("companies.json")!).sort()).toEqual([mine.companyA.id, mine.companyB.id].sort());
    expect(ids(files.get("customers.json")!).sort()).toEqual([mine.customer.id, bookedInB].sort());
    const events = JSON.parse(files.get("appointment_events.json")!) as { appointmentId: string; type: string; xid?: unknown }[];
    expect(events.filter((e) => e.type === "appointment.created").map((e) => e.appointmentId).sort()).toEqual([...myAppointments].sort());
    expect(events[0].xid).toBeUndefined();

    // No row of the other app in any file.
    const all = [...files.values()].join("\n");
    for (const id of [theirs.appId, theirs.companyA.id, theirs.customer.id, theirs.serviceA.id, theirs.agentA.id]) {
      expect(all).not.toContain(id);
    }

    // CSV: the same rows, a header, formulas neutralised, dates in ISO.
    const csv = csvRows(files.get("appointments.csv")!);
    expect(csv[0]).toContain("date");
    expect(csv.slice(1).map((r) => r[csv[0].indexOf("id")]).sort()).toEqual([...myAppointments].sort());
    expect(csv[1][csv[0].indexOf("date")]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(files.get("customers.csv")).toContain(`"'=HYPERLINK(""x"")"`);

    const manifest = JSON.parse(files.get("manifest.json")!);
    expect(manifest).toMatchObject({ appId: mine.appId, exportedAt: "2030-02-01T10:00:00.000Z" });
    expect(manifest.rows).toMatchObject({ appointments: 6, companies: 2, customers: 2 });
  });

  it("limits a one-company caller to that company and its customers", async () => {
    const files = await exportOf(mine.caller({ companyIds: [mine.companyA.id] }));
    expect(ids(files.get("companies.json")!)).toEqual([mine.companyA.id]);
    expect(ids(files.get("services.json")!)).toEqual([mine.serviceA.id]);
    expect(ids(files.get("agents.json")!)).toEqual([mine.agentA.id]);
    expect(ids(files.get("customers.json")!)).toEqual([mine.customer.id]);
    expect(ids(files.get("appointments.json")!).sort()).toEqual(myAppointments.slice(0, 5).sort());
    const all = [...files.values()].join("\n");
    for (const id of [mine.companyB.id, mine.serviceB.id, mine.agentB.id, bookedInB, myAppointments[5]]) expect(all).not.toContain(id);
  });

  it("refuses a caller without data:export, before anything is read", async () => {
    const code = await codeOf(async () => exportAppZip(mine.caller({ scopes: ["appointments:read", "catalog:read"] })));
    expect(code).toBe("not-authorized");
  });

  it("an app with nothing exports empty files", async () => {
    const empty = await makeTenant("Export empty");
    const files = await exportOf(empty.caller({ companyIds: [] }));
    expect(JSON.parse(files.get("appointments.json")!)).toEqual([]);
    expect(csvRows(files.get("appointments.csv")!)).toHaveLength(1);
  });
});

describe("data export failing midway", () => {
  it("ends the stream with the error instead of crashing the process", async () => {
    // An app id the database refuses: the first page read fails once the archive has begun.
    const caller = { ...(await makeTenant("Export failing")).owner, appId: "not-a-uuid" };
    await expect(readAll(exportAppZip(caller))).rejects.toThrow();
  });
});
