// Message texts: the variables a template may use, the default French and English texts of
// every trigger, the check a template must pass at save, and rendering. Pure.
import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { formatMoney } from "./format";
import { MESSAGE_LANGUAGES, MESSAGE_TRIGGERS, type MessageLanguage, type MessageTrigger } from "./messages";

export const TEMPLATE_VARIABLES = ["firstName", "service", "date", "time", "agent", "company", "address", "companyPhone", "price", "reason"] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVariables = Record<TemplateVariable, string>;

export const TEMPLATE_MAX = 1000;

/** `{{ name }}`, spaces allowed inside the braces. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variables named in a template that do not exist (in order, once each). */
export function unknownVariables(template: string): string[] {
  const known = new Set<string>(TEMPLATE_VARIABLES);
  const unknown = [...template.matchAll(PLACEHOLDER)].map((m) => m[1]).filter((name) => !known.has(name));
  return [...new Set(unknown)];
}

/** A template as staff save it: 1 to 1 000 characters, only known variables. */
export const templateText = z
  .string()
  .trim()
  .min(1, "Texte obligatoire")
  .max(TEMPLATE_MAX, `${TEMPLATE_MAX} caractères au plus`)
  .superRefine((text, ctx) => {
    const unknown = unknownVariables(text);
    if (unknown.length) {
      ctx.addIssue({
        code: "custom",
        message: `Variable inconnue : ${unknown.map((v) => `{{${v}}}`).join(", ")} (possibles : ${TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(", ")})`,
      });
    }
  });

/** Per language, texts by trigger; a missing one uses the default. */
export const templatesInput = z
  .object(
    Object.fromEntries(
      MESSAGE_LANGUAGES.map((lang) => [lang, z.object(Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, templateText.optional()]))).strict().optional()]),
    ) as Record<MessageLanguage, z.ZodOptional<z.ZodObject<Record<MessageTrigger, z.ZodOptional<typeof templateText>>>>>,
  )
  .strict();
export type TemplatesInput = z.input<typeof templatesInput>;

/** Fills the variables in; an unknown name (refused at save, so only in old texts) is left as written. */
export function renderTemplate(template: string, vars: Partial<TemplateVariables>): string {
  return template
    .replace(PLACEHOLDER, (whole, name: string) => (name in vars ? (vars[name as TemplateVariable] ?? "") : whole))
    .replace(/[ \t]+\n/g, "\n")
    // An empty variable alone on its line (no reason given) leaves no blank line.
    .replace(/\n{2,}/g, "\n")
    .trim();
}

const tag = (lang: MessageLanguage) => (lang === "en" ? "en-GB" : "fr-FR");

// Making an Intl formatter costs far more than using one (the planner words thousands of messages
// at once): one per language and zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** "jeudi 5 décembre" / "Thursday 5 December", on the company's clock. */
export function messageDate(at: Date, timeZone: string, lang: MessageLanguage): string {
  return formatter(`date/${lang}/${timeZone}`, () => new Intl.DateTimeFormat(tag(lang), { weekday: "long", day: "numeric", month: "long", timeZone })).format(at);
}

/** "14h30" / "14:30", on the company's clock. */
export function messageTime(at: Date, timeZone: string, lang: MessageLanguage): string {
  const hm = formatter(`time/${timeZone}`, () => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone })).format(at);
  return lang === "fr" ? hm.replace(":", "h") : hm;
}

/** The greeting name: the given first name, else the first word of the full name. */
export function greetingName(firstName: string | null | undefined, fullname: string): string {
  return firstName?.trim() || fullname.trim().split(/\s+/)[0] || fullname;
}

export type VariableSource = {
  firstName?: string | null;
  fullname: string;
  service: string;
  date: Date;
  timeZone: string;
  agent?: string | null;
  company: string;
  address?: string | null;
  companyPhone?: string | null;
  price: number;
  currency: string;
  reason?: string | null;
};

export function variablesOf(s: VariableSource, lang: MessageLanguage): TemplateVariables {
  return {
    firstName: greetingName(s.firstName, s.fullname),
    service: s.service,
    date: messageDate(s.date, s.timeZone, lang),
    time: messageTime(s.date, s.timeZone, lang),
    agent: s.agent ?? "",
    company: s.company,
    address: s.address ?? "",
    companyPhone: s.companyPhone ?? "",
    price: formatMoney(s.price, s.currency, lang).replace(/\u00a0/g, " "),
    reason: s.reason ?? "",
  };
}

/** Where the settings' preview takes place: the company's own name, clock and currency. */
export type SamplePlace = { company: string; address?: string | null; companyPhone?: string | null; timeZone: string; currency: string };

const SAMPLE_PLACE: SamplePlace = {
  company: "Salon Élégance",
  address: "Rue des Jardins, Cocody, Abidjan",
  companyPhone: "+225 27 22 44 55 66",
  timeZone: "Africa/Abidjan",
  currency: "XOF",
};

