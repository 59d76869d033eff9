// The benchmark's paired ratio: each API round against the bare round run right after it.
import { describe, expect, it } from "vitest";
import { median, pairedRatio } from "../../scripts/bench/run";

const measure = (target: "api" | "bare", rps: number[]) => ({ op: "get", target, concurrency: 8, runs: rps.map((r) => ({ rps: r })) }) as never;

describe("pairedRatio", () => {
  it("is the median of the rounds' own ratios, unmoved by a speed change the pairs share", () => {
    // The machine doubles its speed after the second round: the medians' ratio sees it, the pairs don't.
    const api = measure("api", [80, 80, 160, 160, 160]);
    const bare = measure("bare", [100, 100, 200, 200, 200]);
    expect(pairedRatio(api, bare)).toBeCloseTo(0.8);
    expect(median([80, 80, 160, 160, 160]) / median([100, 100, 200, 200, 200])).toBeCloseTo(0.8);
    const drifting = measure("api", [80, 80, 80, 160, 160]);
    const bareDrifting = measure("bare", [100, 100, 200, 200, 200]);
    expect(median([80, 80, 80, 160, 160]) / median([100, 100, 200, 200, 200])).toBeCloseTo(0.4);
    expect(pairedRatio(drifting, bareDrifting)).toBeCloseTo(0.8);
  });

  it("takes the middle pair, not the mean, when one round is disturbed", () => {
    expect(pairedRatio(measure("api", [90, 90, 30]), measure("bare", [100, 100, 100]))).toBeCloseTo(0.9);
  });
});
