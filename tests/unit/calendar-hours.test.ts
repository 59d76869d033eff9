import { describe, expect, it } from "vitest";
import { gridHours, openingMinute } from "@/components/calendar/hours";
import { wallDate } from "@/components/calendar/range";

const at = (start: string, end: string) => ({ start: wallDate(start), end: wallDate(end) });
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

describe("the time grid's hours", () => {
  const week = { first: "2026-03-23", last: "2026-03-29" };

  it("shows 08:00–19:00, widened to whole hours for the appointments shown", () => {
    expect(gridHours([], week.first, week.last)).toEqual({ from: 8 * 60, to: 19 * 60 });
    const early = [at("2026-03-24T06:45", "2026-03-24T07:30"), at("2026-03-26T18:30", "2026-03-26T20:15")];
    expect(gridHours(early, week.first, week.last)).toEqual({ from: 6 * 60, to: 21 * 60 });
    // Over midnight: the evening of one day and the small hours of the next, both in view.
    const overnight = [at("2026-03-24T22:00", "2026-03-25T01:30")];
    expect(gridHours(overnight, week.first, week.last)).toEqual({ from: 0, to: 24 * 60 - 1 });
    // Only the part inside the days shown counts: the day view of the 25th needs 00:00–01:30.
    expect(gridHours(overnight, "2026-03-25", "2026-03-25")).toEqual({ from: 0, to: 19 * 60 });
  });

  it("opens on the earliest appointment's hour, or 08:00 when there is none", () => {
    const past = wallDate("2026-03-20T15:00"); // a week before: today is not shown
    expect(hhmm(openingMinute([], week.first, week.last, past))).toBe("08:00");
    const events = [at("2026-03-27T10:15", "2026-03-27T11:00"), at("2026-03-24T09:30", "2026-03-24T10:00")];
    expect(hhmm(openingMinute(events, week.first, week.last, past))).toBe("09:00");
    expect(hhmm(openingMinute([at("2026-03-24T06:45", "2026-03-24T07:30")], week.first, week.last, past))).toBe("06:00");
    // An appointment of another day does not move this day's opening.
    expect(hhmm(openingMinute(events, "2026-03-27", "2026-03-27", past))).toBe("10:00");
    // Over midnight: the next day opens at 00:00, where its end is drawn.
    const overnight = [at("2026-03-24T22:00", "2026-03-25T01:30")];
    expect(hhmm(openingMinute(overnight, "2026-03-25", "2026-03-25", past))).toBe("00:00");
    expect(hhmm(openingMinute(overnight, "2026-03-24", "2026-03-24", past))).toBe("22:00");
  });

  it("opens just before now when today is shown and now is later than the opening", () => {
    const events = [at("2026-03-24T09:30", "2026-03-24T10:00")];
    // Today (Thursday) is in the week: the hour starting at least half an hour before now.
    expect(hhmm(openingMinute(events, week.first, week.last, wallDate("2026-03-26T14:40")))).toBe("14:00");
    expect(hhmm(openingMinute(events, week.first, week.last, wallDate("2026-03-26T14:10")))).toBe("13:00");
    // Now earlier than the opening: the opening.
    expect(hhmm(openingMinute(events, week.first, week.last, wallDate("2026-03-26T07:20")))).toBe("09:00");
    expect(hhmm(openingMinute([], "2026-03-26", "2026-03-26", wallDate("2026-03-26T00:10")))).toBe("08:00");
    // Another day of the per-agent view: now does not count.
    expect(hhmm(openingMinute(events, "2026-03-24", "2026-03-24", wallDate("2026-03-26T14:40")))).toBe("09:00");
  });
});

describe("openAtWall: shading outside the open hours the domain made", () => {
  const open = [
    { start: "2031-03-31T09:00", end: "2031-03-31T12:00" },
    { start: "2031-03-31T14:00", end: "2031-04-01T02:00" },
  ];
  it("reads a wall-clock minute against the ranges (end excluded); no ranges is always open", async () => {
    const { openAtWall } = await import("@/lib/contract/hours");
    const { wallString } = await import("@/components/calendar/range");
    expect(openAtWall(open, wallString(new Date("2031-03-31T09:00:00Z")))).toBe(true);
    expect(openAtWall(open, "2031-03-31T12:00")).toBe(false);
    expect(openAtWall(open, "2031-03-31T23:45")).toBe(true);
    expect(openAtWall(open, "2031-04-01T01:45")).toBe(true);
    expect(openAtWall(open, "2031-04-01T02:00")).toBe(false);
    expect(openAtWall(null, "2031-04-01T10:00")).toBe(true);
  });
});

describe("absentDuring: an agent's time off over an appointment", () => {
  const off = [
    { agentId: "a", startDate: "2031-04-01", endDate: "2031-04-01", startTime: "10:00", endTime: "12:00" },
    { agentId: "b", startDate: "2031-04-03", endDate: "2031-04-04", startTime: null, endTime: null },
  ];
  it("crosses hours off on their days, whole days off, never another agent or none", async () => {
    const { absentDuring } = await import("@/lib/contract/hours");
    expect(absentDuring(off, "a", "2031-04-01T11:30", "2031-04-01T12:30")).toBe(true);
    expect(absentDuring(off, "a", "2031-04-01T12:00", "2031-04-01T12:30")).toBe(false);
    expect(absentDuring(off, "a", "2031-04-01T09:00", "2031-04-01T10:00")).toBe(false);
    expect(absentDuring(off, "a", "2031-04-02T11:00", "2031-04-02T11:30")).toBe(false);
    expect(absentDuring(off, "b", "2031-04-04T23:30", "2031-04-05T00:30")).toBe(true);
    expect(absentDuring(off, "b", "2031-04-05T00:00", "2031-04-05T01:00")).toBe(false);
    expect(absentDuring(off, "b", "2031-04-02T23:00", "2031-04-03T00:00")).toBe(false);
    expect(absentDuring(off, "a", "2031-04-03T10:00", "2031-04-03T11:00")).toBe(false);
    expect(absentDuring(off, null, "2031-04-01T11:00", "2031-04-01T11:30")).toBe(false);
  });
});
