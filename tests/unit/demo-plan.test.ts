// The demo's planner at every quarter hour of a week: whatever the hour the demo is made,
// it shows a day under way while open, work waiting ahead, and fits the opening hours.
import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/demo/catalog";
import { DEMO_HOURS, DEMO_TIMEZONE, planAgent, type PlanService } from "@/lib/demo/plan";

const services: PlanService[] = [30, 45, 60, 180].map((duration, i) => ({ id: `s${i}`, duration, basePrice: 1000, fields: [] }));
const monday = new Date("2026-12-07T00:00:00Z");

describe("demo planner", () => {
  const instants = Array.from({ length: 7 * 24 * 4 }, (_, i) => new Date(monday.getTime() + i * 15 * 60_000));

  it.each([[services], [services.slice(3)], [services.slice(0, 1)]])("holds at every quarter hour of a week (services %#)", (offered) => {
    const problems: string[] = [];
    for (const now of instants) {
      const plan = planAgent({ companyId: "c", agentId: "a", services: offered, now, random: seededRandom(7), anchorNow: true });
      const local = new TZDate(now.getTime(), DEMO_TIMEZONE);
      const minute = local.getHours() * 60 + local.getMinutes();
      const open = !DEMO_HOURS.closedWeekdays.includes(local.getDay()) && minute >= DEMO_HOURS.open && minute < DEMO_HOURS.close;
      const at = now.toISOString();

      if (plan.some((p) => p.status === "IN_PROGRESS") !== open) problems.push(`${at}: running should be ${open}`);
      if (!plan.some((p) => p.date > now && (p.status === "PENDING" || p.status === "CONFIRMED"))) problems.push(`${at}: nothing waiting`);
      const sorted = [...plan].sort((a, b) => a.date.getTime() - b.date.getTime());
      for (let i = 1; i < sorted.length; i++) if (sorted[i].date < sorted[i - 1].end) problems.push(`${at}: overlap`);
      for (const p of plan) {
        const start = new TZDate(p.date.getTime(), DEMO_TIMEZONE);
        const end = new TZDate(p.end.getTime(), DEMO_TIMEZONE);
        const endMinute = end.getDate() === start.getDate() ? end.getHours() * 60 + end.getMinutes() : 24 * 60;
        if (DEMO_HOURS.closedWeekdays.includes(start.getDay())) problems.push(`${at}: on a closed day`);
        if (start.getHours() * 60 + start.getMinutes() < DEMO_HOURS.open || endMinute > DEMO_HOURS.close) problems.push(`${at}: outside hours`);
      }
    }
    expect(problems).toEqual([]);
  });
});
