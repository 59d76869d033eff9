// The calendar's shading and the booking rule cannot disagree: for every quarter hour of five
// days across a DST change (Europe/Paris, 30 March 2031), a slot the calendar shows open is
// exactly one a 15-minute booking there is accepted in, for the company and for agents with
// their own week, time off (whole day and hours) and extra hours.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createAgent } from "@/lib/catalog";
import { instantToWallClock } from "@/lib/contract/dates";
import { openAtWall } from "@/lib/contract/hours";
import { assertWithinWorkingHours, calendarHours } from "@/lib/scheduling";
import { createTimeOff, setAgentSchedule, setCompanyHours } from "@/lib/scheduling/settings";
import { makeTenant, type Tenant } from "../support/factories";

const MORNING = { start: "09:00", end: "12:00" };
const AFTERNOON = { start: "14:00", end: "18:30" };
const FROM = new Date("2031-03-27T22:00:00Z"); // Friday 28 March, 00:00 Paris (winter time)
const TO = new Date("2031-04-01T22:00:00Z"); // Wednesday 2 April, 00:00 Paris (summer time)
const QUARTER = 15 * 60_000;

describe("calendar shading and the outside-working-hours rule", () => {
  let t: Tenant;
  let own: { id: string };
  let follows: { id: string };

  beforeAll(async () => {
    t = await makeTenant();
    await setCompanyHours(t.owner, t.companyB.id, { hours: { mon: [MORNING, AFTERNOON], tue: [MORNING, AFTERNOON], fri: [MORNING, AFTERNOON], sat: [MORNING] } });
    own = await createAgent(t.owner, { companyId: t.companyB.id, fullname: "Awa Semaine", serviceIds: [t.serviceB.id] });
    follows = await createAgent(t.owner, { companyId: t.companyB.id, fullname: "Koffi Entreprise", serviceIds: [t.serviceB.id] });
    await setAgentSchedule(t.owner, own.id, { schedule: { fri: [{ start: "07:30", end: "13:00" }], mon: [{ start: "22:00", end: "24:00" }], tue: [{ start: "00:00", end: "02:00" }] } });
    await createTimeOff(t.owner, own.id, { startDate: "2031-03-28", startTime: "10:00", endTime: "11:15" });
    await createTimeOff(t.owner, own.id, { kind: "extra", startDate: "2031-03-30", startTime: "01:00", endTime: "04:00" }); // the Sunday of the change
    await createTimeOff(t.owner, follows.id, { startDate: "2031-03-31" }); // off all Monday
    await createTimeOff(t.owner, follows.id, { kind: "extra", startDate: "2031-03-29", startTime: "15:00", endTime: "16:45" });
  });

  it("agree on every quarter hour, for the company and each agent", async () => {
    const hours = await calendarHours(t.owner, t.companyB.id, FROM, TO);
    const db = await getDb();
    const columns: [string | null, typeof hours.company][] = [
      [null, hours.company],
      [own.id, hours.agents[own.id]],
      [follows.id, hours.agents[follows.id]],
    ];
    const disagreements: string[] = [];
    let open = 0;
    for (const [agentId, ranges] of columns) {
      for (let at = FROM.getTime(); at < TO.getTime(); at += QUARTER) {
        const shownOpen = openAtWall(ranges, instantToWallClock(new Date(at), "Europe/Paris"));
        const accepted = await assertWithinWorkingHours(db, t.owner, {
          companyId: t.companyB.id,
          agentId,
          start: new Date(at),
          end: new Date(at + QUARTER),
          bufferBefore: 0,
          bufferAfter: 0,
        }).then(
          () => true,
          (e) => (e.code === "outside-working-hours" ? false : Promise.reject(e)),
        );
        if (accepted) open++;
        if (shownOpen !== accepted) disagreements.push(`${agentId ?? "company"} ${new Date(at).toISOString()} shown ${shownOpen ? "open" : "closed"}`);
      }
    }
    expect(disagreements).toEqual([]);
    // Not a vacuous agreement: both open and closed quarters were compared.
    expect(open).toBeGreaterThan(50);
  }, 120_000); // 1 440 checks, one query each

  it("lists time off (not extra hours) for the agenda, and answers nothing for another tenant", async () => {
    const hours = await calendarHours(t.owner, t.companyB.id, FROM, TO);
    expect(hours.absences.map((a) => [a.agentId, a.startDate, a.startTime])).toEqual([
      [own.id, "2031-03-28", "10:00"],
      [follows.id, "2031-03-31", null],
    ]);
    const other = await makeTenant();
    expect(await calendarHours(other.owner, t.companyB.id, FROM, TO)).toEqual({ company: null, agents: {}, absences: [] });
  });
});
