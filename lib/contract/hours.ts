// Working hours, time off and the free-slot search: wire shapes and inputs. Pure.
// Times of day are local to the company ("HH:MM", "24:00" closes at midnight); days are ISO
// weekdays by short English key. DST is resolved when the hours are read, never stored.
import { z } from "zod";
import { id, optionalText, wireInstant, instant } from "./validation";
import { DAY_KEY } from "./dates";

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type TimeInterval = { start: string; end: string };
/** Per weekday, the intervals open (several a day: a lunch break is a gap). A missing day is closed. */
export type WeeklyHours = Partial<Record<Weekday, TimeInterval[]>>;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const timeOfDay = z.string().regex(HHMM, "Heure HH:MM attendue (ex. 08:30)");

/** "08:30" → 510. */
export function minutesOf(t: string): number {
  // "HH:MM" (timeOfDay): read in place, the slot search calls this for every day and agent.
  return Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export const intervalInput = z
  .object({ start: timeOfDay, end: timeOfDay })
  .refine((i) => minutesOf(i.end) > minutesOf(i.start), { message: "La fin doit être après le début", path: ["end"] });

const dayIntervals = z
  .array(intervalInput)
  .max(12)
  .superRefine((list, ctx) => {
    const sorted = list.map((i, index) => ({ ...i, index })).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let k = 1; k < sorted.length; k++) {
      if (minutesOf(sorted[k].start) < minutesOf(sorted[k - 1].end)) {
        ctx.addIssue({ code: "custom", message: "Les plages horaires se chevauchent", path: [sorted[k].index, "start"] });
      }
    }
  })
  .transform((list) => [...list].sort((a, b) => minutesOf(a.start) - minutesOf(b.start)));

export const weeklyHoursInput = z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, dayIntervals.optional()])) as Record<Weekday, z.ZodOptional<typeof dayIntervals>>);

/** `hours: null` means open at all times (the company) or follows the company (an agent). */
export const companyHoursInput = z.object({
  hours: weeklyHoursInput.nullable(),
  minNoticeMinutes: z.number().int("Nombre entier de minutes").min(0).max(43_200, "30 jours au plus").optional(),
});
export type CompanyHoursInput = z.input<typeof companyHoursInput>;

export const agentScheduleInput = z.object({ schedule: weeklyHoursInput.nullable() });
export type AgentScheduleInput = z.input<typeof agentScheduleInput>;

export const localDate = z.string().regex(DAY_KEY, "Date AAAA-MM-JJ attendue").refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}, "Date inexistante");

/**
 * An exception to an agent's week, on the company's clock: time off (`off`, a whole day when
 * no times are given) or extra hours (`extra`, times required), from startDate to endDate
 * inclusive; times apply on each of those days.
 */
export const timeOffFields = z.object({
  kind: z.enum(["off", "extra"]).default("off"),
  startDate: localDate,
  endDate: localDate.optional(),
  startTime: timeOfDay.nullish(),
  endTime: timeOfDay.nullish(),
  note: optionalText(200),
});
export const timeOffInput = timeOffFields
  .superRefine((t, ctx) => {
    if (t.endDate && t.endDate < t.startDate) ctx.addIssue({ code: "custom", message: "La fin doit être après le début", path: ["endDate"] });
    if (t.endDate && Date.parse(t.endDate) - Date.parse(t.startDate) > 366 * 86_400_000) {
      ctx.addIssue({ code: "custom", message: "Un an au plus", path: ["endDate"] });
    }
    if (!t.startTime !== !t.endTime) ctx.addIssue({ code: "custom", message: "Donnez le début et la fin, ou aucun", path: [t.startTime ? "endTime" : "startTime"] });
    if (t.startTime && t.endTime && minutesOf(t.endTime) <= minutesOf(t.startTime)) {
      ctx.addIssue({ code: "custom", message: "La fin doit être après le début", path: ["endTime"] });
    }
    if (t.kind === "extra" && !t.startTime) ctx.addIssue({ code: "custom", message: "Des heures supplémentaires ont un début et une fin", path: ["startTime"] });
  })
  .transform((t) => ({ ...t, endDate: t.endDate ?? t.startDate, startTime: t.startTime ?? null, endTime: t.endTime ?? null }));