/** A sample appointment for the settings' preview: 10 December 2026 at 14:30 on the company's clock. */
export function sampleVariables(lang: MessageLanguage, place: SamplePlace = SAMPLE_PLACE): TemplateVariables {
  return variablesOf(
    {
      firstName: "Aya",
      fullname: "Aya Kouassi",
      service: lang === "fr" ? "Coupe et brushing" : "Cut and blow-dry",
      date: new Date(new TZDate(2026, 11, 10, 14, 30, 0, place.timeZone).getTime()),
      timeZone: place.timeZone,
      agent: "Awa Koné",
      company: place.company,
      address: place.address,
      companyPhone: place.companyPhone,
      price: 15000,
      currency: place.currency,
      reason: lang === "fr" ? "l'agent est absent" : "the stylist is away",
    },
    lang,
  );
}

export const DEFAULT_TEMPLATES: Record<MessageLanguage, Record<MessageTrigger, string>> = {
  fr: {
    received:
      "Bonjour {{firstName}}, nous avons bien reçu votre demande de rendez-vous chez {{company}} : {{service}} le {{date}} à {{time}}. Nous vous confirmons très vite.",
    confirmed: "Bonjour {{firstName}}, votre rendez-vous chez {{company}} est confirmé : {{service}} le {{date}} à {{time}}. À bientôt !",
    moved: "Bonjour {{firstName}}, votre rendez-vous chez {{company}} a été déplacé : {{service}} le {{date}} à {{time}}.",
    cancelled:
      "Bonjour {{firstName}}, votre rendez-vous chez {{company}} du {{date}} à {{time}} est annulé.\n{{reason}}\nPour en reprendre un, appelez-nous au {{companyPhone}}.",
    "no-show":
      "Bonjour {{firstName}}, nous ne vous avons pas vu à votre rendez-vous du {{date}} à {{time}} chez {{company}}. Appelez-nous au {{companyPhone}} pour en fixer un autre.",
    "reminder-day-before":
      "Bonjour {{firstName}}, petit rappel : rendez-vous demain, {{date}} à {{time}}, chez {{company}} ({{service}}). Adresse : {{address}}. Répondez OUI pour confirmer ou NON pour annuler.",
    "reminder-hours-before": "Bonjour {{firstName}}, on vous attend aujourd'hui à {{time}} chez {{company}} pour votre {{service}}. À tout à l'heure !",
  },
  en: {
    received:
      "Hello {{firstName}}, we have received your booking request at {{company}}: {{service}} on {{date}} at {{time}}. We will confirm it shortly.",
    confirmed: "Hello {{firstName}}, your appointment at {{company}} is confirmed: {{service}} on {{date}} at {{time}}. See you soon!",
    moved: "Hello {{firstName}}, your appointment at {{company}} has been moved: {{service}} on {{date}} at {{time}}.",
    cancelled:
      "Hello {{firstName}}, your appointment at {{company}} on {{date}} at {{time}} has been cancelled.\n{{reason}}\nTo book again, call us on {{companyPhone}}.",
    "no-show":
      "Hello {{firstName}}, we missed you at your appointment on {{date}} at {{time}} at {{company}}. Call us on {{companyPhone}} to book another one.",
    "reminder-day-before":
      "Hello {{firstName}}, a reminder: your appointment is tomorrow, {{date}} at {{time}}, at {{company}} ({{service}}). Address: {{address}}. Reply YES to confirm or NO to cancel.",
    "reminder-hours-before": "Hello {{firstName}}, we look forward to seeing you today at {{time}} at {{company}} for your {{service}}.",
  },
};

/** E-mail subjects by trigger. */
export const SUBJECTS: Record<MessageLanguage, Record<MessageTrigger, string>> = {
  fr: {
    received: "Demande de rendez-vous reçue – {{company}}",
    confirmed: "Rendez-vous confirmé – {{company}}",
    moved: "Rendez-vous déplacé – {{company}}",
    cancelled: "Rendez-vous annulé – {{company}}",
    "no-show": "Rendez-vous manqué – {{company}}",
    "reminder-day-before": "Rappel : rendez-vous demain – {{company}}",
    "reminder-hours-before": "Rappel : rendez-vous aujourd'hui – {{company}}",
  },
  en: {
    received: "Booking request received – {{company}}",
    confirmed: "Appointment confirmed – {{company}}",
    moved: "Appointment moved – {{company}}",
    cancelled: "Appointment cancelled – {{company}}",
    "no-show": "Missed appointment – {{company}}",
    "reminder-day-before": "Reminder: appointment tomorrow – {{company}}",
    "reminder-hours-before": "Reminder: appointment today – {{company}}",
  },
};
