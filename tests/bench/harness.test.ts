// The benchmark harness on tiny data with few requests: it must keep working, not be fast.
// Figures come from `npm run bench`, never from tests.
import { describe, expect, it } from "vitest";
import { runBench } from "../../scripts/bench/run";

describe("benchmark harness (smoke)", () => {
  it("runs every operation against the API and the bare server, explains the list, times the page", async () => {
    const report = await runBench({ rows: 5000, runs: 1, seconds: 0.3, smoke: true, log: () => {} });
    expect(report.measures).toHaveLength(5 * 2 * 2);
    for (const m of report.measures) {
      expect(m.runs[0].requests, `${m.op} ${m.target} c=${m.concurrency}`).toBeGreaterThan(0);
      expect(m.runs[0].errorStatuses, `${m.op} ${m.target} c=${m.concurrency}`).toEqual({});
    }
    expect(report.plans.map((p) => p.index)).toEqual(["appointments_company_status_date_idx", "appointments_company_status_date_idx"]);
    expect(report.plans.every((p) => !p.sortsCompany)).toBe(true);
    expect(report.pages.map((p) => p.runsMs.length > 0)).toEqual([true, true]);
    expect(report.bundles.find((b) => b.route.endsWith("/appointments"))?.gzipKb).toBeGreaterThan(0);
    // The ceiling does the same work: the same answer, byte for byte, for the same read.
    expect(report.differingAnswers).toEqual([]);
  });
});