export type TimeOffInput = z.input<typeof timeOffInput>;

/** Time off that touches [from, to] (local dates, both optional). */
export const timeOffListInput = z.object({ from: localDate.optional(), to: localDate.optional() });

export type TimeOff = {
  id: string;
  agentId: string;
  kind: "off" | "extra";
  startDate: string;
  endDate: string;
  startTime: string | null;
  endTime: string | null;
  note: string | null;
};

export const MAX_SEARCH_DAYS = 31;
export const MAX_SLOTS = 2000;

const searchShape = {
  serviceId: id,
  agentId: id.optional(),
  /**
   * Slots to move this appointment to: its booked length and buffers (not the service's today),
   * and its own place not counted as taken. It must be of the service.
   */
  appointmentId: id.optional(),
  step: z.number().int("Nombre entier de minutes").min(5, "5 minutes au moins").max(240, "240 minutes au plus").default(15),
};
export const searchRefine = (s: { from: Date; to: Date }, ctx: z.RefinementCtx) => {
  // Runs even when a date failed its own check (then it is not a Date): that field is named already.
  if (!(s.from instanceof Date) || !(s.to instanceof Date)) return;
  if (s.to <= s.from) ctx.addIssue({ code: "custom", message: "`to` doit être après `from`", path: ["to"] });
  else if (s.to.getTime() - s.from.getTime() > MAX_SEARCH_DAYS * 86_400_000) {
    ctx.addIssue({ code: "custom", message: `${MAX_SEARCH_DAYS} jours au plus`, path: ["to"] });
  }
};
/** Free slots in [from, to): the domain accepts Dates or ISO strings. */
export const availabilitySearchInput = z.object({ ...searchShape, from: instant, to: instant }).superRefine(searchRefine);
export type AvailabilitySearchInput = z.input<typeof availabilitySearchInput>;
/** The same as it travels in JSON (ISO strings with an offset). */
export const availabilitySearchWireShape = { ...searchShape, from: wireInstant, to: wireInstant };

export type Slot = { agentId: string; start: Date; end: Date };

/**
 * Open hours as wall-clock ranges on the company's clock ("YYYY-MM-DDTHH:mm", end excluded),
 * made by the domain from the same hours a booking is checked against; null: open at all times.
 */
export type WallRange = { start: string; end: string };

/** Whether the wall-clock minute `wall` ("YYYY-MM-DDTHH:mm") is inside the open ranges (null: always open). */
export function openAtWall(open: WallRange[] | null | undefined, wall: string): boolean {
  if (!open) return true;
  return open.some((r) => r.start <= wall && wall < r.end);
}

/** Whether [startWall, endWall) lies inside one of the open ranges (merged, so a stretch across midnight is one); null: always open. */
export function insideWall(open: WallRange[] | null | undefined, startWall: string, endWall: string): boolean {
  if (!open) return true;
  return open.some((r) => r.start <= startWall && endWall <= r.end);
}

/** An agent's time off as stored: local dates, and local hours (null: the whole day). */
export type Absence = { agentId: string; startDate: string; endDate: string; startTime: string | null; endTime: string | null };

/**
 * Whether `agentId` is on time off during [startWall, endWall) ("YYYY-MM-DDTHH:mm" on the
 * company's clock): a whole day off on one of its days, or hours off that cross it.
 */
export function absentDuring(list: readonly Absence[], agentId: string | null, startWall: string, endWall: string): boolean {
  if (!agentId) return false;
  return list.some((a) => {
    if (a.agentId !== agentId) return false;
    // The absence on each of its days as a wall-clock range; compared as strings.
    const first = a.startDate > startWall.slice(0, 10) ? a.startDate : startWall.slice(0, 10);
    const last = a.endDate < endWall.slice(0, 10) ? a.endDate : endWall.slice(0, 10);
    if (first > last) return false;
    if (!a.startTime || !a.endTime) return startWall < `${last}T24:00` && `${first}T00:00` < endWall;
    for (let day = first; day <= last; day = nextDay(day)) {
      if (startWall < `${day}T${a.endTime}` && `${day}T${a.startTime}` < endWall) return true;
    }
    return false;
  });
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
