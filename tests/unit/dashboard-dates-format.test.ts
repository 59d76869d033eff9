import { describe, expect, it } from "vitest";
import { presetRange } from "@/lib/contract/date-presets";
import { instantToWallClock, wallClockToInstant } from "@/lib/contract/dates";
import { formatMoney, formatPhone, formatTime } from "@/lib/contract/format";

describe("dashboard formatting", () => {
  it("shows XOF as 5 000 F CFA (fr) and 5,000 F CFA (en)", () => {
    expect(formatMoney(5000, "XOF", "fr").replace(/\u00a0/g, " ")).toBe("5 000 F CFA");
    expect(formatMoney(1234567, "XOF", "en").replace(/\u00a0/g, " ")).toBe("1,234,567 F CFA");
    expect(formatMoney(0, "XOF", "fr").replace(/\u00a0/g, " ")).toBe("0 F CFA");
  });

  it("groups Ivorian and French numbers", () => {
    expect(formatPhone("+2250707123456")).toBe("+225 07 07 12 34 56");
    expect(formatPhone("+33612345678")).toBe("+33 6 12 34 56 78");
    expect(formatPhone("+14155550100")).toBe("+14155550100");
  });

  it("formats times in the company's zone, whatever the process's TZ", () => {
    const instant = new Date("2026-07-15T07:30:00Z");
    expect(formatTime(instant, "Europe/Paris")).toBe("09:30");
    expect(formatTime(instant, "Africa/Abidjan")).toBe("07:30");
  });
});

describe("date presets in the company's zone", () => {
  // 23:30 UTC on 28 Nov: still the 28th in Abidjan, already the 29th in Paris.
  const now = new Date("2026-11-28T23:30:00Z");

  it("today, tomorrow, this week (Monday first)", () => {
    expect(presetRange("today", "Africa/Abidjan", now)).toEqual({
      from: new Date("2026-11-28T00:00:00Z"),
      to: new Date("2026-11-29T00:00:00Z"),
    });
    expect(presetRange("today", "Europe/Paris", now)).toEqual({
      from: new Date("2026-11-28T23:00:00Z"),
      to: new Date("2026-11-29T23:00:00Z"),
    });
    expect(presetRange("tomorrow", "Africa/Abidjan", now).from).toEqual(new Date("2026-11-29T00:00:00Z"));
    // Saturday 28 Nov in Abidjan: the week began Monday 23rd.
    expect(presetRange("week", "Africa/Abidjan", now)).toEqual({
      from: new Date("2026-11-23T00:00:00Z"),
      to: new Date("2026-11-30T00:00:00Z"),
    });
    // Sunday 29 Nov in Paris: still the week of Monday 23rd.
    expect(presetRange("week", "Europe/Paris", now).from).toEqual(new Date("2026-11-22T23:00:00Z"));
  });

  it("custom days are inclusive, reversed days are swapped, bad days are ignored", () => {
    expect(presetRange("custom", "Europe/Paris", now, { from: "2026-03-28", to: "2026-03-29" })).toEqual({
      from: new Date("2026-03-27T23:00:00Z"),
      // 30 March starts at 00:00 CEST (UTC+2) after the spring change.
      to: new Date("2026-03-29T22:00:00Z"),
    });
    expect(presetRange("custom", "Africa/Abidjan", now, { from: "2026-12-02", to: "2026-12-01" })).toEqual({
      from: new Date("2026-12-01T00:00:00Z"),
      to: new Date("2026-12-03T00:00:00Z"),
    });
    expect(presetRange("custom", "Africa/Abidjan", now, { from: "2026-02-30", to: null })).toEqual({ from: undefined, to: undefined });
    expect(presetRange("all", "Africa/Abidjan", now)).toEqual({});
  });

  it("the form's wall clock round-trips in Paris; a time skipped by DST does not", () => {
    const summer = wallClockToInstant("2026-07-15T09:30", "Europe/Paris")!;
    expect(summer.toISOString()).toBe("2026-07-15T07:30:00.000Z");
    expect(instantToWallClock(summer, "Europe/Paris")).toBe("2026-07-15T09:30");
    const gap = wallClockToInstant("2026-03-29T02:30", "Europe/Paris");
    // The server action refuses it: the instant does not read back as the same wall clock.
    expect(gap && instantToWallClock(gap, "Europe/Paris")).not.toBe("2026-03-29T02:30");
  });
});
