// The free-slot search against a brute-force reference: on generated hours, time off and
// bookings (Europe/Paris, over the spring DST change), every grid start of every agent is
// checked minute by minute on the company's clock, read with Intl, not with the search's code.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createAppointment, rescheduleAppointment } from "@/lib/appointments";
import { createAgent, createCompany, createService, editService } from "@/lib/catalog";
import { minutesOf, WEEKDAYS, type WeeklyHours } from "@/lib/contract/hours";
import { createTimeOff, searchAvailability, setAgentSchedule, setCompanyHours } from "@/lib/scheduling";
import { codeOf, makeTenant, type Tenant } from "../support/factories";

const TZ = "Europe/Paris";
const MIN = 60_000;

// Boundaries on half hours, none inside 02:00–03:00 (skipped or repeated on DST days).
const BOUNDS = [0, 60, 90, ...Array.from({ length: 43 }, (_, i) => 180 + i * 30)];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const dayArb = fc.uniqueArray(fc.constantFrom(...BOUNDS), { minLength: 0, maxLength: 4 }).map((b) => {
  const s = [...b].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < s.length; i += 2) out.push({ start: hhmm(s[i]), end: hhmm(s[i + 1]) });
  return out;
});
const weekArb: fc.Arbitrary<WeeklyHours> = fc.tuple(...WEEKDAYS.map(() => fc.option(dayArb, { nil: undefined }))).map((days) => {
  const w: WeeklyHours = {};
  days.forEach((d, i) => d && d.length > 0 && (w[WEEKDAYS[i]] = d));
  return w;
});
const DATES = ["2031-03-28", "2031-03-29", "2031-03-30", "2031-03-31", "2031-04-01"];
const exceptionArb = fc.record({
  kind: fc.constantFrom("off" as const, "extra" as const),
  startDate: fc.constantFrom(...DATES),
  hours: fc.option(dayArb.filter((d) => d.length === 1), { nil: undefined }),
});
const agentArb = fc.record({
  schedule: fc.option(weekArb, { nil: null }),
  exceptions: fc.array(exceptionArb, { maxLength: 2 }),
  bookings: fc.array(fc.integer({ min: 0, max: 4 * 48 - 1 }), { maxLength: 4 }),
});
const caseArb = fc.record({
  company: fc.option(weekArb, { nil: null }),
  agents: fc.array(agentArb, { minLength: 1, maxLength: 3 }),
  duration: fc.constantFrom(30, 45, 60, 90),
  before: fc.constantFrom(0, 10, 15),
  after: fc.constantFrom(0, 15, 30),
  step: fc.constantFrom(15, 20, 30, 60),
  startHour: fc.integer({ min: 0, max: 47 }),
});

const localParts = new Map<number, { date: string; minute: number }>();
const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: TZ, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
function local(ms: number) {
  let v = localParts.get(ms);
  if (!v) {
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    v = { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
    localParts.set(ms, v);
  }
  return v;
}
const weekday = (date: string) => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];

type Exception = { kind: "off" | "extra"; startDate: string; hours?: { start: string; end: string }[] };
function openAt(ms: number, company: WeeklyHours | null, agent: { schedule: WeeklyHours | null; exceptions: Exception[] }) {
  const { date, minute } = local(ms);
  const week = agent.schedule ?? company;
  const inside = (i: { start: string; end: string }) => minutesOf(i.start) <= minute && minute < minutesOf(i.end);
  const exceptions = agent.exceptions.filter((e) => e.startDate === date);
  if (exceptions.some((e) => e.kind === "off" && (!e.hours || e.hours.some(inside)))) return false;
  if (exceptions.some((e) => e.kind === "extra" && e.hours?.some(inside))) return true;
  return week === null || (week[weekday(date)] ?? []).some(inside);
}

