// When the demo's appointments fall and what state they are in, planned around "now" so the
// demo looks alive at any hour: during opening hours a day under way (done, running,
// waiting), before opening a day waiting, after closing or on a closed day the next open
// day's appointments waiting. Pure: the seed and the refresh call it with their clock.
import { TZDate } from "@date-fns/tz";
import type { ServiceField } from "../contract/fields";
import type { AppointmentStatus } from "../contract/status";
import { hhmm, type WeeklyHours } from "../contract/hours";

export const DEMO_TIMEZONE = "Africa/Abidjan";
/** The demo companies' hours on their clock: Monday to Saturday, 08:00–19:00. */
export const DEMO_HOURS = { open: 8 * 60, close: 19 * 60, closedWeekdays: [0] as readonly number[] };

/** DEMO_HOURS as the companies' opening hours (Sunday closed), which bookings must fit. */
export function demoOpeningHours(): WeeklyHours {
  const day = [{ start: hhmm(DEMO_HOURS.open), end: hhmm(DEMO_HOURS.close) }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day };
}

const DAYS_BACK = 14;
const DAYS_AHEAD = 14;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CANCEL_REASONS = ["Empêchement du client", "Client malade", "Reporté à la semaine prochaine", "Agent absent", null];

export type PlanService = { id: string; duration: number; basePrice: number; fields: ServiceField[] };
export type HistoryStep = { from: AppointmentStatus | null; to: AppointmentStatus; at: Date; reason?: string | null };
export type PlannedAppointment = {
  companyId: string;
  agentId: string | null;
  service: PlanService;
  date: Date;
  end: Date;
  status: AppointmentStatus;
  history: HistoryStep[];
};

type Day = { y: number; m: number; d: number };

function localDay(now: Date, offset: number): Day {
  const today = new TZDate(now.getTime(), DEMO_TIMEZONE);
  return { y: today.getFullYear(), m: today.getMonth(), d: today.getDate() + offset };
}

function at(day: Day, minutes: number): Date {
  return new Date(new TZDate(day.y, day.m, day.d, Math.floor(minutes / 60), minutes % 60, 0, DEMO_TIMEZONE).getTime());
}

function isOpen(day: Day): boolean {
  return !DEMO_HOURS.closedWeekdays.includes(new TZDate(at(day, 12 * 60).getTime(), DEMO_TIMEZONE).getDay());
}

/** Minutes since local midnight of `now` on the demo's clock. */
function minuteOfDay(now: Date): number {
  const z = new TZDate(now.getTime(), DEMO_TIMEZONE);
  return z.getHours() * 60 + z.getMinutes();
}

/**
 * One agent's appointments over the demo's four weeks. Today's chain fills the opening day;
 * for the company's first agent it is anchored on "now" during opening hours, so each
 * company has one appointment running, some done before it and some waiting after.
 */
export function planAgent(args: {
  companyId: string;
  agentId: string;
  services: PlanService[];
  now: Date;
  random: () => number;
  anchorNow: boolean;
}): PlannedAppointment[] {
  const { random, now } = args;
  const pickService = () => args.services[Math.floor(random() * args.services.length)];
  const gap = () => 15 * (1 + Math.floor(random() * 4));
  const pickFitting = (room: number) => {
    const fitting = args.services.filter((s) => s.duration <= room);
    return fitting.length ? fitting[Math.floor(random() * fitting.length)] : undefined;
  };
  const out: PlannedAppointment[] = [];
  for (let offset = -DAYS_BACK; offset <= DAYS_AHEAD; offset++) {
    const day = localDay(now, offset);
    if (!isOpen(day)) continue;
    const starts: { minute: number; service: PlanService }[] = [];
    if (offset === 0) {
      const nowMinute = minuteOfDay(now);
      const anchored = args.anchorNow && nowMinute >= DEMO_HOURS.open && nowMinute < DEMO_HOURS.close;
      // The anchor starts a quarter before now (rounded to the quarter), or at opening.
      let anchor = anchored ? Math.max(DEMO_HOURS.open, Math.floor(nowMinute / 15) * 15 - 15) : DEMO_HOURS.open + Math.floor(random() * 4) * 15;
      let first = pickService();
      if (anchored) {
        // The running one must still run at now and end before closing.
        const fitting = args.services.filter((s) => anchor + s.duration > nowMinute && anchor + s.duration <= DEMO_HOURS.close);
        first = fitting.length ? fitting[Math.floor(random() * fitting.length)] : first;
        if (anchor + first.duration > DEMO_HOURS.close) anchor = Math.max(DEMO_HOURS.open, DEMO_HOURS.close - first.duration);
      }
      starts.push({ minute: anchor, service: first });
      // Backwards from the anchor to the opening, then forwards to the closing, with services that fit.
      for (let end = anchor - gap(); ; end -= gap()) {
        const service = pickFitting(end - DEMO_HOURS.open);
        if (!service) break;
        starts.unshift({ minute: end - service.duration, service });
        end -= service.duration;
      }
      for (let minute = anchor + first.duration + gap(); ; minute += gap()) {
        const service = pickFitting(DEMO_HOURS.close - minute);
        if (!service) break;
        starts.push({ minute, service });
        minute += service.duration;
      }
    } else {
      const count = 1 + Math.floor(random() * 3);
      let minute = DEMO_HOURS.open + 30 + Math.floor(random() * 16) * 15;
      for (let i = 0; i < count; i++) {
        const service = pickService();
        if (minute + service.duration > DEMO_HOURS.close) break;
        starts.push({ minute, service });
        minute += service.duration + gap();
      }
    }
    let keptWaiting = false;
    for (const { minute, service } of starts) {
      const date = at(day, minute);
      const end = new Date(date.getTime() + service.duration * MINUTE);
      // The first agent's next appointment always waits (never cancelled): each company has work ahead.
      const mustWait = args.anchorNow && !keptWaiting && date > now;
      if (mustWait) keptWaiting = true;
      const status = statusFor({ date, end, now, today: offset === 0, random, mustWait });
      out.push({
        companyId: args.companyId,
        agentId: args.agentId,
        service,
        date,
        end,
        status,
        history: historyOf(status, date, end, now, random),
      });
    }
  }
  return out;
}

