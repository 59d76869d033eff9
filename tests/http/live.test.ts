// Live events for signed-in screens (Server-Sent Events): a change made through the API on one
// server reaches streams open on another (LISTEN/NOTIFY), each member only for the companies
// they may see; a stream resumed with Last-Event-ID gets what it missed, in order, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_URL, type ApiTenant, makeApiTenant, NEXT_URL, slotIso } from "./support/api";
import { memberSession } from "./support/session";

type Sse = { id: string; data: { id: string; type: string; companyId: string; appointmentId: string; actor: { name: string } } };

/** An open event stream: events as they come, and a way to wait for some. */
function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const events: Sse[] = [];
  const waiters: (() => void)[] = [];
  const ready = fetch(url, { headers, signal: controller.signal }).then(async (res) => {
    if (res.status !== 200) return res.status;
    void (async () => {
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = text.indexOf("\n\n")) >= 0) {
            const block = text.slice(0, cut);
            text = text.slice(cut + 2);
            const id = /^id: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (id && data) {
              events.push({ id, data: JSON.parse(data) });
              waiters.splice(0).forEach((w) => w());
            }
          }
        }
      } catch {
        // aborted
      }
    })();
    return 200;
  });
  const until = async (test: (events: Sse[]) => boolean) => {
    for (let i = 0; i < 200 && !test(events); i++) await new Promise<void>((r) => (waiters.push(r), setTimeout(r, 100)));
    return events;
  };
  return { ready, events, until, close: () => controller.abort() };
}

let t: ApiTenant;
let staff: { cookie: string };
let admin: { cookie: string };
const streams: { close: () => void }[] = [];

beforeAll(async () => {
  t = await makeApiTenant("Live");
  staff = await memberSession(API_URL, t.owner, { role: "staff", companyIds: [t.companyA.id] });
  admin = await memberSession(API_URL, t.owner, { role: "admin" });
});
afterAll(() => streams.forEach((s) => s.close()));

const bookA = (base?: string) =>
  t.call("appointments/create", { serviceId: t.serviceA.id, customerId: t.customer.id, agentId: t.agentA.id, date: slotIso(t), filledFields: { type_coupe: "classique" } }, { base });
const bookB = () => t.call("appointments/create", { serviceId: t.serviceB.id, customerId: t.customer.id, date: slotIso(t) });

describe("live event streams", () => {
  it("answers 401 without a session and 404 for a company the member cannot see", async () => {
    expect((await fetch(`${API_URL}/api/events/stream`)).status).toBe(401);
    const res = await fetch(`${API_URL}/api/events/stream?company=${t.companyB.id}`, { headers: { cookie: staff.cookie } });
    expect(res.status).toBe(404);
  });

  it("brings a change made on another server to each member, within their companies", async () => {
    const staffStream = openStream(`${API_URL}/api/events/stream`, { cookie: staff.cookie });
    const adminStream = openStream(`${API_URL}/api/events/stream`, { cookie: admin.cookie });
    streams.push(staffStream, adminStream);
    expect(await staffStream.ready).toBe(200);
    expect(await adminStream.ready).toBe(200);

    // Through the other server (the `next start` mount): only the database links them.
    const a = await bookA(NEXT_URL);
    const b = await bookB();
    expect([a.status, b.status]).toEqual([201, 201]);

    const seenByAdmin = await adminStream.until((e) => e.some((x) => x.data.appointmentId === b.body.data.id));
    expect(seenByAdmin.map((e) => e.data.appointmentId)).toEqual([a.body.data.id, b.body.data.id]);
    expect(seenByAdmin[0].data).toMatchObject({ type: "appointment.created", companyId: t.companyA.id, actor: { name: "admin" } });

    const seenByStaff = await staffStream.until((e) => e.some((x) => x.data.appointmentId === a.body.data.id));
    // Whatever the timing, the other company's event never reaches the staff member.
    await adminStream.until((e) => e.length >= 2);
    expect(seenByStaff.map((e) => e.data.appointmentId)).toEqual([a.body.data.id]);
  });

  it("resumes after a cut from Last-Event-ID: the missed events in order, then live, none twice", async () => {
    const first = openStream(`${API_URL}/api/events/stream?company=${t.companyA.id}`, { cookie: admin.cookie });
    streams.push(first);
    await first.ready;
    const one = await bookA();
    const seen = await first.until((e) => e.some((x) => x.data.appointmentId === one.body.data.id));
    const lastId = seen.at(-1)!.id;
    first.close();

    // Missed while disconnected: a status change and a booking.
    await t.call(`appointments/${one.body.data.id}/status`, { status: "CONFIRMED" });
    const two = await bookA();
    const resumed = openStream(`${API_URL}/api/events/stream?company=${t.companyA.id}`, { cookie: admin.cookie, "last-event-id": lastId });
    streams.push(resumed);
    expect(await resumed.ready).toBe(200);
    const caught = await resumed.until((e) => e.some((x) => x.data.appointmentId === two.body.data.id));
    expect(caught.map((e) => [e.data.appointmentId, e.data.type])).toEqual([
      [one.body.data.id, "appointment.status_changed"],
      [two.body.data.id, "appointment.created"],
    ]);
    const three = await bookA();
    const live = await resumed.until((e) => e.some((x) => x.data.appointmentId === three.body.data.id));
    const ids = live.map((e) => BigInt(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort((x, y) => (x < y ? -1 : 1))).toEqual(ids);

    // A screen's first stream starts from the event its page was rendered with (?after=, which
    // the dashboard's layout gives it): what happened since comes first; Last-Event-ID wins.
    const fromRender = openStream(`${API_URL}/api/events/stream?company=${t.companyA.id}&after=${lastId}`, { cookie: admin.cookie });
    streams.push(fromRender);
    const sinceRender = await fromRender.until((e) => e.some((x) => x.data.appointmentId === three.body.data.id));
    expect(sinceRender.map((e) => e.id)).toEqual(live.map((e) => e.id));
    const bothGiven = openStream(`${API_URL}/api/events/stream?company=${t.companyA.id}&after=${lastId}`, { cookie: admin.cookie, "last-event-id": live.at(-1)!.id });
    streams.push(bothGiven);
    const four = await bookA();
    const afterLast = await bothGiven.until((e) => e.some((x) => x.data.appointmentId === four.body.data.id));
    expect(afterLast.map((e) => e.data.appointmentId)).toEqual([four.body.data.id]);
  });
});
