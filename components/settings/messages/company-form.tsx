"use client";

import { AlertTriangle, ChevronDown, Info } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { LeaveGuard } from "@/components/catalog/leave-guard";
import { CheckboxField, FormField, SubmitRow, useFormState, type FieldErrors } from "@/components/form";
import { TimeField } from "@/components/forms/time-field";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/use-hydrated";
import { QUIET_FROM, QUIET_UNTIL, type CompanyMessageSettings } from "@/lib/contract/message-settings";
import { DEFAULT_TEMPLATES, sampleVariables, type TemplateVariable } from "@/lib/contract/message-templates";
import { MESSAGE_LANGUAGES, MESSAGE_TRIGGERS, type MessageChannel, type MessageLanguage, type MessageTrigger } from "@/lib/contract/messages";
import { cn } from "@/lib/utils";
import { TemplateEditor, type WhatsappMapping } from "./template-editor";

export type MessagesCompany = {
  id: string;
  slug: string;
  name: string;
  address: string | null;
  telephone: string | null;
  timezone: string;
  currency: string;
};

type Texts = Record<MessageLanguage, Record<MessageTrigger, string>>;

const REMINDERS: readonly MessageTrigger[] = ["reminder-day-before", "reminder-hours-before"];

function initialState(s: CompanyMessageSettings) {
  const texts = Object.fromEntries(
    MESSAGE_LANGUAGES.map((lang) => [lang, Object.fromEntries(MESSAGE_TRIGGERS.map((t) => [t, s.templates[lang]?.[t] ?? DEFAULT_TEMPLATES[lang][t]]))]),
  ) as Texts;
  const whatsapp = Object.fromEntries(
    MESSAGE_TRIGGERS.map((t) => [t, { name: s.whatsappTemplates[t]?.name ?? "", variables: [...(s.whatsappTemplates[t]?.variables ?? [])] }]),
  ) as Record<MessageTrigger, WhatsappMapping>;
  return {
    enabled: s.enabled,
    triggers: { ...s.triggers },
    dayBeforeAt: s.dayBeforeAt as string | null,
    // Hours, as staff think of it; a stored 90 minutes reads 1.5.
    hoursBefore: String(Math.round((s.hoursBeforeMinutes / 60) * 100) / 100),
    texts,
    whatsapp,
  };
}
type State = ReturnType<typeof initialState>;

/** Hours as typed ("2", "1,5", "1.5") in minutes; NaN when it is not a number. */
function minutesOf(hours: string): number {
  const text = hours.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return Number.NaN;
  return Math.round(Number(text) * 60);
}

/**
 * What is sent: everything but the texts left at their default (so a better default later
 * reaches them) and WhatsApp templates never set; a template whose name was emptied is removed.
 */
function toInput(state: State, stored: CompanyMessageSettings) {
  const templates: Record<MessageLanguage, Partial<Record<MessageTrigger, string>>> = { fr: {}, en: {} };
  for (const lang of MESSAGE_LANGUAGES) {
    for (const t of MESSAGE_TRIGGERS) {
      const text = state.texts[lang][t];
      if (stored.templates[lang]?.[t] !== undefined || text !== DEFAULT_TEMPLATES[lang][t]) templates[lang][t] = text;
    }
  }
  const whatsappTemplates: Partial<Record<MessageTrigger, { name: string; variables: TemplateVariable[] } | null>> = {};
  for (const t of MESSAGE_TRIGGERS) {
    const w = state.whatsapp[t];
    if (w.name.trim()) whatsappTemplates[t] = { name: w.name.trim(), variables: w.variables };
    else if (stored.whatsappTemplates[t]) whatsappTemplates[t] = null;
  }
  return {
    enabled: state.enabled,
    triggers: state.triggers,
    dayBeforeAt: state.dayBeforeAt ?? "",
    hoursBeforeMinutes: minutesOf(state.hoursBefore),
    templates,
    whatsappTemplates,
  };
}

/** The keys of the server's field errors this form shows beside a control. */
const shownKey = (k: string) =>
  ["enabled", "dayBeforeAt", "hoursBeforeMinutes"].includes(k) || k.startsWith("templates.") || k.startsWith("whatsappTemplates.") || k.startsWith("triggers.");

/**
 * Settings → Messages for one company: each trigger on or off, the reminders' times, the French
 * and English texts with their live preview (the contract's own rendering, on a sample
 * appointment at this company), and the WhatsApp template of each trigger. The server checks
 * the texts (unknown variables, length) and answers each refusal on its field.
 */