/** Walk-ins nobody has taken yet: one a day on open days around now, no agent. */
export function planUnassigned(args: { companyId: string; services: PlanService[]; now: Date; random: () => number }): PlannedAppointment[] {
  const { random, now } = args;
  const out: PlannedAppointment[] = [];
  for (let offset = -2; offset <= 5; offset++) {
    const day = localDay(now, offset);
    if (!isOpen(day)) continue;
    const service = args.services[Math.floor(random() * args.services.length)];
    const date = at(day, (10 + Math.floor(random() * 6)) * 60);
    const end = new Date(date.getTime() + service.duration * MINUTE);
    const status = statusFor({ date, end, now, today: offset === 0, random, mustWait: false });
    out.push({ companyId: args.companyId, agentId: null, service, date, end, status, history: historyOf(status, date, end, now, random) });
  }
  return out;
}

/**
 * What a real day looks like: past ones done (or cancelled), the current one running, later
 * ones waiting. On past days a few stay confirmed (forgotten); today's past ones are closed.
 */
function statusFor(a: { date: Date; end: Date; now: Date; today: boolean; random: () => number; mustWait: boolean }): AppointmentStatus {
  const r = a.random();
  if (a.end <= a.now) return r < 0.85 ? "COMPLETED" : r < 0.97 || a.today ? "CANCELLED" : "CONFIRMED";
  if (a.date <= a.now) return "IN_PROGRESS";
  if (a.mustWait) return r < 0.5 ? "PENDING" : "CONFIRMED";
  return r < 0.45 ? "PENDING" : r < 0.9 ? "CONFIRMED" : "CANCELLED";
}

/** A history that leads to `status` through allowed moves, every step in the past. */
function historyOf(status: AppointmentStatus, date: Date, end: Date, now: Date, random: () => number): HistoryStep[] {
  const created = new Date(Math.min(date.getTime() - (1 + random() * 96) * HOUR, now.getTime() - 2 * HOUR));
  const steps: HistoryStep[] = [{ from: null, to: "PENDING", at: created }];
  const path: Record<AppointmentStatus, AppointmentStatus[]> = {
    PENDING: [],
    CONFIRMED: ["CONFIRMED"],
    IN_PROGRESS: ["CONFIRMED", "IN_PROGRESS"],
    COMPLETED: ["CONFIRMED", "IN_PROGRESS", "COMPLETED"],
    CANCELLED: random() < 0.5 ? ["CANCELLED"] : ["CONFIRMED", "CANCELLED"],
  };
  // Every step strictly after the previous one and before the clock, a second apart at least.
  const limit = now.getTime() - MINUTE;
  let last = created.getTime();
  path[status].forEach((to, i) => {
    const remaining = path[status].length - i;
    const target = to === "IN_PROGRESS" ? date.getTime() : to === "COMPLETED" ? end.getTime() : last + (0.5 + random() * 6) * HOUR;
    const stamp = Math.min(Math.max(target, last + 1000), limit - (remaining - 1) * 1000);
    steps.push({
      from: steps[steps.length - 1].to,
      to,
      at: new Date(stamp),
      reason: to === "CANCELLED" ? CANCEL_REASONS[Math.floor(random() * CANCEL_REASONS.length)] : undefined,
    });
    last = stamp;
  });
  return steps;
}
