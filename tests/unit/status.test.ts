import { describe, expect, it } from "vitest";
import {
  ALLOWED_FROM,
  APPOINTMENT_STATUSES,
  canTransition,
  isFinal,
  nextStatuses,
  parseStatus,
} from "@/lib/contract/status";

describe("status machine (pure)", () => {
  it("allows exactly the contract's moves", () => {
    const allowed = APPOINTMENT_STATUSES.flatMap((from) =>
      APPOINTMENT_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual(
      [
        "PENDING→CONFIRMED",
        "CONFIRMED→IN_PROGRESS",
        "IN_PROGRESS→COMPLETED",
        "PENDING→CANCELLED",
        "CONFIRMED→CANCELLED",
        "IN_PROGRESS→CANCELLED",
      ].sort(),
    );
  });

  it("makes COMPLETED and CANCELLED final, and nothing leads back to PENDING", () => {
    expect(isFinal("COMPLETED")).toBe(true);
    expect(isFinal("CANCELLED")).toBe(true);
    expect(isFinal("PENDING")).toBe(false);
    expect(ALLOWED_FROM.PENDING).toEqual([]);
    expect(nextStatuses("PENDING")).toEqual(["CONFIRMED", "CANCELLED"]);
  });

  it("parses upper-case names and REST aliases, nothing else", () => {
    expect(parseStatus("IN_PROGRESS")).toBe("IN_PROGRESS");
    expect(parseStatus("inProgress")).toBe("IN_PROGRESS");
    expect(parseStatus("cancelled")).toBe("CANCELLED");
    for (const bad of ["in_progress", "Pending", "", "constructor", "toString", null, 3, undefined]) {
      expect(parseStatus(bad)).toBeUndefined();
    }
  });
});
