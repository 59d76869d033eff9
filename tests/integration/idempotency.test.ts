// Idempotent creates on the database alone (PGlite and PostgreSQL): the booking and its stored
// answer commit together, whatever fails in between. Faults are real: an exception after the
// booking, a trigger failing the answer's insert, a connection cut by pg_terminate_backend.
import { randomUUID } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/db";
import { appointments, idempotencyKeys } from "@/db/schema";
import { requestHash, withIdempotencyKey } from "@/lib/api/idempotency";
import { createAppointment } from "@/lib/appointments";
import { AppError } from "@/lib/contract/errors";
import { failInsert } from "../support/faults";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

const onServer = Boolean(process.env.DATABASE_URL);

let t: Tenant;
const apiKeyId = randomUUID();
let n = 0;
const newKey = () => `idem-${n++}-${randomUUID()}`;

beforeAll(async () => {
  t = await makeTenant("Idempotency");
});

type Booking = Parameters<typeof createAppointment>[1];
const booking = (overrides: Partial<Booking> = {}): Booking => ({
  serviceId: t.serviceA.id,
  customerId: t.customer.id,
  agentId: t.agentA.id,
  date: t.nextSlot(),
  filledFields: { type_coupe: "classique" },
  ...overrides,
});

/** The API's create with a key: the work books and answers 201 with the appointment. */
function keyedCreate(key: string, input: Booking, after?: (id: string) => Promise<void>) {
  const scope = { appId: t.appId, apiKeyId, key };
  return withIdempotencyKey(scope, requestHash("appointments/create", input), async () => {
    const apt = await createAppointment(t.caller(), input);
    await after?.(apt.id);
    // As the API stores it: the JSON of the answer.
    return { status: 201, body: JSON.parse(JSON.stringify(apt)) as { id: string } };
  });
}

async function bookingsAt(date: Booking["date"]) {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(appointments)
    .where(and(eq(appointments.appId, t.appId), eq(appointments.date, new Date(date))));
  return Number(row.n);
}

async function storedKeys(key: string) {
  const db = await getDb();
  const rows = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.appId, t.appId), eq(idempotencyKeys.key, key)));
  return rows.length;
}

const idOf = (answer: { body: unknown }) => (answer.body as { id: string }).id;

