// A company's message settings (on/off per trigger, reminder times, texts, WhatsApp templates)
// and the clock rules of sending: reminders on the company's clock, quiet hours. Pure.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { timeOfDay } from "./hours";
import { MESSAGE_TRIGGERS, type MessageKind, type MessageTrigger } from "./messages";
import { TEMPLATE_VARIABLES, templatesInput, type TemplatesInput } from "./message-templates";

export type WhatsappTemplate = { name: string; variables: (typeof TEMPLATE_VARIABLES)[number][] };

export type CompanyMessageSettings = {
  /** Messages of this company at all. */
  enabled: boolean;
  triggers: Record<MessageTrigger, boolean>;
  /** The day-before reminder's local time, "HH:MM". */
  dayBeforeAt: string;
  /** The second reminder, this many minutes before the start. */
  hoursBeforeMinutes: number;
  /** Staff's texts; a missing one is the default (lib/contract/message-templates.ts). */
  templates: TemplatesInput;
  /** WhatsApp business-initiated messages: the approved template per trigger. */
  whatsappTemplates: Partial<Record<MessageTrigger, WhatsappTemplate>>;
};

/** Off until a company turns them on; then every trigger but no-show. */
export function defaultMessageSettings(): CompanyMessageSettings {
  return {
    enabled: false,
    triggers: Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, t !== "no-show"])) as Record<MessageTrigger, boolean>,
    dayBeforeAt: "18:00",
    hoursBeforeMinutes: 120,
    templates: {},
    whatsappTemplates: {},
  };
}

const whatsappTemplate = z
  .object({
    name: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,512}$/, "Nom de modèle WhatsApp : minuscules, chiffres et _"),
    variables: z.array(z.enum(TEMPLATE_VARIABLES, { error: `Variable inconnue ; possibles : ${TEMPLATE_VARIABLES.join(", ")}` })).max(10),
  })
  .strict();

/** What staff may change; fields left out stay as they are. */
export const messageSettingsInput = z
  .object({
    enabled: z.boolean(),
    triggers: z.object(Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, z.boolean().optional()])) as Record<MessageTrigger, z.ZodOptional<z.ZodBoolean>>).strict(),
    dayBeforeAt: timeOfDay.refine((t) => t !== "24:00", "Heure HH:MM attendue (ex. 18:00)"),
    hoursBeforeMinutes: z.number().int().min(15, "15 minutes au moins").max(48 * 60, "48 heures au plus"),
    templates: templatesInput,
    whatsappTemplates: z
      .object(Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, whatsappTemplate.nullable().optional()])) as Record<MessageTrigger, z.ZodOptional<z.ZodNullable<typeof whatsappTemplate>>>)
      .strict(),
  })
  .partial()
  .strict();
export type MessageSettingsInput = z.input<typeof messageSettingsInput>;

/** The stored settings with a change applied (texts and templates merged per trigger; null removes one). */
export function applySettings(current: CompanyMessageSettings, change: z.output<typeof messageSettingsInput>): CompanyMessageSettings {
  const whatsapp = { ...current.whatsappTemplates };
  for (const [t, v] of Object.entries(change.whatsappTemplates ?? {}) as [MessageTrigger, WhatsappTemplate | null | undefined][]) {
    if (v === null) delete whatsapp[t];
    else if (v) whatsapp[t] = v;
  }
  return {
    enabled: change.enabled ?? current.enabled,
    triggers: { ...current.triggers, ...stripUndefined(change.triggers ?? {}) },
    dayBeforeAt: change.dayBeforeAt ?? current.dayBeforeAt,
    hoursBeforeMinutes: change.hoursBeforeMinutes ?? current.hoursBeforeMinutes,
    templates: {
      fr: { ...current.templates.fr, ...stripUndefined(change.templates?.fr ?? {}) },
      en: { ...current.templates.en, ...stripUndefined(change.templates?.en ?? {}) },
    },
    whatsappTemplates: whatsapp,
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Stored settings read back: defaults fill what an older row lacks. */
export function readSettings(stored: Partial<CompanyMessageSettings> | null | undefined): CompanyMessageSettings {
  const d = defaultMessageSettings();
  if (!stored) return d;
  return { ...d, ...stored, triggers: { ...d.triggers, ...stored.triggers } };
}

// ---------- the clock ----------

/** No message goes out from 21:00 to 07:00 on the company's clock. */
export const QUIET_FROM = 21;
export const QUIET_UNTIL = 7;

const plain = (d: Date) => new Date(d.getTime());

/** When a reminder falls due: the day before at `dayBeforeAt`, or `hoursBeforeMinutes` before the start. */
export function reminderDue(trigger: "reminder-day-before" | "reminder-hours-before", start: Date, timeZone: string, s: Pick<CompanyMessageSettings, "dayBeforeAt" | "hoursBeforeMinutes">): Date {
  if (trigger === "reminder-hours-before") return new Date(start.getTime() - s.hoursBeforeMinutes * 60_000);
  const local = new TZDate(start.getTime(), timeZone);
  const [h, m] = s.dayBeforeAt.split(":").map(Number);
  return plain(new TZDate(local.getFullYear(), local.getMonth(), local.getDate() - 1, h, m, 0, timeZone));
}

/** A time in the quiet hours moves to the next 07:00 on the company's clock; other times stay. */
export function outOfQuietHours(at: Date, timeZone: string): Date {
  const local = new TZDate(at.getTime(), timeZone);
  const hour = local.getHours();
  if (hour >= QUIET_UNTIL && hour < QUIET_FROM) return at;
  const day = hour >= QUIET_FROM ? local.getDate() + 1 : local.getDate();
  return plain(new TZDate(local.getFullYear(), local.getMonth(), day, QUIET_UNTIL, 0, 0, timeZone));
}

/** The reminders, planned ahead of the appointment from the company's settings. */
export const REMINDER_TRIGGERS = ["reminder-day-before", "reminder-hours-before"] as const satisfies readonly MessageTrigger[];

/**
 * When a message meant to go at `at` may go, and whether it is pointless by then: out of the
 * quiet hours (the next 07:00), and late when that is at or past the appointment's start (a
 * no-show message comes after the start by nature). The one rule of the planner and of the
 * sender's retries.
 */
export function sendingTime(at: Date, timeZone: string, start: Date, trigger: MessageKind): { at: Date; late: boolean } {
  const due = outOfQuietHours(at, timeZone);
  return { at: due, late: trigger !== "no-show" && due >= start };
}

export type ReminderTrigger = (typeof REMINDER_TRIGGERS)[number];

/**
 * What a change of settings does to messages already planned: the reminders to plan again for
 * the company's future bookings (turned on, messages or the trigger itself, or their time
 * changed), and the triggers turned off (their messages still waiting are cancelled).
 */
export function settingsChange(before: CompanyMessageSettings, after: CompanyMessageSettings): { replan: ReminderTrigger[]; turnedOff: MessageTrigger[] } {
  const wanted = (s: CompanyMessageSettings, t: MessageTrigger) => s.enabled && s.triggers[t];
  const retimed: Record<ReminderTrigger, boolean> = {
    "reminder-day-before": before.dayBeforeAt !== after.dayBeforeAt,
    "reminder-hours-before": before.hoursBeforeMinutes !== after.hoursBeforeMinutes,
  };
  return {
    replan: REMINDER_TRIGGERS.filter((t) => wanted(after, t) && (!wanted(before, t) || retimed[t])),
    turnedOff: MESSAGE_TRIGGERS.filter((t) => wanted(before, t) && !wanted(after, t)),
  };
}
