import { describe, expect, it } from "vitest";
import { datePlaceholder, formatTypedDate, isoToLocalDate, localDateToIso, parseTypedDate, parseTypedTime, stepTime } from "@/lib/contract/date-input";

describe("dates as staff type them (day first, whatever the browser)", () => {
  it("shows and reads 28/11/2026", () => {
    expect(formatTypedDate("2026-11-28")).toBe("28/11/2026");
    expect(formatTypedDate("")).toBe("");
    expect(parseTypedDate("28/11/2026")).toBe("2026-11-28");
    expect(parseTypedDate(" 1.2.2027 ")).toBe("2027-02-01");
    expect(parseTypedDate("01-02-2027")).toBe("2027-02-01");
    expect(parseTypedDate("2027-02-01")).toBe("2027-02-01");
    expect(parseTypedDate("28112026")).toBe("2026-11-28");
    expect(parseTypedDate("281126")).toBeNull();
    expect(parseTypedDate("281126", { complete: true })).toBe("2026-11-28");
    expect(datePlaceholder("fr")).toBe("jj/mm/aaaa");
    expect(datePlaceholder("en")).toBe("dd/mm/yyyy");
  });

  it("refuses what is not a real date, and a two-digit year until the field is left", () => {
    expect(parseTypedDate("31/02/2027")).toBeNull();
    expect(parseTypedDate("29/02/2027")).toBeNull();
    expect(parseTypedDate("29/02/2028")).toBe("2028-02-29");
    expect(parseTypedDate("12/13/2026")).toBeNull();
    expect(parseTypedDate("28/11/20")).toBeNull();
    expect(parseTypedDate("28/11/26", { complete: true })).toBe("2026-11-28");
    expect(parseTypedDate("28/11")).toBeNull();
    expect(parseTypedDate("demain")).toBeNull();
  });

  it("grid dates go back and forth without a zone", () => {
    const d = isoToLocalDate("2026-03-29")!;
    expect(localDateToIso(d)).toBe("2026-03-29");
    expect(isoToLocalDate("29/03/2026")).toBeUndefined();
  });
});

describe("times as staff type them (24-hour)", () => {
  it("reads 14:30, 14h30, 14h, 1430, 930 and 9", () => {
    expect(parseTypedTime("14:30")).toBe("14:30");
    expect(parseTypedTime("14h30")).toBe("14:30");
    expect(parseTypedTime("14 h")).toBe("14:00");
    expect(parseTypedTime("1430")).toBe("14:30");
    expect(parseTypedTime("930")).toBe("09:30");
    expect(parseTypedTime("9")).toBe("09:00");
    expect(parseTypedTime("00:00")).toBe("00:00");
  });

  it("refuses what is not a time of day", () => {
    expect(parseTypedTime("24:00")).toBeNull();
    expect(parseTypedTime("12:60")).toBeNull();
    expect(parseTypedTime("2:30 PM")).toBeNull();
    expect(parseTypedTime("")).toBeNull();
  });

  it("arrow keys move by the step, snap to it and wrap round midnight", () => {
    expect(stepTime("14:30", 5)).toBe("14:35");
    expect(stepTime("14:32", 5)).toBe("14:35");
    expect(stepTime("14:32", -5)).toBe("14:30");
    expect(stepTime("23:55", 5)).toBe("00:00");
    expect(stepTime("00:00", -5)).toBe("23:55");
  });
});