describe("idempotent creates", () => {
  // First in the file: the sweep runs on a process's first keyed request.
  it("sweeps expired keys outside the request's transaction", async () => {
    const db = await getDb();
    const old = newKey();
    await db.insert(idempotencyKeys).values({
      appId: t.appId,
      apiKeyId,
      key: old,
      requestHash: "h",
      responseStatus: 201,
      responseBody: {},
      createdAt: sql`now() - interval '25 hours'`,
    });
    await keyedCreate(newKey(), booking());
    // Fire-and-forget: it ends after the request (on PGlite, once the transaction is over).
    for (let i = 0; i < 200 && (await storedKeys(old)) > 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await storedKeys(old)).toBe(0);
  });

  it("replays the first answer, and refuses another body under the same key", async () => {
    const key = newKey();
    const input = booking();
    const first = await keyedCreate(key, input);
    expect(first).toMatchObject({ status: 201, replayed: false });
    const again = await keyedCreate(key, input);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await bookingsAt(input.date)).toBe(1);
    expect(await codeOf(() => keyedCreate(key, { ...input, commune: "Plateau" }))).toBe("idempotency-conflict");
  });

  it("the work fails after the booking is written: nothing is booked, the key stays free, a retry books once", async () => {
    const key = newKey();
    const input = booking();
    let bookedId = "";
    await expect(
      keyedCreate(key, input, async (id) => {
        bookedId = id;
        throw new Error("fault injected after the booking");
      }),
    ).rejects.toThrow("fault injected after the booking");
    expect(bookedId).not.toBe("");
    expect(await bookingsAt(input.date)).toBe(0);
    expect(await storedKeys(key)).toBe(0);

    const retry = await keyedCreate(key, input);
    expect(retry).toMatchObject({ status: 201, replayed: false });
    expect(idOf(retry)).not.toBe(bookedId);
    expect(await keyedCreate(key, input)).toMatchObject({ replayed: true, body: { id: idOf(retry) } });
    expect(await bookingsAt(input.date)).toBe(1);
  });

  it("storing the answer fails: the booking is rolled back with it", async () => {
    const key = newKey();
    const input = booking();
    const remove = await failInsert("idempotency_keys", `NEW.app_id = '${t.appId}' AND NEW.key = '${key}'`);
    try {
      const err = await keyedCreate(key, input).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(AppError);
      expect(String((err as Error).message) + String((err as { cause?: unknown }).cause)).toContain("fault injected");
    } finally {
      await remove();
    }
    expect(await bookingsAt(input.date)).toBe(0);
    expect(await storedKeys(key)).toBe(0);

    const retry = await keyedCreate(key, input);
    expect(retry).toMatchObject({ status: 201, replayed: false });
    expect(await bookingsAt(input.date)).toBe(1);
  });

  it("the answer is lost after COMMIT: the retry replays it, although the agent is now busy", async () => {
    const key = newKey();
    const input = booking();
    const first = await keyedCreate(key, input);
    // The caller never saw `first`. Without the key, its retry would be refused:
    expect(await codeOf(() => createAppointment(t.caller(), input))).toBe("agent-unavailable");
    // With it, the retry answers the booking that was made.
    const retry = await keyedCreate(key, input);
    expect(retry).toEqual({ status: 201, body: first.body, replayed: true });
    expect(await bookingsAt(input.date)).toBe(1);
  });

  it("a duplicate while the first is in flight: 409 in flight on PostgreSQL, a wait then a replay on PGlite", async () => {
    const key = newKey();
    const input = booking();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let booked!: () => void;
    const inside = new Promise<void>((r) => (booked = r));
    const first = keyedCreate(key, input, async () => {
      booked();
      await gate;
    });
    await inside;
    const duplicate = keyedCreate(key, input).then(
      (answer) => ({ answer }),
      (err: unknown) => ({ err }),
    );
    if (onServer) {
      const { err } = (await duplicate) as { err: AppError };
      expect(err).toBeInstanceOf(AppError);
      expect({ code: err.code, details: err.details }).toEqual({ code: "idempotency-conflict", details: { inFlight: true } });
      release();
      expect(await first).toMatchObject({ status: 201, replayed: false });
    } else {
      // One connection: the duplicate's transaction starts when the first's has ended.
      release();
      const done = await first;
      const { answer } = (await duplicate) as { answer: Awaited<typeof first> };
      expect(answer).toEqual({ ...done, replayed: true });
    }
    expect(await keyedCreate(key, input)).toMatchObject({ replayed: true, body: { id: idOf(await first) } });
    expect(await bookingsAt(input.date)).toBe(1);
  });

  it("a refused create stores nothing: the corrected retry with the same key books", async () => {
    const key = newKey();
    const bad = booking({ filledFields: { type_coupe: "afro" } });
    expect(await codeOf(() => keyedCreate(key, bad))).toBe("validation-error");
    expect(await storedKeys(key)).toBe(0);

    // Refused by the database (the exclusion constraint) inside the key's transaction.
    const taken = await t.book();
    const clash = booking({ date: taken.date });
    expect(await codeOf(() => keyedCreate(key, clash))).toBe("agent-unavailable");
    expect(await storedKeys(key)).toBe(0);

    const good = booking();
    expect(await keyedCreate(key, good)).toMatchObject({ status: 201, replayed: false });
    expect(await bookingsAt(good.date)).toBe(1);
  });

  it("an expired answer is forgotten: the key runs again", async () => {
    const key = newKey();
    const input = booking({ agentId: undefined });
    const first = await keyedCreate(key, input);
    const db = await getDb();
    await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(and(eq(idempotencyKeys.appId, t.appId), eq(idempotencyKeys.key, key)));
    const again = await keyedCreate(key, input);
    expect(again).toMatchObject({ status: 201, replayed: false });
    expect(idOf(again)).not.toBe(idOf(first));
    expect(await storedKeys(key)).toBe(1);
    expect(await keyedCreate(key, input)).toMatchObject({ replayed: true, body: { id: idOf(again) } });
  });

  it.runIf(onServer)("the connection dies before COMMIT: nothing is kept, a retry books once", async () => {
    const key = newKey();
    const input = booking();
    const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      let pid = 0;
      const err = await keyedCreate(key, input, async () => {
        // The request's own connection, cut from outside once the booking is written.
        const [row] = await executeRows<{ pid: number }>(await getDb(), sql`SELECT pg_backend_pid() AS pid`);
        pid = row.pid;
        await admin`SELECT pg_terminate_backend(${pid})`;
        for (let i = 0; i < 200; i++) {
          const [{ n }] = await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ${pid}`;
          if (n === 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
      }).catch((e: unknown) => e);
      expect(pid).toBeGreaterThan(0);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(AppError);
    } finally {
      await admin.end({ timeout: 5 });
    }
    expect(await bookingsAt(input.date)).toBe(0);
    expect(await storedKeys(key)).toBe(0);

    const retry = await keyedCreate(key, input);
    expect(retry).toMatchObject({ status: 201, replayed: false });
    expect(await keyedCreate(key, input)).toMatchObject({ replayed: true, body: { id: idOf(retry) } });
    expect(await bookingsAt(input.date)).toBe(1);
  });
});
