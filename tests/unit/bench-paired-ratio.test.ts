// The benchmark's paired ratio: each API round against the bare round run right after it.
import { describe, expect, it } from "vitest";
import { median, pairedRatio } from "../../scripts/bench/run";

const measure = (target: "api" | "bare", rps: number[]) => ({ op: "get", target, concurrency: 8, runs: rps.map((r) => ({ rps: r })) }) as never;

describe("pairedRatio", () => {
  it("is unmoved by a speed change both rounds of a pair share, where the ratio of the medians is", () => {
    // The machine doubles its speed after the second API round: the third pair straddles it.
    const api = [80, 80, 80, 160, 160];
    const bare = [100, 100, 200, 200, 200];
    expect(median(api) / median(bare)).toBeCloseTo(0.4);
    expect(pairedRatio(measure("api", api), measure("bare", bare))).toBeCloseTo(0.8);
  });

  it("takes the middle pair, not the mean, when one round is disturbed", () => {
    expect(pairedRatio(measure("api", [90, 90, 30]), measure("bare", [100, 100, 100]))).toBeCloseTo(0.9);
  });
});
