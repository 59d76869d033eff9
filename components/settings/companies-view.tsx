"use client";

import { Building2, ExternalLink, Loader2, Pencil, Plus, Star } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { EmptyState } from "@/components/list/bits";
import { ListLayout, ResponsiveRows } from "@/components/list/list-layout";
import { SimpleTable } from "@/components/list/simple-table";
import { ConfirmDialog, failureMessage, FormAlert, FormField, useErrorMessage, useFieldErrors, useFocusFirstError } from "@/components/form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { companyInput } from "@/lib/contract/catalog-inputs";
import { fieldErrors } from "@/lib/contract/errors";
import { formatTimeZone } from "@/lib/contract/format";
import { TimezoneSelect } from "./timezone-select";
import { useActions } from "@/components/actions-context";

/** The time it is now in a zone ("14:32"): the picker's check that the zone is the right one. */
function timeIn(zone: string): string {
  try {
    return new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone }).format(new Date());
  } catch {
    return "—";
  }
}

export type CompanyRow = {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  email: string | null;
  telephone: string | null;
  address: string | null;
  timezone: string;
  currency: string;
  isDefault: boolean;
};

const CURRENCIES = ["XOF", "XAF", "GNF", "GHS", "NGN", "MAD", "EUR", "USD"];
const KEYS = ["name", "slug", "description", "email", "telephone", "address", "timezone", "currency", "isDefault"];

/** The app's companies: add one, edit one, choose the default (where members land first). */
export function CompaniesView({ rows, currentSlug }: { rows: CompanyRow[]; currentSlug: string }) {
  const actions = useActions();
  const t = useTranslations("settings.companies");
  const locale = useLocale();
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const router = useRouter();
  const [editing, setEditing] = useState<CompanyRow | "new" | null>(null);
  const [makingDefault, setMakingDefault] = useState<CompanyRow | null>(null);
  const [, start] = useTransition();

  function setDefault(row: CompanyRow) {
    return new Promise<void>((resolve) =>
      start(async () => {
        const r = await actions.setDefaultCompany({ id: row.id });
        if (r.ok) toast.success(t("defaultChanged", { name: row.name }));
        else toast.error(words(r));
        resolve();
      }),
    );
  }

  const name = (c: CompanyRow) => (
    <div className="flex flex-wrap items-center gap-2">
      <span className="font-medium">{c.name}</span>
      {c.isDefault ? (
        <Badge variant="secondary">
          <Star aria-hidden />
          {t("default")}
        </Badge>
      ) : null}
    </div>
  );
  const rowActions = (c: CompanyRow) => <RowActions c={c} onEdit={() => setEditing(c)} onDefault={() => setMakingDefault(c)} />;

  return (
    <ListLayout
      intro={t("intro")}
      actions={
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden />
          {t("new")}
        </Button>
      }
    >
      <ResponsiveRows
        label={t("title")}
        rows={rows}
        rowKey={(c) => c.id}
        cardProps={(c) => ({ "data-id": c.id }) as React.ComponentProps<"li">}
        emptyAlone
        empty={<EmptyState icon={<Building2 />} title={t("empty")} />}
        table={
          <SimpleTable
            caption={t("title")}
            rows={rows}
            rowKey={(c) => c.id}
            rowProps={(c) => ({ "data-id": c.id }) as React.ComponentProps<"tr">}
            columns={[
              {
                key: "name",
                header: t("columns.name"),
                cell: (c) => (
                  <>
                    {name(c)}
                    <span className="font-mono text-xs text-muted-foreground">/c/{c.slug}</span>
                  </>
                ),
              },
              {
                key: "timezone",
                header: t("columns.timezone"),
                cell: (c) => (
                  <>
                    <div title={c.timezone}>{formatTimeZone(c.timezone, locale)}</div>
                    <div className="text-xs text-muted-foreground">{c.currency}</div>
                  </>
                ),
              },
              {
                key: "contact",
                header: t("columns.contact"),
                className: "text-sm",
                cell: (c) => (
                  <>
                    <div className="tabular-nums">{c.telephone ?? "—"}</div>
                    {c.email ? <div className="text-xs text-muted-foreground">{c.email}</div> : null}
                  </>
                ),
              },
              { key: "actions", header: null, srHeader: tc("actions"), cell: rowActions },
            ]}
          />
        }
        card={(c) => (
          <>
            {name(c)}
            <div className="text-sm text-muted-foreground">
              {formatTimeZone(c.timezone, locale)} · {c.currency}
            </div>
            <div className="border-t pt-2">{rowActions(c)}</div>
          </>
        )}
      />

      <CompanyDialog
        key={editing === "new" ? "new" : (editing?.id ?? "none")}
        company={editing === "new" ? null : editing}
        open={editing !== null}
        onOpenChange={(o) => !o && setEditing(null)}
        onSaved={(saved, was) => {
          setEditing(null);
          // The company of this page changed its slug: its URLs moved with it.
          if (was?.slug === currentSlug && saved.slug !== currentSlug) router.replace(`/c/${saved.slug}/settings/companies`);
        }}
      />
      <ConfirmDialog
        open={makingDefault !== null}
        onOpenChange={(o) => !o && setMakingDefault(null)}
        title={t("makeDefaultTitle", { name: makingDefault?.name ?? "" })}
        description={t("makeDefaultBody")}
        confirmLabel={t("makeDefault")}
        onConfirm={() => (makingDefault ? setDefault(makingDefault) : undefined)}
      />
    </ListLayout>
  );
}

function RowActions({ c, onEdit, onDefault }: { c: CompanyRow; onEdit: () => void; onDefault: () => void }) {
  const t = useTranslations("settings.companies");
  const tc = useTranslations("catalog");
  return (
    <div className="flex flex-wrap items-center justify-end gap-1">
      <Button variant="ghost" size="sm" asChild>
        <Link href={`/c/${c.slug}`} aria-label={t("openNamed", { name: c.name })}>
          <ExternalLink aria-hidden />
          {t("open")}
        </Link>
      </Button>
      {c.isDefault ? null : (
        <Button variant="ghost" size="sm" onClick={onDefault} aria-label={t("makeDefaultNamed", { name: c.name })}>
          <Star aria-hidden />
          {t("makeDefault")}
        </Button>
      )}
      <Button variant="ghost" size="sm" onClick={onEdit} aria-label={t("editNamed", { name: c.name })}>
        <Pencil aria-hidden />
        {tc("edit")}
      </Button>
    </div>
  );
}

function CompanyDialog({
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
  const words = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const { base, errors, setErrors, aria, errorId, clear } = useFieldErrors();
  const [v, setV] = useState({
    name: company?.name ?? "",
    slug: company?.slug ?? "",
    description: company?.description ?? "",
    email: company?.email ?? "",
    telephone: company?.telephone ?? "",
    address: company?.address ?? "",
    timezone: company?.timezone ?? "Africa/Abidjan",
    currency: company?.currency ?? "XOF",
    isDefault: false,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
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
      setErrors(fieldErrors(parsed.error.issues));
      setFormError(tc("fixErrors"));
      focusFirstError();
      return;
    }
    start(async () => {
      const r = company ? await actions.editCompany({ id: company.id, values }) : await actions.createCompany({ values });
      if (!r.ok) {
        setErrors(r.fields ?? {});
        setFormError(failureMessage(r, words, (k) => KEYS.includes(k)));
        focusFirstError();
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
