// Message texts and the clock rules: variables filled in the customer's language on the
// company's clock, unknown variables and long texts refused with the field named, every
// default text using known variables only, reminders and quiet hours on the company's clock.
import { describe, expect, it } from "vitest";
import { MESSAGE_TRIGGERS } from "@/lib/contract/messages";
import { applySettings, defaultMessageSettings, messageSettingsInput, outOfQuietHours, reminderDue, settingsChange } from "@/lib/contract/message-settings";
import { DEFAULT_TEMPLATES, greetingName, renderTemplate, sampleVariables, unknownVariables, variablesOf } from "@/lib/contract/message-templates";
import { parseInput } from "@/lib/contract/parse";
import { AppError } from "@/lib/contract/errors";

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("validation-error");
    return ((err as AppError).details as { fields: Record<string, string[]> }).fields;
  }
  throw new Error("accepted");
};

describe("rendering", () => {
  const source = {
    fullname: "Aya Kouassi Marie",
    service: "Coupe",
    date: new Date("2026-12-03T14:30:00Z"), // a Thursday; 15:30 in Paris
    timeZone: "Europe/Paris",
    agent: "Awa",
    company: "Salon A",
    price: 15000,
    currency: "XOF",
  };

  it("fills dates in the company's zone and the customer's language, money as people write it", () => {
    const fr = variablesOf(source, "fr");
    expect(fr).toMatchObject({ firstName: "Aya", date: "jeudi 3 décembre", time: "15h30", price: "15 000 F CFA", address: "", reason: "" });
    const en = variablesOf({ ...source, firstName: "Marie" }, "en");
    expect(en).toMatchObject({ firstName: "Marie", date: "Thursday 3 December", time: "15:30", price: "15,000 F CFA" });
  });

  it("renders a template, an empty reason leaving no blank line", () => {
    const vars = variablesOf(source, "fr");
    expect(renderTemplate("Bonjour {{firstName}}, le {{ date }} à {{time}}.", vars)).toBe("Bonjour Aya, le jeudi 3 décembre à 15h30.");
    const cancelled = renderTemplate(DEFAULT_TEMPLATES.fr.cancelled, vars);
    expect(cancelled).not.toMatch(/\n\n/);
    expect(renderTemplate(DEFAULT_TEMPLATES.fr.cancelled, { ...vars, reason: "Motif : agent absent" })).toContain("\nMotif : agent absent\n");
  });

  it("greets by the first name, else the first word of the full name", () => {
    expect(greetingName(null, "  Kouamé Jean ")).toBe("Kouamé");
    expect(greetingName(" Jean ", "Kouamé Jean")).toBe("Jean");
  });

  it("has a default text for every trigger in both languages, with known variables only, and a sample", () => {
    for (const lang of ["fr", "en"] as const) {
      for (const t of MESSAGE_TRIGGERS) {
        expect(unknownVariables(DEFAULT_TEMPLATES[lang][t])).toEqual([]);
        expect(renderTemplate(DEFAULT_TEMPLATES[lang][t], sampleVariables(lang))).not.toContain("{{");
      }
    }
  });

  it("places the settings' sample at the company: its name, 14:30 on its clock, its currency", () => {
    const place = { company: "Atelier Paris", address: null, companyPhone: "+33 1 23 45 67 89", timeZone: "Europe/Paris", currency: "EUR" };
    const fr = sampleVariables("fr", place);
    expect(fr).toMatchObject({ company: "Atelier Paris", address: "", companyPhone: "+33 1 23 45 67 89", date: "jeudi 10 décembre", time: "14h30" });
    expect(fr.price.replace(/\s/g, " ")).toBe("15 000,00 €");
    expect(sampleVariables("en", { ...place, timeZone: "America/New_York", currency: "XOF" })).toMatchObject({ time: "14:30", date: "Thursday 10 December", price: "15,000 F CFA" });
    // Without a place: the demo salon in Abidjan.
    expect(sampleVariables("fr")).toMatchObject({ company: "Salon Élégance", time: "14h30" });
  });
});

