// The scheduling benchmark on a tiny salon with few requests: it must keep working, not be fast.
// Figures come from `npm run bench:scheduling`, never from tests.
import { describe, expect, it } from "vitest";
import { moveOutcomes, runSchedulingBench } from "../../scripts/bench/scheduling";

describe("scheduling benchmark (smoke)", () => {
  it("searches free slots in process and through the API, moves appointments, counts the conflicts", async () => {
    const report = await runSchedulingBench({ runs: 1, seconds: 0.3, smoke: true, log: () => {} });
    expect(report.data.appointments).toBeGreaterThan(0);
    // Three searches, in process and through the API, at 1 and 8 callers.
    expect(report.searches).toHaveLength(3 * 2 * 2);
    for (const s of report.searches) {
      const what = `${s.name} ${s.target} c=${s.concurrency}`;
      expect(s.runs[0].requests, what).toBeGreaterThan(0);
      expect(s.runs[0].errorStatuses, what).toEqual({});
    }
    expect(report.searches.every((s) => s.slotsPerAnswer > 0)).toBe(true);
    // The API answers what the domain answers in process.
    expect(report.differingAnswers).toEqual([]);

    expect(report.moves.map((m) => `${m.name} c=${m.concurrency}`)).toEqual([
      "move to a free slot c=1",
      "move to a free slot c=8",
      "move, contended (8 to one slot) c=1",
      "move, contended (8 to one slot) c=8",
    ]);
    for (const m of report.moves) {
      const { labels, total } = moveOutcomes(m.runs);
      expect(total, `${m.name} c=${m.concurrency}`).toBeGreaterThan(0);
      // Every answer is a move or a conflict, never an error.
      expect(m.runs[0].errorStatuses, `${m.name} c=${m.concurrency}`).toEqual({});
      if (m.name === "move to a free slot" && m.concurrency === 1) expect(Object.keys(labels)).toEqual(["200"]);
      if (m.name.startsWith("move, contended")) {
        // One move of each group of 8 aimed at one slot wins; the others meet the winner.
        expect(Object.keys(labels).sort()).toEqual(["200", "409 agent-unavailable"]);
        expect(labels["409 agent-unavailable"]).toBeGreaterThan(labels["200"]);
      }
    }
  });
});
