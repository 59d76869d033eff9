import { describe, expect, it } from "vitest";
import { isRunningLate } from "@/lib/contract/late";
import { APPOINTMENT_STATUSES } from "@/lib/contract/status";

const now = new Date("2026-03-29T10:00:00Z");

describe("isRunningLate", () => {
  it("is true only for an appointment in progress whose end is past", () => {
    expect(isRunningLate({ status: "IN_PROGRESS", end: new Date("2026-03-29T09:59:00Z") }, now)).toBe(true);
    expect(isRunningLate({ status: "IN_PROGRESS", end: "2026-03-29T09:30:00.000Z" }, now)).toBe(true);
    // Ending right now is not late yet; ending later is on time.
    expect(isRunningLate({ status: "IN_PROGRESS", end: now }, now)).toBe(false);
    expect(isRunningLate({ status: "IN_PROGRESS", end: "2026-03-29T11:00:00+01:00" }, now)).toBe(false);
    expect(isRunningLate({ status: "IN_PROGRESS", end: "2026-03-29T11:30:00+02:00" }, now)).toBe(true); // 09:30 UTC
  });

  it("is false for every other status, however far past the end", () => {
    for (const status of APPOINTMENT_STATUSES.filter((s) => s !== "IN_PROGRESS")) {
      expect(isRunningLate({ status, end: new Date("2026-03-28T09:00:00Z") }, now)).toBe(false);
    }
  });
});
