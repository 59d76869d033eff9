// The scheduling benchmark on two tiny datasets with few requests: it must keep working, not be
// fast. Figures come from `npm run bench:scheduling` (or `npm run bench`), never from tests.
import { describe, expect, it } from "vitest";
import { moveOutcomes, runSchedulingBench } from "../../scripts/bench/scheduling";

describe("scheduling benchmark (smoke)", () => {
  it("searches free slots on both datasets, moves through the API and the bare server, counts the conflicts", async () => {
    const report = await runSchedulingBench({ runs: 1, seconds: 0.3, smoke: true, log: () => {} });
    // The big dataset, then the small one, each with the salon (its history only in the big one).
    expect(report.datasets.map((d) => d.label)).toEqual(["2 k", "0.5 k"]);
    expect(report.datasets[0].appointments).toBeGreaterThan(report.datasets[1].appointments);
    expect(report.datasets[0].salonAppointments).toBeGreaterThan(report.datasets[1].salonAppointments);
    expect(report.datasets[1].salonAppointments).toBeGreaterThan(0);
    expect(report.salon.agents).toBe(12);

    // The two searches, at 8 callers, on each dataset.
    expect(report.searches.map((s) => `${s.name} ${s.dataset} c=${s.concurrency}`)).toEqual([
      "one agent, one week 2 k c=8",
      "one agent, one week 0.5 k c=8",
      "12 agents, one day 2 k c=8",
      "12 agents, one day 0.5 k c=8",
    ]);
    for (const s of report.searches) {
      const what = `${s.name} ${s.dataset}`;
      expect(s.runs[0].requests, what).toBeGreaterThan(0);
      expect(s.runs[0].errorStatuses, what).toEqual({});
    }
    for (const s of report.searchSummary) {
      expect(s.slotsPerAnswer, s.name).toBeGreaterThan(0);
      expect(Number.isFinite(s.p50Ratio) && Number.isFinite(s.p99Ratio), s.name).toBe(true);
    }
    // Both datasets find the same slots (the same salon), and the bare server moves as the API does.
    expect(report.differingAnswers).toEqual([]);

    expect(report.moves.map((m) => `${m.name} ${m.target} c=${m.concurrency}`)).toEqual([
      "move to a free slot api c=8",
      "move to a free slot bare c=8",
      "move, contended (8 to one slot) api c=8",
      "move, contended (8 to one slot) bare c=8",
    ]);
    for (const m of report.moves) {
      const what = `${m.name} ${m.target}`;
      const { labels, total } = moveOutcomes(m.runs);
      expect(total, what).toBeGreaterThan(0);
      // Every answer is a move or a conflict, never an error.
      expect(m.runs[0].errorStatuses, what).toEqual({});
      // Planned into free places no two of which overlap: every one is accepted.
      if (m.name === "move to a free slot") expect(Object.keys(labels), what).toEqual(["200"]);
      if (m.name.startsWith("move, contended")) {
        // One move of each group of 8 aimed at one slot wins; the others meet the winner.
        expect(Object.keys(labels).sort(), what).toEqual(["200", "409 agent-unavailable"]);
        expect(labels["409 agent-unavailable"], what).toBeGreaterThan(labels["200"]);
      }
    }
    expect(report.moveSummary.map((m) => m.name)).toEqual(["move to a free slot", "move, contended (8 to one slot)"]);
    for (const m of report.moveSummary) expect(m.apiOverBare, m.name).toBeGreaterThan(0);
  });
});
