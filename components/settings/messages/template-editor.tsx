"use client";

import { Plus, RotateCcw, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { FieldMessage, FormField, type FieldKit } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import {
  DEFAULT_TEMPLATES,
  renderTemplate,
  TEMPLATE_MAX,
  TEMPLATE_VARIABLES,
  unknownVariables,
  type TemplateVariable,
  type TemplateVariables,
} from "@/lib/contract/message-templates";
import { MESSAGE_LANGUAGES, type MessageLanguage, type MessageTrigger } from "@/lib/contract/messages";
import { cn } from "@/lib/utils";

export type WhatsappMapping = { name: string; variables: TemplateVariable[] };

/** WhatsApp takes up to 10 parameters in a template's body (the contract's limit too). */
const WHATSAPP_MAX_VARIABLES = 10;

/**
 * One trigger's texts, French and English: each with the variables it may use (a click or
 * Enter inserts one at the caret), its length, and its preview rendered by the contract's
 * renderTemplate on the sample appointment; then the WhatsApp template it maps to.
 */
export function TemplateEditor({
  trigger,
  form,
  texts,
  samples,
  onText,
  whatsapp,
  onWhatsapp,
}: {
  trigger: MessageTrigger;
  form: FieldKit;
  texts: Record<MessageLanguage, string>;
  samples: Record<MessageLanguage, TemplateVariables>;
  onText: (lang: MessageLanguage, text: string) => void;
  whatsapp: WhatsappMapping;
  onWhatsapp: (w: WhatsappMapping) => void;
}) {
  return (
    <div className="grid gap-6">
      {MESSAGE_LANGUAGES.map((lang) => (
        <LanguageText key={lang} trigger={trigger} lang={lang} form={form} text={texts[lang]} sample={samples[lang]} onText={(text) => onText(lang, text)} />
      ))}
      <WhatsappTemplate trigger={trigger} form={form} value={whatsapp} onChange={onWhatsapp} />
    </div>
  );
}

function LanguageText({
  trigger,
  lang,
  form,
  text,
  sample,
  onText,
}: {
  trigger: MessageTrigger;
  lang: MessageLanguage;
  form: FieldKit;
  text: string;
  sample: TemplateVariables;
  onText: (text: string) => void;
}) {
  const t = useTranslations("settings.messages");
  const ref = useRef<HTMLTextAreaElement>(null);
  const key = `templates.${lang}.${trigger}`;
  const field = form.field(key, { hint: true });
  const unknown = unknownVariables(text);
  const length = text.trim().length;
  const preview = renderTemplate(text, sample);
  const isDefault = text === DEFAULT_TEMPLATES[lang][trigger];

  function insert(variable: TemplateVariable) {
    const el = ref.current;
    const token = `{{${variable}}}`;
    const from = el?.selectionStart ?? text.length;
    const to = el?.selectionEnd ?? text.length;
    onText(text.slice(0, from) + token + text.slice(to));
    form.clear(key);
    // Back in the text, the caret after what was inserted, once React has put it there.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(from + token.length, from + token.length);
    });
  }

  return (
    <div className="grid gap-3 lg:grid-cols-2 lg:gap-6" data-lang={lang}>
      <div className="grid content-start gap-2">
        <FormField
          {...field}
          label={t("textLabel", { language: t(`languages.${lang}`) })}
          hint={t("length", { count: length, max: TEMPLATE_MAX })}
        >
          <Textarea
            ref={ref}
            rows={5}
            value={text}
            spellCheck
            lang={lang}
            className={cn(length > TEMPLATE_MAX && "border-destructive")}
            onChange={(e) => {
              onText(e.target.value);
              form.clear(key);
            }}
            {...form.control(key, { hint: true })}
          />
        </FormField>
        {unknown.length && !field.error ? (
          <p className="text-xs font-medium text-amber-800">{t("unknownLive", { names: unknown.map((v) => `{{${v}}}`).join(", ") })}</p>
        ) : null}
        <div role="group" aria-label={t("insertVariable", { language: t(`languages.${lang}`) })} className="flex flex-wrap gap-1.5">
          {TEMPLATE_VARIABLES.map((v) => (
            <Button
              key={v}
              type="button"
              variant="outline"
              size="sm"
              className="h-7 px-2 font-mono text-xs"
              title={t(`variables.${v}`)}
              aria-label={`{{${v}}} — ${t(`variables.${v}`)}`}
              onClick={() => insert(v)}
            >
              {`{{${v}}}`}
            </Button>
          ))}
        </div>
        {!isDefault ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            className="w-fit"
            onClick={() => {
              onText(DEFAULT_TEMPLATES[lang][trigger]);
              form.clear(key);
            }}
          >
            <RotateCcw aria-hidden />
            {t("resetText")}
          </Button>
        ) : null}
      </div>
      <figure className="grid content-start gap-2">
        <figcaption className="text-sm font-medium">{t("preview", { language: t(`languages.${lang}`) })}</figcaption>
        <div
          lang={lang}
          data-testid={`preview-${trigger}-${lang}`}
          className="max-w-prose rounded-lg rounded-tl-none border border-emerald-200 bg-emerald-50 p-3 text-sm whitespace-pre-line text-emerald-950"
        >
          {preview || <span className="text-muted-foreground italic">{t("previewEmpty")}</span>}
        </div>
        <p className="text-xs text-muted-foreground">{t("previewHint")}</p>
      </figure>
    </div>
  );
}