describe("availability search", () => {
  let t: Tenant;
  beforeAll(async () => {
    t = await makeTenant();
  });

  it("matches a brute-force reference on generated hours, time off and bookings", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        run++;
        const company = await createCompany(t.owner, { name: `Prop ${run}`, timezone: TZ });
        const service = await createService(t.owner, { companyId: company.id, name: "S", basePrice: 0, duration: c.duration, bufferBefore: c.before, bufferAfter: c.after });
        await setCompanyHours(t.owner, company.id, { hours: c.company });
        const windowStart = Date.parse("2031-03-28T00:00:00Z");
        const agents: { id: string; schedule: WeeklyHours | null; exceptions: Exception[]; busy: { start: number; end: number }[] }[] = [];
        for (const a of c.agents) {
          const agent = await createAgent(t.owner, { companyId: company.id, fullname: "A", serviceIds: [service.id] });
          if (a.schedule) await setAgentSchedule(t.owner, agent.id, { schedule: a.schedule });
          const exceptions: Exception[] = [];
          for (const e of a.exceptions) {
            if (e.kind === "extra" && !e.hours) continue;
            await createTimeOff(t.owner, agent.id, { kind: e.kind, startDate: e.startDate, startTime: e.hours?.[0].start, endTime: e.hours?.[0].end });
            exceptions.push(e);
          }
          const busy = [];
          for (const half of a.bookings) {
            const date = new Date(windowStart + half * 30 * MIN);
            const code = await codeOf(() =>
              createAppointment(t.owner, { serviceId: service.id, customerId: t.customer.id, agentId: agent.id, date }, { forceHours: true }),
            );
            if (code === "no-error") busy.push({ start: date.getTime() - c.before * MIN, end: date.getTime() + (c.duration + c.after) * MIN });
          }
          agents.push({ id: agent.id, schedule: a.schedule, exceptions, busy });
        }
        const from = windowStart + c.startHour * 60 * MIN + 7 * MIN;
        const to = from + 2 * 86_400_000;
        const answer = await searchAvailability(t.owner, { serviceId: service.id, from: new Date(from), to: new Date(to), step: c.step }, { now: new Date(windowStart) });

        // The reference: grid starts counted from each local midnight, walking minute by minute.
        const expected: { agentId: string; start: string }[] = [];
        let midnight = 0;
        let day = "";
        for (let m = from - 86_400_000; m < to; m += MIN) {
          const here = local(m);
          if (here.date !== day) (day = here.date), (midnight = m);
          if (m < from || (m - midnight) % (c.step * MIN) !== 0) continue;
          for (const a of [...agents].sort((x, y) => (x.id < y.id ? -1 : 1))) {
            const blockStart = m - c.before * MIN;
            const blockEnd = m + (c.duration + c.after) * MIN;
            if (a.busy.some((b) => b.start < blockEnd && blockStart < b.end)) continue;
            let open = true;
            for (let x = blockStart; x < blockEnd && open; x += MIN) open = openAt(x, c.company, a);
            if (open) expected.push({ agentId: a.id, start: new Date(m).toISOString() });
          }
        }
        expect(answer.data.map((s) => ({ agentId: s.agentId, start: s.start.toISOString() }))).toEqual(expected);
        for (const s of answer.data) expect(s.end.getTime() - s.start.getTime()).toBe(c.duration * MIN);
        expect(answer.nextFrom).toBeNull();
      }),
      { numRuns: 15 },
    );
  });

  it("never answers before now, and cuts at the limit with nextFrom", async () => {
    const from = new Date("2031-05-05T00:00:00Z");
    const to = new Date("2031-05-06T00:00:00Z");
    const noon = new Date("2031-05-05T12:00:00Z");
    const after = await searchAvailability(t.owner, { serviceId: t.serviceA.id, from, to }, { now: noon });
    expect(after.data[0].start.toISOString()).toBe("2031-05-05T12:00:00.000Z");
    const page = await searchAvailability(t.owner, { serviceId: t.serviceA.id, from, to, step: 60 }, { now: from, limit: 5 });
    expect(page.data.map((s) => s.start.toISOString().slice(11, 16))).toEqual(["00:00", "01:00", "02:00", "03:00", "04:00"]);
    expect(page.nextFrom?.toISOString()).toBe("2031-05-05T05:00:00.000Z");
  });

  it("slots for a move fit the appointment as booked: its length and buffers, not the service's since, its own place free", async () => {
    const company = await createCompany(t.owner, { name: "Déplacements", timezone: TZ });
    const service = await createService(t.owner, { companyId: company.id, name: "Tresses", basePrice: 0, duration: 60, bufferAfter: 15 });
    const agent = await createAgent(t.owner, { companyId: company.id, fullname: "Awa", serviceIds: [service.id] });
    await setCompanyHours(t.owner, company.id, { hours: { mon: [{ start: "09:00", end: "12:00" }] } });
    // Monday 2031-05-05, Paris (UTC+2): booked 09:00–10:00 (+15 min after), then the service grows to 120 min, no buffer.
    const booked = await createAppointment(t.owner, { serviceId: service.id, customerId: t.customer.id, agentId: agent.id, date: new Date("2031-05-05T07:00:00Z") });
    await editService(t.owner, service.id, { duration: 120, bufferAfter: 0 });
    const window = { serviceId: service.id, from: "2031-05-05T00:00:00Z", to: "2031-05-06T00:00:00Z", step: 30 };
    const now = { now: new Date("2031-05-01T00:00:00Z") };
    const hhmm = (answer: { data: { start: Date; end: Date }[] }) =>
      answer.data.map((s) => `${s.start.toISOString().slice(11, 16)}–${s.end.toISOString().slice(11, 16)}`);

    // A new booking: the service today (120 min), its place taken until 10:15.
    expect(hhmm(await searchAvailability(t.owner, window, now))).toEqual([]);
    // Moving it: 60 min + 15 after, its own place free: every start whose 75 minutes fit in 09:00–12:00.
    const moving = await searchAvailability(t.owner, { ...window, appointmentId: booked.id }, now);
    expect(hhmm(moving)).toEqual(["07:00–08:00", "07:30–08:30", "08:00–09:00", "08:30–09:30"]);
    // What is offered is what the move accepts, and the booked length stays.
    const moved = await rescheduleAppointment(t.owner, booked.id, { date: moving.data[3].start });
    expect(new Date(moved.end).getTime() - new Date(moved.date).getTime()).toBe(60 * MIN);

    // A service no longer offered: its bookings can still be moved; another service's appointment, an unknown or another company's one: not found.
    await editService(t.owner, service.id, { isActive: false });
    expect((await searchAvailability(t.owner, { ...window, appointmentId: booked.id }, now)).data.length).toBe(4);
    expect(await codeOf(() => searchAvailability(t.owner, window, now))).toBe("service-not-found");
    const other = await t.book();
    expect(await codeOf(() => searchAvailability(t.owner, { ...window, appointmentId: other.id }, now))).toBe("appointment-not-found");
    expect(await codeOf(() => searchAvailability(t.owner, { ...window, appointmentId: "nope" }, now))).toBe("appointment-not-found");
    expect(await codeOf(() => searchAvailability(t.caller({ companyIds: [t.companyA.id] }), { ...window, appointmentId: booked.id }, now))).toBe(
      "service-not-found",
    );
  });

  it("refuses bad input naming the field, and unknown ids", async () => {
    const fields = async (input: Record<string, unknown>) => {
      const err = await searchAvailability(t.owner, { serviceId: t.serviceA.id, from: "2031-05-05T00:00:00Z", to: "2031-05-06T00:00:00Z", ...input } as never).catch((e) => e);
      expect(err.code).toBe("validation-error");
      return Object.keys(err.details.fields);
    };
    expect(await fields({ from: "2031-05-05T00:00:00" })).toEqual(["from"]);
    expect(await fields({ to: "2031-05-04T00:00:00Z" })).toEqual(["to"]);
    expect(await fields({ to: "2031-06-06T00:00:00Z" })).toEqual(["to"]);
    expect(await fields({ step: 4 })).toEqual(["step"]);
    expect(await fields({ step: 241 })).toEqual(["step"]);
    const base = { from: "2031-05-05T00:00:00Z", to: "2031-05-06T00:00:00Z" };
    expect(await codeOf(() => searchAvailability(t.owner, { serviceId: "nope", ...base }))).toBe("service-not-found");
    expect(await codeOf(() => searchAvailability(t.owner, { serviceId: t.serviceA.id, agentId: t.agentB.id, ...base }))).toBe("agent-not-found");
    expect(await codeOf(() => searchAvailability(t.caller({ companyIds: [t.companyB.id] }), { serviceId: t.serviceA.id, ...base }))).toBe("service-not-found");
  });
});
