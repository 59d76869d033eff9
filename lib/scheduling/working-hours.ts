// The one check that a booking (or a move) fits the hours: the agent's (their own week or the
// company's, plus their time off and extra hours), or the company's opening hours for an
// appointment without an agent. Create calls it; a move calls it the same way.
import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { executeRows, type Queryable } from "@/db";
import { type Caller, isManager } from "../auth/caller";
import { AppError } from "../contract/errors";
import { hhmm, type TimeOff, type WeeklyHours } from "../contract/hours";
import { addDays, alwaysOpen, type HoursSpec, insideRanges, localDateOf, minutesOpenOn, openRanges } from "./hours-math";

export type HoursCheck = {
  companyId: string;
  agentId: string | null;
  /** The appointment itself; the check covers [start − bufferBefore, end + bufferAfter). */
  start: Date;
  end: Date;
  bufferBefore: number;
  bufferAfter: number;
  /** A reassignment that keeps the start: the rules on when (past, notice) concern a chosen time only. */
  keepsStart?: boolean;
  /** Asked from the dashboard after a warning: owners and admins only, never an API key. */
  force?: boolean;
  now?: Date;
};

export type HoursRow = {
  timezone: string;
  opening_hours: WeeklyHours | null;
  min_notice_minutes: number;
  fullname: string | null;
  schedule: WeeklyHours | null;
  exceptions: TimeOff[] | null;
};

/**
 * Loads the hours that apply (one query) and refuses with `outside-working-hours` when the
 * blocked range is not inside them, or when an API key books (or moves) to a start already past
 * or sooner than the company's minimum notice. Answers whether the booking was forced outside the hours (to record it).
 */
export async function assertWithinWorkingHours(
  db: Queryable,
  caller: Caller,
  check: HoursCheck,
  /** The hours already read with another statement (create reads them with its checks). */
  loaded?: HoursRow,
): Promise<{ outsideHours: boolean }> {
  // Rules on when a program may book, before the hours: an API key books and moves into the
  // future only (staff in the dashboard may record a walk-in afterwards), and no sooner than the
  // company's minimum notice.
  const now = (check.now ?? new Date()).getTime();
  // A reassignment keeps the time already agreed (an appointment under way may change hands).
  const byApi = caller.actor.type === "api_key" && !check.keepsStart;
  if (byApi && check.start.getTime() < now) throw new AppError("outside-working-hours", PAST_MESSAGE);
  const row = loaded ?? (await loadHours(db, caller.appId, check.companyId, check.agentId, check.start, check.end));
  if (!row) return { outsideHours: false };
  if (byApi && row.min_notice_minutes > 0 && check.start.getTime() < now + row.min_notice_minutes * 60_000) {
    throw new AppError("outside-working-hours", noticeMessage(row.min_notice_minutes));
  }
  const spec = hoursSpec(row, check.agentId !== null);
  if (alwaysOpen(spec)) return { outsideHours: false };
  const from = check.start.getTime() - check.bufferBefore * 60_000;
  const to = check.end.getTime() + check.bufferAfter * 60_000;
  if (insideRanges(openRanges(spec, from, to), from, to)) return { outsideHours: false };
  if (check.force && isManager(caller)) return { outsideHours: true };
  throw new AppError("outside-working-hours", outsideMessage(spec, row.fullname, check.start), {
    // forceable: an owner or admin may confirm and book anyway (the dashboard then offers it).
    details: { workingHours: dayHours(spec, check.start), ...(isManager(caller) ? { forceable: true } : {}) },
  });
}

/** The hours of an agent (own week or the company's, with exceptions), or of the company alone. */
export function hoursSpec(row: Pick<HoursRow, "timezone" | "opening_hours" | "schedule" | "exceptions">, withAgent: boolean): HoursSpec {
  return {
    timezone: row.timezone,
    weekly: withAgent ? (row.schedule ?? row.opening_hours) : row.opening_hours,
    exceptions: withAgent ? (row.exceptions ?? []) : [],
  };
}

/** The days of time off read for a booking: its UTC days, two either side (covers any time zone). */
export function hoursDays(start: Date, end: Date): { firstDay: string; lastDay: string } {
  return { firstDay: addDays(start.toISOString().slice(0, 10), -2), lastDay: addDays(end.toISOString().slice(0, 10), 2) };
}

async function loadHours(db: Queryable, appId: string, companyId: string, agentId: string | null, start: Date, end: Date) {
  const { firstDay, lastDay } = hoursDays(start, end);
  const [row] = await executeRows<HoursRow>(
    db,
    hoursSelect(sql`${appId}::uuid`, sql`${companyId}::uuid`, sql`${agentId}::uuid`, sql`${firstDay}::date`, sql`${lastDay}::date`),
  );
  return row;
}

/**
 * The hours that apply to a booking of this company (and agent) as one row (HoursRow), time off
 * between the two days. Each argument is an SQL expression: create reads this in its checks.
 */
export function hoursSelect(appId: SQL, companyId: SQL, agentId: SQL, firstDay: SQL, lastDay: SQL): SQL {
  return sql`
      SELECT co.timezone, co.opening_hours, co.min_notice_minutes, g.fullname, g.schedule,
        (SELECT json_agg(json_build_object('kind', t.kind, 'startDate', t.start_date, 'endDate', t.end_date,
                'startTime', t.start_time, 'endTime', t.end_time))
           FROM agent_time_off t
          WHERE t.app_id = co.app_id AND t.agent_id = g.id AND t.end_date >= ${firstDay} AND t.start_date <= ${lastDay}
        ) AS exceptions
      FROM companies co
      LEFT JOIN agents g ON g.app_id = co.app_id AND g.company_id = co.id AND g.id = ${agentId}
      WHERE co.app_id = ${appId} AND co.id = ${companyId}`;
}

const dayFormat = (timezone: string) => new Intl.DateTimeFormat("fr-FR", { weekday: "long", day: "numeric", month: "long", timeZone: timezone });

function dayHours(spec: HoursSpec, at: Date) {
  return minutesOpenOn(spec, localDateOf(at, spec.timezone)).map((r) => ({ start: hhmm(r.start), end: hhmm(r.end) }));
}

/** "Awa Koné ne travaille pas à cette heure. Le lundi 7 décembre : 08:00–12:00, 14:00–19:00." */
export function outsideMessage(spec: HoursSpec, agentName: string | null, at: Date): string {
  const day = dayFormat(spec.timezone).format(at);
  const hours = dayHours(spec, at);
  const who = agentName ? `${agentName} ne travaille pas` : "L'entreprise est fermée";
  if (hours.length === 0) return `${who} le ${day}.`;
  const list = hours.map((h) => `${h.start}–${h.end}`).join(", ");
  return `${who} à cette heure. Le ${day}, ${agentName ? "horaires de travail" : "horaires d'ouverture"} : ${list}.`;
}

const PAST_MESSAGE = "Ce créneau est déjà passé : par l'API, un rendez-vous ne peut être réservé ou déplacé que vers un horaire à venir.";

function noticeMessage(minutes: number): string {
  const delay = minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
  return `Les réservations en ligne doivent être faites au moins ${delay} à l'avance.`;
}
