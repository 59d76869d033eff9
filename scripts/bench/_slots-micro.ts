import { findFreeSlots, type Range } from "../../lib/scheduling/hours-math";
import { hoursSpec } from "../../lib/scheduling/working-hours";
const TZ = process.argv[2] ?? "Africa/Abidjan";
const week = { mon: [{ start: "08:00", end: "12:30" }, { start: "13:30", end: "19:00" }], tue: [{ start: "08:00", end: "19:00" }], wed: [{ start: "08:00", end: "19:00" }], thu: [{ start: "08:00", end: "19:00" }], fri: [{ start: "08:00", end: "19:00" }], sat: [{ start: "09:00", end: "17:00" }] } as any;
const from = Date.parse("2027-03-01T00:00:00Z");
function agents(n: number, days: number) {
  return Array.from({ length: n }, (_, i) => {
    const busy: Range[] = [];
    for (let d = 0; d < days + 2; d++) for (let h = 8; h < 19; h += 1.5) busy.push({ start: from + d * 86400000 + h * 3600000, end: from + d * 86400000 + (h + 1) * 3600000 });
    return { id: `a${i}`, hours: hoursSpec({ timezone: TZ, opening_hours: week, schedule: null, exceptions: [{ agentId: "x", kind: "off", startDate: "2027-03-02", endDate: "2027-03-02", startTime: "10:00", endTime: "12:00" }] as any }, true), busy };
  });
}
for (const [n, days] of [[1, 7], [12, 1]] as const) {
  const a = agents(n, days);
  const q = { from, to: from + days * 86400000, step: 15, duration: 45, bufferBefore: 5, bufferAfter: 10, timezone: TZ, agents: a, limit: 2000 };
  for (let i = 0; i < 200; i++) findFreeSlots(q);
  const t0 = performance.now();
  let slots = 0;
  for (let i = 0; i < 1000; i++) slots = findFreeSlots(q).slots.length;
  console.log(`${n} agents ${days} days: ${((performance.now() - t0) / 1000).toFixed(3)} ms/search, ${slots} slots`);
}
