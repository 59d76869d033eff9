"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { useHydrated } from "@/components/use-hydrated";
import { serviceInput } from "@/lib/contract/catalog-inputs";
import { fieldErrors } from "@/lib/contract/errors";
import { FieldsEditor, fromEditorFields, localFieldChecks, toEditorFields, type EditorField } from "./fields-editor";
import { CheckboxField, ConfirmDialog, FormField, TextField, useFormState, type FieldErrors } from "@/components/form";
import { LeaveGuard } from "./leave-guard";
import { ServiceBuffers } from "./service-buffers";
import { riskyFieldChanges, TOP_KEYS, type ServiceFormValues } from "./service-values";

export type { ServiceFormValues };
import { MoneyInput, TagsInput } from "./inputs";
import { formatDuration, groupDigits, parseAmount } from "./money";
import { useActions } from "@/components/actions-context";
import { EditorSubmitRow } from "./editor-submit-row";

/**
 * Creates or edits a service: its details and its custom fields. The values are checked with
 * the domain's own schema before they are sent, so errors show at once and read the same as
 * the server's; what only the server knows (a taken slug) comes back keyed the same way.
 */
export function ServiceEditor({
  company,
  initial,
  categories,
  readOnly = false,
}: {
  company: { slug: string; currency: string };
  initial?: ServiceFormValues;
  /** Categories used by the company's other services, offered while typing. */
  categories: string[];
  readOnly?: boolean;
}) {
  const actions = useActions();
  const t = useTranslations("services");
  const tc = useTranslations("catalog");
  const router = useRouter();
  const hydrated = useHydrated();
  const { form, formRef, formError, setFormError, pending, start, invalid, failed } = useFormState();
  const { base, errors, aria, errorId, clear } = form;
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [duration, setDuration] = useState(initial ? String(initial.duration) : "30");
  const [basePrice, setBasePrice] = useState(initial ? groupDigits(initial.basePrice) : "");
  const [buffers, setBuffers] = useState({ bufferBefore: String(initial?.bufferBefore ?? 0), bufferAfter: String(initial?.bufferAfter ?? 0) });
  const [cats, setCats] = useState<string[]>(initial?.categories ?? []);
  const [isActive, setIsActive] = useState(initial?.isActive ?? true);
  const [fields, setFields] = useState<EditorField[]>(() => toEditorFields(initial?.fields ?? []));
  const [confirmChanges, setConfirmChanges] = useState<string[] | null>(null);
  const editing = !!initial?.id;
  const listHref = `/c/${company.slug}/services`;

  function values() {
    const price = parseAmount(basePrice);
    return {
      name,
      description: description || null,
      duration: duration.trim() === "" ? Number.NaN : Number(duration),
      basePrice: price ?? Number.NaN,
      bufferBefore: buffers.bufferBefore.trim() === "" ? 0 : Number(buffers.bufferBefore),
      bufferAfter: buffers.bufferAfter.trim() === "" ? 0 : Number(buffers.bufferAfter),
      categories: cats,
      isActive,
      fields: fromEditorFields(fields),
    };
  }

  function check(v: ReturnType<typeof values>): FieldErrors {
    const out: FieldErrors = {};
    const parsed = serviceInput.safeParse(v);
    if (!parsed.success) Object.assign(out, fieldErrors(parsed.error.issues));
    // Words for what the schema can only call "not a number".
    if (duration.trim() === "") out.duration = [tc("requiredField")];
    else if (!Number.isInteger(v.duration)) out.duration = [t("durationInvalid")];
    if (basePrice.trim() === "") out.basePrice = [tc("requiredField")];
    else if (!Number.isFinite(v.basePrice)) out.basePrice = [tc("wholeAmount")];
    Object.assign(out, localFieldChecks(fields, { amount: tc("wholeAmount"), maxLength: t("maxLengthInvalid") }));
    return out;
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (readOnly) return;
    setFormError(null);
    const v = values();
    const local = check(v);
    if (Object.keys(local).length) {
      invalid(local);
      return;
    }
    const risky = editing ? riskyFieldChanges(initial?.fields ?? [], fields, t) : [];
    if (risky.length) {
      setConfirmChanges(risky);
      return;
    }
    save(v);
  }

  function save(v: ReturnType<typeof values>) {
    return new Promise<boolean>((resolve) =>
      start(async () => {
        const r = editing
          ? await actions.editService({ company: company.slug, id: initial!.id!, values: v })
          : await actions.createService({ company: company.slug, values: v });
        if (!r.ok) {
          failed(r, (k) => TOP_KEYS.includes(k) || k.startsWith("fields."));
          resolve(false);
          return;
        }
        toast.success(editing ? t("saved") : t("created"), { description: r.data.name });
        setSaved(JSON.stringify(v));
        router.push(listHref);
        resolve(true);
      }),
    );
  }

  // A long session of field definitions is not lost to a closed tab or a stray link.
  const snapshot = JSON.stringify(values());
  const [saved, setSaved] = useState(snapshot);

  const durationMinutes = Number(duration);
  const inputId = (k: string) => `${base}-${k}`;

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6" data-hydrated={hydrated || undefined}>
      <fieldset disabled={readOnly} className="contents">
        <section className="grid gap-4 rounded-lg border bg-card p-4 sm:grid-cols-2 sm:p-6" aria-labelledby={`${base}-details`}>
          <h2 id={`${base}-details`} className="font-semibold sm:col-span-2">
            {t("details")}
          </h2>
          <TextField form={form} name="name" label={t("name")} required value={name} onValueChange={setName} maxLength={120} autoComplete="off" className="sm:col-span-2" />
          <FormField
            id={inputId("duration")}
            label={t("duration")}
            required
            hint={Number.isInteger(durationMinutes) && durationMinutes > 0 ? formatDuration(durationMinutes) : t("durationHint")}
            hintId={`${base}-duration-hint`}
            error={errors.duration}
            errorId={errorId("duration")}
          >
            <div className="relative">
              <Input
                id={inputId("duration")}
                type="number"
                inputMode="numeric"
                min={5}
                max={1440}
                step={5}
                value={duration}
                className="pr-12 tabular-nums"
                onChange={(e) => {
                  setDuration(e.target.value);
                  clear("duration");
                }}
                {...aria("duration", `${base}-duration-hint`)}
              />
              <span aria-hidden className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-muted-foreground">
                min
              </span>
            </div>
          </FormField>
          <ServiceBuffers
            base={base}
            before={buffers.bufferBefore}
            after={buffers.bufferAfter}
            onChange={(key, value) => {
              setBuffers((b) => ({ ...b, [key]: value }));
              clear(key);
            }}
            errors={errors}
            errorId={errorId}
            aria={aria}
          />
          <FormField
            id={inputId("basePrice")}
            label={t("basePrice")}
            required
            hint={t("basePriceHint")}
            hintId={`${base}-price-hint`}
            error={errors.basePrice}
            errorId={errorId("basePrice")}
          >
            <MoneyInput
              id={inputId("basePrice")}
              currency={company.currency}
              value={basePrice}
              onChange={(v) => {
                setBasePrice(v);
                clear("basePrice");
              }}
              {...aria("basePrice", `${base}-price-hint`)}
            />
          </FormField>
          <FormField
            id={inputId("categories")}
            label={t("categories")}
            hint={t("categoriesHint")}
            hintId={`${base}-categories-hint`}
            error={errors.categories ?? Object.entries(errors).find(([k]) => k.startsWith("categories."))?.[1]}
            errorId={errorId("categories")}
            className="sm:col-span-2"
          >
            <TagsInput
              id={inputId("categories")}
              value={cats}
              onChange={(v) => {
                setCats(v);
                clear("categories", "categories.");
              }}
              suggestions={categories}
              placeholder={t("categoriesPlaceholder")}
              invalid={!!errors.categories}
              describedBy={[errors.categories ? errorId("categories") : null, `${base}-categories-hint`].filter(Boolean).join(" ")}
            />
          </FormField>
          <FormField
            id={inputId("description")}
            label={t("description")}
            error={errors.description}
            errorId={errorId("description")}
            className="sm:col-span-2"
          >
            <Textarea
              id={inputId("description")}
              value={description}
              maxLength={2000}
              rows={3}
              onChange={(e) => {
                setDescription(e.target.value);
                clear("description");
              }}
              {...aria("description")}
            />
          </FormField>
          <CheckboxField id={inputId("active")} label={t("activeLabel")} hint={t("activeHint")} checked={isActive} onCheckedChange={setIsActive} className="sm:col-span-2" />
        </section>

        <section className="grid gap-4 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby={`${base}-fields`}>
          <div className="grid gap-1">
            <h2 id={`${base}-fields`} className="font-semibold">
              {t("fieldsTitle")}
            </h2>
            <p className="text-sm text-muted-foreground">{t("fieldsHint")}</p>
          </div>
          <FieldsEditor
            idBase={base}
            fields={fields}
            onChange={setFields}
            errors={errors}
            onClearErrors={clear}
            currency={company.currency}
            readOnly={readOnly}
          />
        </section>
      </fieldset>

      <EditorSubmitRow namespace="services" editing={editing} pending={pending} message={formError} listHref={listHref} readOnly={readOnly} />

      <LeaveGuard dirty={!readOnly && !pending && snapshot !== saved} />
      <ConfirmDialog
        open={confirmChanges !== null}
        onOpenChange={(o) => !o && setConfirmChanges(null)}
        title={t("confirmChangesTitle")}
        description={t("confirmChangesBody")}
        confirmLabel={t("confirmChangesOk")}
        onConfirm={async () => {
          // Closed either way: on a refusal the errors are on the form behind.
          await save(values());
        }}
      >
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {(confirmChanges ?? []).map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </ConfirmDialog>
    </form>
  );
}