export function CompanyMessagesForm({ company, settings, channels }: { company: MessagesCompany; settings: CompanyMessageSettings; channels: MessageChannel[] }) {
  const actions = useActions();
  const t = useTranslations("settings.messages");
  const hydrated = useHydrated();
  const { form, formRef, formError, setFormError, pending, start, invalid, failed } = useFormState();
  const { base, errors, clear } = form;
  // The settings as last saved (the page's, then each save's answer): what "discard" goes back to.
  const [current, setCurrent] = useState(settings);
  const [state, setState] = useState(() => initialState(settings));
  const [open, setOpen] = useState<Set<MessageTrigger>>(() => new Set());
  const snapshot = JSON.stringify(state);
  const saved = useMemo(() => JSON.stringify(initialState(current)), [current]);

  const { name, address, telephone, timezone, currency } = company;
  // The sample appointment in each language, at this company (its name, clock and currency).
  const samples = useMemo(() => {
    const place = { company: name, address, companyPhone: telephone, timeZone: timezone, currency };
    return { fr: sampleVariables("fr", place), en: sampleVariables("en", place) };
  }, [name, address, telephone, timezone, currency]);

  const update = (change: Partial<State>) => setState((s) => ({ ...s, ...change }));
  const hasErrorFor = (trigger: MessageTrigger) =>
    Object.keys(errors).some((k) => MESSAGE_LANGUAGES.some((l) => k === `templates.${l}.${trigger}`) || k.startsWith(`whatsappTemplates.${trigger}.`) || k === `whatsappTemplates.${trigger}`);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const values = toInput(state, current);
    const local: FieldErrors = {};
    if (state.dayBeforeAt === null || state.dayBeforeAt === "") local.dayBeforeAt = [t("timeInvalid")];
    if (!Number.isFinite(values.hoursBeforeMinutes)) local.hoursBeforeMinutes = [t("hoursInvalid")];
    if (Object.keys(local).length) {
      invalid(local);
      return;
    }
    start(async () => {
      const r = await actions.saveMessageSettings({ companyId: company.id, values });
      if (!r.ok) {
        failed(r, shownKey);
        return;
      }
      setCurrent(r.data);
      setState(initialState(r.data));
      toast.success(t("saved"));
    });
  }

  const onlyJournal = channels.length > 0 && channels.every((c) => c === "journal");
  const channelsHref = `/c/${company.slug}/settings/messages/channels`;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-4" data-hydrated={hydrated || undefined} aria-label={t("formLabel", { company: company.name })}>
      <section className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby={`${base}-general`}>
        <div className="grid gap-1">
          <h2 id={`${base}-general`} className="font-semibold">
            {t("generalTitle", { company: company.name })}
          </h2>
          <p className="text-sm text-muted-foreground">{t("generalIntro")}</p>
        </div>
        <CheckboxField
          id={`${base}-enabled`}
          label={t("enabled")}
          hint={t("enabledHint")}
          checked={state.enabled}
          onCheckedChange={(v) => update({ enabled: v })}
        />
        {channels.length === 0 ? (
          <Note tone="warning">
            {t("noChannel")}{" "}
            <Link href={channelsHref} className="font-medium underline underline-offset-4">
              {t("channelsTab")}
            </Link>
          </Note>
        ) : onlyJournal ? (
          <Note>
            {t("onlyJournal")}{" "}
            <Link href={channelsHref} className="font-medium underline underline-offset-4">
              {t("channelsTab")}
            </Link>
          </Note>
        ) : null}
        <p className="text-xs text-muted-foreground">{t("quietHours", { from: `${QUIET_FROM}:00`, until: `0${QUIET_UNTIL}:00`, timezone: company.timezone })}</p>
      </section>

      <section className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby={`${base}-triggers`}>
        <div className="grid gap-1">
          <h2 id={`${base}-triggers`} className="font-semibold">
            {t("triggersTitle")}
          </h2>
          <p className="text-sm text-muted-foreground">{t("triggersIntro")}</p>
        </div>
        <ul className="grid gap-3">
          {MESSAGE_TRIGGERS.map((trigger) => {
            const expanded = open.has(trigger) || hasErrorFor(trigger);
            const panelId = `${base}-panel-${trigger}`;
            const on = state.triggers[trigger];
            return (
              <li key={trigger} data-trigger={trigger} className={cn("rounded-lg border", !on && "bg-muted/30")}>
                <div className="flex flex-col gap-3 p-3 sm:flex-row sm:items-start sm:justify-between sm:p-4">
                  <div className="flex items-start gap-3">
                    <Checkbox
                      id={`${base}-on-${trigger}`}
                      checked={on}
                      className="mt-0.5"
                      aria-describedby={`${base}-on-${trigger}-hint`}
                      onCheckedChange={(v) => update({ triggers: { ...state.triggers, [trigger]: v === true } })}
                    />
                    <div className="grid gap-1">
                      <Label htmlFor={`${base}-on-${trigger}`}>{t(`triggers.${trigger}.label`)}</Label>
                      <p id={`${base}-on-${trigger}-hint`} className="text-xs text-muted-foreground">
                        {t(`triggers.${trigger}.hint`)}
                      </p>
                    </div>
                  </div>
                  <Button
                    type="button"
                    variant="outline"
                    size="sm"
                    className="self-start"
                    aria-expanded={expanded}
                    aria-controls={panelId}
                    onClick={() =>
                      setOpen((o) => {
                        const next = new Set(o);
                        if (expanded) next.delete(trigger);
                        else next.add(trigger);
                        return next;
                      })
                    }
                  >
                    <ChevronDown aria-hidden className={cn("transition-transform", expanded && "rotate-180")} />
                    <span>
                      {expanded ? t("hideTexts") : t("editTexts")}
                      <span className="sr-only"> — {t(`triggers.${trigger}.label`)}</span>
                    </span>
                  </Button>
                </div>
                {REMINDERS.includes(trigger) ? (
                  <div className="border-t px-3 py-3 sm:px-4">
                    {trigger === "reminder-day-before" ? (
                      <FormField {...form.field("dayBeforeAt", { hint: true })} label={t("dayBeforeAt")} hint={t("dayBeforeAtHint", { timezone: company.timezone })} className="max-w-xs">
                        <TimeField
                          value={state.dayBeforeAt ?? ""}
                          onValueChange={(v) => {
                            update({ dayBeforeAt: v });
                            clear("dayBeforeAt");
                          }}
                          step={15}
                          {...form.control("dayBeforeAt", { hint: true })}
                        />
                      </FormField>
                    ) : (
                      <FormField {...form.field("hoursBeforeMinutes", { hint: true })} label={t("hoursBefore")} hint={t("hoursBeforeHint")} className="max-w-xs">
                        <div className="relative">
                          <Input
                            inputMode="decimal"
                            value={state.hoursBefore}
                            className="pr-16 tabular-nums"
                            onChange={(e) => {
                              update({ hoursBefore: e.target.value });
                              clear("hoursBeforeMinutes");
                            }}
                            {...form.control("hoursBeforeMinutes", { hint: true })}
                          />
                          <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted-foreground">
                            {t("hoursUnit")}
                          </span>
                        </div>
                      </FormField>
                    )}
                  </div>
                ) : null}
                <div id={panelId} hidden={!expanded} className="border-t p-3 sm:p-4">
                  {expanded ? (
                    <TemplateEditor
                      trigger={trigger}
                      form={form}
                      texts={{ fr: state.texts.fr[trigger], en: state.texts.en[trigger] }}
                      samples={samples}
                      onText={(lang, text) => setState((s) => ({ ...s, texts: { ...s.texts, [lang]: { ...s.texts[lang], [trigger]: text } } }))}
                      whatsapp={state.whatsapp[trigger]}
                      onWhatsapp={(w) => setState((s) => ({ ...s, whatsapp: { ...s.whatsapp, [trigger]: w } }))}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <SubmitRow
        variant="page"
        pending={pending}
        message={formError}
        submitLabel={t("save")}
        cancelLabel={t("discard")}
        onCancel={() => {
          setState(initialState(current));
          form.setErrors({});
          setFormError(null);
        }}
      />
      <LeaveGuard dirty={!pending && snapshot !== saved} />
    </form>
  );
}

function Note({ tone = "info", children }: { tone?: "info" | "warning"; children: React.ReactNode }) {
  const Icon = tone === "warning" ? AlertTriangle : Info;
  return (
    <p
      className={cn(
        "flex items-start gap-2 rounded-md border p-3 text-sm",
        tone === "warning" ? "border-amber-300 bg-amber-50 text-amber-900" : "border-sky-200 bg-sky-50 text-sky-900",
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