function WhatsappTemplate({
  trigger,
  form,
  value,
  onChange,
}: {
  trigger: MessageTrigger;
  form: FieldKit;
  value: WhatsappMapping;
  onChange: (w: WhatsappMapping) => void;
}) {
  const t = useTranslations("settings.messages");
  const prefix = `whatsappTemplates.${trigger}`;
  const nameKey = `${prefix}.name`;
  const listError = form.errors[`${prefix}.variables`] ?? form.errors[prefix];
  const setVariable = (i: number, v: TemplateVariable) => onChange({ ...value, variables: value.variables.map((x, j) => (j === i ? v : x)) });
  return (
    <fieldset className="grid gap-3 rounded-md border border-dashed p-3 sm:p-4">
      <legend className="px-1 text-sm font-medium">{t("whatsappTitle")}</legend>
      <p className="text-xs text-muted-foreground">{t("whatsappHint")}</p>
      <FormField {...form.field(nameKey)} label={t("whatsappName")} className="max-w-md">
        <Input
          value={value.name}
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
          placeholder={t("whatsappNamePlaceholder")}
          onChange={(e) => {
            onChange({ ...value, name: e.target.value });
            form.clear(nameKey);
          }}
          {...form.control(nameKey)}
        />
      </FormField>
      {value.variables.length ? (
        <ol className="grid gap-2">
          {value.variables.map((v, i) => {
            const key = `${prefix}.variables.${i}`;
            return (
              <li key={i} className="grid gap-1">
                <div className="flex items-center gap-2">
                  <label htmlFor={form.controlId(key)} className="w-12 shrink-0 font-mono text-sm text-muted-foreground">
                    {`{{${i + 1}}}`}
                    <span className="sr-only"> {t("whatsappParameter", { n: i + 1 })}</span>
                  </label>
                  <NativeSelect className="max-w-xs flex-1" value={v} onChange={(e) => setVariable(i, e.target.value as TemplateVariable)} {...form.control(key)}>
                    {TEMPLATE_VARIABLES.map((name) => (
                      <option key={name} value={name}>
                        {`{{${name}}}`} — {t(`variables.${name}`)}
                      </option>
                    ))}
                  </NativeSelect>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon-sm"
                    aria-label={t("whatsappRemove", { n: i + 1 })}
                    onClick={() => {
                      onChange({ ...value, variables: value.variables.filter((_, j) => j !== i) });
                      form.clear(`${prefix}.variables.`, `${prefix}.variables`);
                    }}
                  >
                    <X aria-hidden />
                  </Button>
                </div>
                <FieldMessage id={form.errorId(key)} messages={form.errors[key]} className="pl-14" />
              </li>
            );
          })}
        </ol>
      ) : null}
      {value.variables.length < WHATSAPP_MAX_VARIABLES ? (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="w-fit"
          onClick={() => onChange({ ...value, variables: [...value.variables, "firstName"] })}
        >
          <Plus aria-hidden />
          {t("whatsappAdd")}
        </Button>
      ) : null}
      <FieldMessage id={form.errorId(`${prefix}.variables`)} messages={listError} />
    </fieldset>
  );
}
