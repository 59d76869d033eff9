"use client";

import { Loader2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { FormAlert, FormField, useFormState } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { companyInput } from "@/lib/contract/catalog-inputs";
import { fieldErrors } from "@/lib/contract/errors";
import { DEFAULT_TIMEZONE } from "@/lib/contract/dates";
import { DEFAULT_CURRENCY, formatTimeZone } from "@/lib/contract/format";
import type { CompanyRow } from "./companies-view";
import { TimezoneSelect } from "./timezone-select";

/** The time it is now in a zone ("14:32"): the picker's check that the zone is the right one. */
function timeIn(zone: string): string {
  try {
    return new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(new Date());
  } catch {
    return "—";
  }
}

const CURRENCIES = ["XOF", "XAF", "GNF", "GHS", "NGN", "MAD", "EUR", "USD"];
const KEYS = ["name", "slug", "description", "email", "telephone", "address", "timezone", "currency", "isDefault"];

/** Adds a company, or edits one: name, address, time zone, currency, contact. */
export function CompanyDialog({
  company,
  open,
  onOpenChange,
  onSaved,
}: {
  company: CompanyRow | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved: (saved: { slug: string }, was: CompanyRow | null) => void;
}) {
  const actions = useActions();
  const t = useTranslations("settings.companies");
  const locale = useLocale();
  const tc = useTranslations("catalog");
  const { form, formRef, formError, setFormError, pending, start, invalid, failed } = useFormState();
  const { base, errors, aria, errorId, clear } = form;
  const [v, setV] = useState({
    name: company?.name ?? "",
    slug: company?.slug ?? "",
    description: company?.description ?? "",
    email: company?.email ?? "",
    telephone: company?.telephone ?? "",
    address: company?.address ?? "",
    timezone: company?.timezone ?? DEFAULT_TIMEZONE,
    currency: company?.currency ?? DEFAULT_CURRENCY,
    isDefault: false,
  });
  const set = (k: keyof typeof v, value: string | boolean) => {
    setV((x) => ({ ...x, [k]: value }));
    clear(k);
  };
  const id = (k: string) => `${base}-${k}`;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const values = {
      ...v,
      slug: v.slug.trim() || undefined,
      description: v.description || null,
      email: v.email || null,
      telephone: v.telephone || null,
      address: v.address || null,
      isDefault: company ? undefined : v.isDefault,
    };
    const parsed = companyInput.safeParse(values);
    if (!parsed.success) {
      invalid(fieldErrors(parsed.error.issues));
      return;
    }
    start(async () => {
      const r = company ? await actions.editCompany({ id: company.id, values }) : await actions.createCompany({ values });
      if (!r.ok) {
        failed(r, (k) => KEYS.includes(k));
        return;
      }
      toast.success(company ? t("saved") : t("created"), { description: r.data.name });
      onSaved(r.data, company);
    });
  }

  const text = (k: "name" | "slug" | "email" | "telephone" | "address", { "aria-describedby": hint, ...props }: React.ComponentProps<typeof Input> = {}) => (
    <Input id={id(k)} value={v[k]} onChange={(e) => set(k, e.target.value)} autoComplete="off" {...props} {...aria(k, hint)} />
  );

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent closeLabel={tc("close")} className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-2xl">
        <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{company ? t("editTitle", { name: company.name }) : t("newTitle")}</DialogTitle>
            <DialogDescription>{t("formHint")}</DialogDescription>
          </DialogHeader>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id={id("name")} label={t("name")} required error={errors.name} errorId={errorId("name")}>
              {text("name", { maxLength: 120 })}
            </FormField>
            <FormField
              id={id("slug")}
              label={t("slug")}
              hint={company ? t("slugHintEdit") : t("slugHint")}
              hintId={`${base}-slug-hint`}
              error={errors.slug}
              errorId={errorId("slug")}
            >
              {text("slug", { maxLength: 60, spellCheck: false, autoCapitalize: "off", className: "font-mono", placeholder: company ? undefined : t("slugAuto"), "aria-describedby": `${base}-slug-hint` })}
            </FormField>
            <FormField id={id("timezone")} label={t("timezone")} required hint={t("timezoneHint", { time: timeIn(v.timezone), offset: formatTimeZone(v.timezone, locale) })} hintId={`${base}-tz-hint`} error={errors.timezone} errorId={errorId("timezone")}>
              <TimezoneSelect id={id("timezone")} value={v.timezone} onChange={(z) => set("timezone", z)} suggestedLabel={t("suggested")} {...aria("timezone", `${base}-tz-hint`)} />
            </FormField>
            <FormField id={id("currency")} label={t("currency")} required error={errors.currency} errorId={errorId("currency")}>
              <NativeSelect id={id("currency")} value={v.currency} onChange={(e) => set("currency", e.target.value)} {...aria("currency")}>
                {[...new Set([v.currency, ...CURRENCIES])].map((c) => (
                  <option key={c} value={c}>
                    {t.has(`currencies.${c}`) ? `${c} — ${t(`currencies.${c}`)}` : c}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <FormField id={id("telephone")} label={t("telephone")} error={errors.telephone} errorId={errorId("telephone")}>
              {text("telephone", { type: "tel", inputMode: "tel", placeholder: "27 22 44 10 10" })}
            </FormField>
            <FormField id={id("email")} label={t("email")} error={errors.email} errorId={errorId("email")}>
              {text("email", { type: "email" })}
            </FormField>
            <FormField id={id("address")} label={t("address")} error={errors.address} errorId={errorId("address")} className="sm:col-span-2">
              {text("address", { maxLength: 300 })}
            </FormField>
            <FormField id={id("description")} label={t("description")} error={errors.description} errorId={errorId("description")} className="sm:col-span-2">
              <Textarea id={id("description")} value={v.description} rows={2} maxLength={2000} onChange={(e) => set("description", e.target.value)} {...aria("description")} />
            </FormField>
            {company ? null : (
              <div className="flex items-center gap-2 sm:col-span-2">
                <Checkbox id={id("isDefault")} checked={v.isDefault} onCheckedChange={(c) => set("isDefault", c === true)} />
                <Label htmlFor={id("isDefault")} className="font-normal">
                  {t("isDefault")}
                </Label>
              </div>
            )}
          </div>
          <FormAlert message={formError} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
              {company ? tc("save") : t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
