// Idempotency-Key on creates: replay, conflict, in flight, nothing kept after a refusal, expiry,
// and a burst of identical retries creating exactly one row. Faults between the steps:
// idempotency-faults.test.ts.
import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { getDb } from "@/db";
import { appointments, customers, idempotencyKeys } from "@/db/schema";
import { uniquePhone } from "../support/factories";
import { openGate, pauseInsert } from "../support/faults";
import { type ApiTenant, makeApiTenant } from "./support/api";

let t: ApiTenant;
let n = 0;
const idem = () => ({ "idempotency-key": `test-${Date.now()}-${n++}` });

beforeAll(async () => {
  t = await makeApiTenant("Idempotency");
});

async function appointmentCount() {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(appointments).where(eq(appointments.appId, t.appId));
  return Number(row.n);
}

describe("Idempotency-Key", () => {
  it("replays the first answer and creates nothing more", async () => {
    const headers = idem();
    const body = t.bookingBody();
    const before = await appointmentCount();
    const first = await t.call("appointments/create", body, { headers });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    // The same body with its keys in another order, and the key in the header instead.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await t.call("appointments/create", reordered, {
      headers: { ...headers, authorization: `Bearer ${t.admin}` },
      key: t.admin,
    });
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    // As it was written, keys in the same order: a client may compare or sign the bytes.
    expect(JSON.stringify(again.body)).toBe(JSON.stringify(first.body));
    expect(await appointmentCount()).toBe(before + 1);
  });

  it("replays on every create endpoint, keeping a repeat customer's 200", async () => {
    const creates: [string, Record<string, unknown>][] = [
      ["services/create", { name: "Idem service", basePrice: 100, duration: 30 }],
      ["agents/create", { fullname: "Idem agent" }],
      ["companies/create", { name: "Idem company" }],
      ["customers/create", { fullname: "Idem client", telephone: uniquePhone() }],
    ];
    for (const [route, body] of creates) {
      const headers = idem();
      const first = await t.call(route, body, { headers });
      expect(first.status, route).toBe(201);
      const again = await t.call(route, body, { headers });
      expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    }
    const phone = uniquePhone();
    await t.call("customers/create", { fullname: "Déjà là", telephone: phone });
    const headers = idem();
    const repeat = await t.call("customers/create", { fullname: "Déjà là", telephone: phone }, { headers });
    expect(repeat.status).toBe(200);
    const replay = await t.call("customers/create", { fullname: "Déjà là", telephone: phone }, { headers });
    expect({ status: replay.status, replayed: replay.headers.get("idempotent-replayed") }).toEqual({ status: 200, replayed: "true" });
  });

  it("refuses the same key with another body, or on another endpoint", async () => {
    const headers = idem();
    const body = t.bookingBody();
    expect((await t.call("appointments/create", body, { headers })).status).toBe(201);
    const other = await t.call("appointments/create", { ...body, commune: "Plateau" }, { headers });
    expect({ status: other.status, code: other.body.error.code }).toEqual({ status: 409, code: "idempotency-conflict" });
    const elsewhere = await t.call("customers/create", { fullname: "X", telephone: uniquePhone() }, { headers });
    expect(elsewhere.status).toBe(409);
  });

  it("refuses a retry while the first request is in flight, and replays it once done", async () => {
    const headers = idem();
    const body = t.bookingBody();
    const before = await appointmentCount();
    // The first request waits in the database right after writing its booking.
    const gate = await openGate(inject("databaseUrl"));
    const remove = await pauseInsert(gate, "appointments", `NEW.app_id = '${t.appId}'`, "after");
    try {
      await gate.close();
      const first = t.call("appointments/create", body, { headers });
      first.catch(() => {}); // a failure is awaited below, not reported as unhandled meanwhile
      await gate.waiters(1);
      const res = await t.call("appointments/create", body, { headers });
      expect({ status: res.status, code: res.body.error.code, inFlight: res.body.error.details?.inFlight }).toEqual({
        status: 409,
        code: "idempotency-conflict",
        inFlight: true,
      });
      await gate.open();
      const done = await first;
      expect(done.status).toBe(201);
      const again = await t.call("appointments/create", body, { headers });
      expect({ status: again.status, replayed: again.headers.get("idempotent-replayed"), body: again.body }).toEqual({
        status: 201,
        replayed: "true",
        body: done.body,
      });
    } finally {
      await remove();
      await gate.end();
    }
    expect(await appointmentCount()).toBe(before + 1);
  });

  it("a burst of identical requests creates exactly one appointment", async () => {
    const headers = idem();
    const body = t.bookingBody();
    const before = await appointmentCount();
    const answers = await Promise.all(Array.from({ length: 12 }, () => t.call("appointments/create", body, { headers })));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.data.id)).size).toBe(1);
    for (const a of answers) if (a.status !== 201) expect(a.body.error.code).toBe("idempotency-conflict");
    expect(await appointmentCount()).toBe(before + 1);
  });

  it("gives the key back after a refused request, so a corrected retry runs", async () => {
    const headers = idem();
    const bad = await t.call("appointments/create", { ...t.bookingBody(), filledFields: { type_coupe: "afro" } }, { headers });
    expect(bad.status).toBe(400);
    const good = await t.call("appointments/create", t.bookingBody(), { headers });
    expect(good.status).toBe(201);
  });

  it("keys are per API key, and expire after 24 hours", async () => {
    const headers = idem();
    const phone = uniquePhone();
    const other = await t.key({ name: "other key" });
    expect((await t.call("customers/create", { fullname: "A", telephone: phone }, { headers })).status).toBe(201);
    // The same Idempotency-Key under another API key is another key: it runs (and finds the customer).
    expect((await t.call("customers/create", { fullname: "B", telephone: uniquePhone() }, { headers, key: other })).status).toBe(201);

    const db = await getDb();
    await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(and(eq(idempotencyKeys.appId, t.appId), eq(idempotencyKeys.key, headers["idempotency-key"])));
    const fresh = uniquePhone();
    const after = await t.call("customers/create", { fullname: "C", telephone: fresh }, { headers });
    expect(after.status).toBe(201);
    expect(after.body.data.telephone).toBe(fresh);
    const [row] = await db.select({ n: count() }).from(customers).where(and(eq(customers.appId, t.appId), eq(customers.telephone, fresh)));
    expect(Number(row.n)).toBe(1);
  });

  it("refuses a malformed key", async () => {
    for (const key of ["", "a".repeat(256), "deux mots"]) {
      const res = await t.call("customers/create", { fullname: "X", telephone: uniquePhone() }, { headers: { "idempotency-key": key } });
      expect({ key, status: res.status, code: res.body.error?.code }).toEqual({ key, status: 400, code: "validation-error" });
    }
  });
});