describe("validation", () => {
  it("refuses unknown variables and texts over 1 000 characters, naming the field", () => {
    const fields = fieldsOf(() =>
      parseInput(messageSettingsInput, { templates: { fr: { confirmed: "Bonjour {{prenom}} {{firstName}}", received: "x".repeat(1001) } } }),
    );
    expect(fields["templates.fr.confirmed"][0]).toContain("{{prenom}}");
    expect(fields["templates.fr.received"][0]).toContain("1000");
    expect(Object.keys(fieldsOf(() => parseInput(messageSettingsInput, { dayBeforeAt: "25:00" })))).toEqual(["dayBeforeAt"]);
    expect(Object.keys(fieldsOf(() => parseInput(messageSettingsInput, { whatsappTemplates: { confirmed: { name: "Bad Name", variables: ["nope"] } } })))).toEqual([
      "whatsappTemplates.confirmed.name",
      "whatsappTemplates.confirmed.variables.0",
    ]);
  });

  it("merges a change into the stored settings", () => {
    const next = applySettings(defaultMessageSettings(), parseInput(messageSettingsInput, { enabled: true, triggers: { "no-show": true }, templates: { en: { moved: "Moved {{date}}" } } }));
    expect(next.enabled).toBe(true);
    expect(next.triggers["no-show"]).toBe(true);
    expect(next.triggers.received).toBe(true);
    expect(next.templates.en?.moved).toBe("Moved {{date}}");
  });
});

describe("the clock", () => {
  const settings = { dayBeforeAt: "18:00", hoursBeforeMinutes: 120 };
  it("puts reminders on the company's clock", () => {
    // Paris in winter is UTC+1: Saturday 10:00 local = 09:00Z; the day before at 18:00 = 17:00Z.
    const start = new Date("2026-12-05T09:00:00Z");
    expect(reminderDue("reminder-day-before", start, "Europe/Paris", settings).toISOString()).toBe("2026-12-04T17:00:00.000Z");
    expect(reminderDue("reminder-hours-before", start, "Europe/Paris", settings).toISOString()).toBe("2026-12-05T07:00:00.000Z");
    // Across a DST change (Paris, 29 March 2026): the day before is still 18:00 local.
    expect(reminderDue("reminder-day-before", new Date("2026-03-29T08:00:00Z"), "Europe/Paris", settings).toISOString()).toBe("2026-03-28T17:00:00.000Z");
  });

  it("moves a time in the quiet hours to 07:00", () => {
    expect(outOfQuietHours(new Date("2026-12-04T22:00:00Z"), "Africa/Abidjan").toISOString()).toBe("2026-12-05T07:00:00.000Z");
    expect(outOfQuietHours(new Date("2026-12-05T03:10:00Z"), "Africa/Abidjan").toISOString()).toBe("2026-12-05T07:00:00.000Z");
    expect(outOfQuietHours(new Date("2026-12-05T20:59:00Z"), "Africa/Abidjan").toISOString()).toBe("2026-12-05T20:59:00.000Z");
    // 21:30 in Paris is 20:30Z: quiet there, so 07:00 Paris = 06:00Z the next day.
    expect(outOfQuietHours(new Date("2026-12-04T20:30:00Z"), "Europe/Paris").toISOString()).toBe("2026-12-05T06:00:00.000Z");
  });
});

describe("what a settings change re-plans", () => {
  const on = { ...defaultMessageSettings(), enabled: true };
  const change = (before: typeof on, input: Parameters<typeof applySettings>[1]) => settingsChange(before, applySettings(before, input));

  it("re-plans a reminder turned on or re-timed, cancels triggers turned off, nothing for the rest", () => {
    expect(change(on, {})).toEqual({ replan: [], turnedOff: [] });
    expect(change(on, { templates: { fr: { received: "Bonjour" } } })).toEqual({ replan: [], turnedOff: [] });
    expect(change(on, { dayBeforeAt: "19:00" })).toEqual({ replan: ["reminder-day-before"], turnedOff: [] });
    expect(change(on, { hoursBeforeMinutes: 60 })).toEqual({ replan: ["reminder-hours-before"], turnedOff: [] });
    expect(change(on, { triggers: { "reminder-hours-before": false, received: false } })).toEqual({ replan: [], turnedOff: ["received", "reminder-hours-before"] });
    // Messages off: every trigger that was on; on again: both reminders (no-show stays off).
    const off = applySettings(on, { enabled: false });
    expect(settingsChange(on, off).turnedOff).toEqual(MESSAGE_TRIGGERS.filter((t) => t !== "no-show"));
    expect(settingsChange(off, on)).toEqual({ replan: ["reminder-day-before", "reminder-hours-before"], turnedOff: [] });
    // A time changed while its reminder is off: nothing to re-plan.
    const dayOff = applySettings(on, { triggers: { "reminder-day-before": false } });
    expect(change(dayOff, { dayBeforeAt: "19:00" })).toEqual({ replan: [], turnedOff: [] });
  });
});
