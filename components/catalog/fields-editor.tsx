"use client";

// The editor of a service's custom fields: the questions the new-appointment form asks and the
// API checks (lib/catalog/fields.ts is the one definition; the service editor validates this
// editor's output with it). Keys follow the label until edited by hand.
import { ArrowDown, ArrowUp, ListPlus, Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { DEFAULT_TEXT_MAX, FIELD_TYPES, keyFromLabel, type FieldType, type ServiceField, type ServiceFieldInput } from "@/lib/contract/fields";
import { cn } from "@/lib/utils";
import { FieldMessage, RequiredMark, type FieldErrors } from "@/components/form";
import { MoneyInput } from "./inputs";
import { groupDigits, parseAmount } from "./money";

export type EditorOption = { uid: string; label: string; value: string; price: string; valueTouched: boolean };
export type EditorField = {
  uid: string;
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  options: EditorOption[];
  maxLength: string;
  /** The key no longer follows the label (edited by hand, or the field was already saved). */
  keyTouched: boolean;
  /** The key as saved, for fields that exist already: changing it is worth a warning. */
  savedName: string | null;
};

let counter = 0;
const newUid = () => `n${++counter}`;

export const hasOptions = (type: FieldType) => type === "select" || type === "multipleSelect";

/** Saved definitions → editor rows (uids from positions, the same on the server and in the browser). */
export function toEditorFields(fields: readonly ServiceField[]): EditorField[] {
  return fields.map((f, i) => ({
    uid: `s${i}`,
    name: f.name,
    label: f.label,
    type: f.type,
    required: f.required,
    options: f.options.map((o, j) => ({ uid: `s${i}o${j}`, label: o.label, value: o.value, price: o.price ? groupDigits(o.price) : "", valueTouched: true })),
    maxLength: f.maxLength ? String(f.maxLength) : "",
    keyTouched: true,
    savedName: f.name,
  }));
}

/** Editor rows → definitions as the schema reads them (options only for choices, max length only for text). */
export function fromEditorFields(fields: readonly EditorField[]): ServiceFieldInput[] {
  return fields.map((f) => ({
    name: f.name.trim(),
    label: f.label,
    type: f.type,
    required: f.required,
    ...(hasOptions(f.type)
      ? { options: f.options.map((o) => ({ label: o.label, value: o.value.trim(), price: parseAmount(o.price) ?? 0 })) }
      : {}),
    ...(f.type === "text" && f.maxLength.trim() !== "" ? { maxLength: Number(f.maxLength) } : {}),
  }));
}

/** Checks the schema cannot word well (numbers typed as text): keyed like the schema's errors. */
export function localFieldChecks(fields: readonly EditorField[], words: { amount: string; maxLength: string }): FieldErrors {
  const out: FieldErrors = {};
  fields.forEach((f, i) => {
    if (hasOptions(f.type)) {
      f.options.forEach((o, j) => {
        const p = parseAmount(o.price);
        if (p !== undefined && !Number.isFinite(p)) out[`fields.${i}.options.${j}.price`] = [words.amount];
      });
    }
    if (f.type === "text" && f.maxLength.trim() !== "") {
      const n = Number(f.maxLength);
      if (!Number.isInteger(n) || n < 1 || n > DEFAULT_TEXT_MAX) out[`fields.${i}.maxLength`] = [words.maxLength];
    }
  });
  return out;
}

export function FieldsEditor({
  idBase,
  fields,
  onChange,
  errors,
  onClearErrors,
  currency,
  readOnly,
}: {
  idBase: string;
  fields: EditorField[];
  onChange: (fields: EditorField[]) => void;
  errors: FieldErrors;
  /** Clears these error keys; a key ending in "." clears every key under it. */
  onClearErrors: (...keys: string[]) => void;
  currency: string;
  readOnly?: boolean;
}) {
  const t = useTranslations("fieldsEditor");
  const focusNext = useRef<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!focusNext.current) return;
    const el = document.getElementById(focusNext.current);
    focusNext.current = null;
    (el ?? addRef.current)?.focus();
  });

  const errId = (key: string) => `${idBase}-${key.replace(/\./g, "-")}-error`;
  const aria = (key: string) => ({
    "aria-invalid": errors[key] ? (true as const) : undefined,
    "aria-describedby": errors[key] ? errId(key) : undefined,
  });

  function update(i: number, patch: Partial<EditorField>) {
    onChange(fields.map((f, k) => (k === i ? { ...f, ...patch } : f)));
  }

  function setLabel(i: number, label: string) {
    const f = fields[i];
    const others = fields.filter((_, k) => k !== i).map((x) => x.name);
    update(i, { label, ...(f.keyTouched ? {} : { name: label.trim() ? keyFromLabel(label, others) : "" }) });
    onClearErrors(`fields.${i}.label`);
    if (!f.keyTouched) onClearErrors(`fields.${i}.name`);
  }

  function setType(i: number, type: FieldType) {
    const f = fields[i];
    const options = hasOptions(type) && f.options.length === 0 ? [blankOption()] : f.options;
    update(i, { type, options });
    onClearErrors(`fields.${i}.`);
    if (hasOptions(type) && !hasOptions(f.type)) focusNext.current = `${idBase}-${f.uid}-o-${options[0].uid}-label`;
  }

  function add() {
    const f: EditorField = {
      uid: newUid(),
      name: "",
      label: "",
      type: "text",
      required: false,
      options: [],
      maxLength: "",
      keyTouched: false,
      savedName: null,
    };
    focusNext.current = `${idBase}-${f.uid}-label`;
    onChange([...fields, f]);
  }

  function remove(i: number) {
    const next = fields.filter((_, k) => k !== i);
    const after = next[i] ?? next[i - 1];
    focusNext.current = after ? `${idBase}-${after.uid}-label` : null;
    onClearErrors("fields.");
    onChange(next);
    if (!after) requestAnimationFrame(() => addRef.current?.focus());
  }

  function move(i: number, by: -1 | 1) {
    const j = i + by;
    if (j < 0 || j >= fields.length) return;
    const next = [...fields];
    [next[i], next[j]] = [next[j], next[i]];
    onClearErrors("fields.");
    onChange(next);
    // The pressed button moved with its field; at an end it is disabled, so focus its sibling.
    const edge = j === 0 || j === fields.length - 1;
    if (edge) focusNext.current = `${idBase}-${fields[i].uid}-${by < 0 ? "down" : "up"}`;
  }

  function setOption(i: number, j: number, patch: Partial<EditorOption>) {
    const f = fields[i];
    update(i, { options: f.options.map((o, k) => (k === j ? { ...o, ...patch } : o)) });
  }

  function setOptionLabel(i: number, j: number, label: string) {
    const o = fields[i].options[j];
    const others = fields[i].options.filter((_, k) => k !== j).map((x) => x.value);
    setOption(i, j, { label, ...(o.valueTouched ? {} : { value: label.trim() ? keyFromLabel(label, others) : "" }) });
    onClearErrors(`fields.${i}.options.${j}.label`, `fields.${i}.options`);
    if (!o.valueTouched) onClearErrors(`fields.${i}.options.${j}.value`);
  }

  function addOption(i: number) {
    const o = blankOption();
    focusNext.current = `${idBase}-${fields[i].uid}-o-${o.uid}-label`;
    update(i, { options: [...fields[i].options, o] });
    onClearErrors(`fields.${i}.options`);
  }

  function removeOption(i: number, j: number) {
    const f = fields[i];
    const next = f.options.filter((_, k) => k !== j);
    const after = next[j] ?? next[j - 1];
    focusNext.current = after ? `${idBase}-${f.uid}-o-${after.uid}-label` : `${idBase}-${f.uid}-add-option`;
    onClearErrors(`fields.${i}.options`, `fields.${i}.options.`);
    update(i, { options: next });
  }

  return (
    <div className="flex flex-col gap-4">
      {fields.length === 0 ? (
        <div className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
          <ListPlus aria-hidden className="mx-auto mb-2 size-6" />
          {t("empty")}
        </div>
      ) : (
        <ol className="flex flex-col gap-4" aria-label={t("list")}>
          {fields.map((f, i) => {
            const p = `fields.${i}`;
            const fid = `${idBase}-${f.uid}`;
            const title = f.label.trim() || t("untitled");
            const keyChanged = f.savedName !== null && f.name.trim() !== f.savedName;
            return (
              <li key={f.uid} className="rounded-lg border bg-background/60 p-3 sm:p-4" data-field={f.name || f.uid} aria-label={t("fieldN", { n: i + 1, label: title })}>
                <div className="mb-3 flex items-center gap-2">
                  <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold tabular-nums" aria-hidden>
                    {i + 1}
                  </span>
                  <span className="min-w-0 flex-1 truncate text-sm font-medium">{title}</span>
                  {readOnly ? null : (
                    <div className="flex items-center gap-1">
                      <Button
                        id={`${fid}-up`}
                        type="button"
                        variant="ghost"
                        size="icon-sm"
                        onClick={() => move(i, -1)}
                        disabled={i === 0}
                        aria-label={t("moveUp", { label: title })}
                      >
                        <ArrowUp aria-hidden />
                      </Button>
                      <Button
                        id={`${fid}-down`}
                        type="button"
                        variant="ghost"
                        size="icon-sm"
                        onClick={() => move(i, 1)}
                        disabled={i === fields.length - 1}
                        aria-label={t("moveDown", { label: title })}
                      >
                        <ArrowDown aria-hidden />
                      </Button>
                      <Button
                        type="button"
                        variant="ghost"
                        size="icon-sm"
                        className="text-destructive hover:text-destructive"
                        onClick={() => remove(i)}
                        aria-label={t("remove", { label: title })}
                      >
                        <Trash2 aria-hidden />
                      </Button>
                    </div>
                  )}
                </div>

                <div className="grid gap-3 sm:grid-cols-2">
                  <div className="grid content-start gap-1.5">
                    <Label htmlFor={`${fid}-label`}>
                      {t("label")}
                      <RequiredMark />
                    </Label>
                    <Input
                      id={`${fid}-label`}
                      value={f.label}
                      maxLength={100}
                      placeholder={t("labelPlaceholder")}
                      onChange={(e) => setLabel(i, e.target.value)}
                      {...aria(`${p}.label`)}
                    />
                    <FieldMessage id={errId(`${p}.label`)} messages={errors[`${p}.label`]} />
                  </div>
                  <div className="grid content-start gap-1.5">
                    <Label htmlFor={`${fid}-type`}>{t("type")}</Label>
                    <NativeSelect id={`${fid}-type`} value={f.type} onChange={(e) => setType(i, e.target.value as FieldType)} {...aria(`${p}.type`)}>
                      {FIELD_TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`types.${type}`)}
                        </option>
                      ))}
                    </NativeSelect>
                    <FieldMessage id={errId(`${p}.type`)} messages={errors[`${p}.type`]} />
                  </div>
                  <div className="grid content-start gap-1.5">
                    <Label htmlFor={`${fid}-key`}>
                      {t("key")}
                      <RequiredMark />
                    </Label>
                    <Input
                      id={`${fid}-key`}
                      value={f.name}
                      maxLength={50}
                      spellCheck={false}
                      autoCapitalize="off"
                      autoComplete="off"
                      className="font-mono"
                      onChange={(e) => {
                        update(i, { name: e.target.value, keyTouched: true });
                        onClearErrors(`${p}.name`);
                      }}
                      aria-invalid={errors[`${p}.name`] ? true : undefined}
                      aria-describedby={[errors[`${p}.name`] ? errId(`${p}.name`) : null, `${fid}-key-hint`].filter(Boolean).join(" ")}
                    />
                    <p id={`${fid}-key-hint`} className={cn("text-xs text-muted-foreground", keyChanged && "text-amber-800")}>
                      {keyChanged ? t("keyChanged", { key: f.savedName ?? "" }) : t("keyHint")}
                    </p>
                    <FieldMessage id={errId(`${p}.name`)} messages={errors[`${p}.name`]} />
                  </div>
                  <div className="flex flex-col gap-3 sm:pt-6">
                    <div className="flex items-center gap-2">
                      <Checkbox
                        id={`${fid}-required`}
                        checked={f.required}
                        onCheckedChange={(v) => update(i, { required: v === true })}
                      />
                      <Label htmlFor={`${fid}-required`} className="font-normal">
                        {t("required")}
                      </Label>
                    </div>
                    {f.type === "text" ? (
                      <div className="grid gap-1.5">
                        <Label htmlFor={`${fid}-max`}>{t("maxLength")}</Label>
                        <Input
                          id={`${fid}-max`}
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={DEFAULT_TEXT_MAX}
                          placeholder={String(DEFAULT_TEXT_MAX)}
                          value={f.maxLength}
                          className="sm:w-40"
                          onChange={(e) => {
                            update(i, { maxLength: e.target.value });
                            onClearErrors(`${p}.maxLength`);
                          }}
                          {...aria(`${p}.maxLength`)}
                        />
                        <FieldMessage id={errId(`${p}.maxLength`)} messages={errors[`${p}.maxLength`]} />
                      </div>
                    ) : null}
                  </div>
                </div>

                {hasOptions(f.type) ? (
                  <fieldset className="mt-4 grid gap-2" aria-describedby={errors[`${p}.options`] ? errId(`${p}.options`) : undefined}>
                    <legend className="mb-1 text-sm font-medium">{t("options")}</legend>
                    <div className="hidden grid-cols-[1fr_1fr_9rem_2rem] gap-2 text-xs text-muted-foreground sm:grid" aria-hidden>
                      <span>{t("optionLabel")}</span>
                      <span>{t("optionValue")}</span>
                      <span>{t("optionPrice")}</span>
                      <span />
                    </div>
                    <ul className="grid gap-3 sm:gap-2">
                      {f.options.map((o, j) => {
                        const op = `${p}.options.${j}`;
                        const oid = `${fid}-o-${o.uid}`;
                        const name = o.label.trim() || t("optionN", { n: j + 1 });
                        return (
                          <li key={o.uid} className="grid gap-2 rounded-md border p-2 sm:grid-cols-[1fr_1fr_9rem_2rem] sm:items-start sm:border-0 sm:p-0">
                            <div className="grid gap-1">
                              <Label htmlFor={`${oid}-label`} className="sm:sr-only">
                                {t("optionLabelN", { n: j + 1 })}
                              </Label>
                              <Input
                                id={`${oid}-label`}
                                value={o.label}
                                maxLength={100}
                                onChange={(e) => setOptionLabel(i, j, e.target.value)}
                                {...aria(`${op}.label`)}
                              />
                              <FieldMessage id={errId(`${op}.label`)} messages={errors[`${op}.label`]} />
                            </div>
                            <div className="grid gap-1">
                              <Label htmlFor={`${oid}-value`} className="sm:sr-only">
                                {t("optionValueN", { n: j + 1 })}
                              </Label>
                              <Input
                                id={`${oid}-value`}
                                value={o.value}
                                maxLength={100}
                                spellCheck={false}
                                autoCapitalize="off"
                                autoComplete="off"
                                className="font-mono"
                                onChange={(e) => {
                                  setOption(i, j, { value: e.target.value, valueTouched: true });
                                  onClearErrors(`${op}.value`);
                                }}
                                {...aria(`${op}.value`)}
                              />
                              <FieldMessage id={errId(`${op}.value`)} messages={errors[`${op}.value`]} />
                            </div>
                            <div className="grid gap-1">
                              <Label htmlFor={`${oid}-price`} className="sm:sr-only">
                                {t("optionPriceN", { n: j + 1 })}
                              </Label>
                              <MoneyInput
                                id={`${oid}-price`}
                                currency={currency}
                                value={o.price}
                                placeholder="0"
                                onChange={(price) => {
                                  setOption(i, j, { price });
                                  onClearErrors(`${op}.price`);
                                }}
                                {...aria(`${op}.price`)}
                              />
                              <FieldMessage id={errId(`${op}.price`)} messages={errors[`${op}.price`]} />
                            </div>
                            {readOnly ? null : (
                              <Button
                                type="button"
                                variant="ghost"
                                size="icon-sm"
                                className="justify-self-end text-muted-foreground hover:text-destructive sm:mt-0.5"
                                onClick={() => removeOption(i, j)}
                                aria-label={t("removeOption", { label: name })}
                              >
                                <Trash2 aria-hidden />
                              </Button>
                            )}
                          </li>
                        );
                      })}
                    </ul>
                    <FieldMessage id={errId(`${p}.options`)} messages={errors[`${p}.options`]} />
                    {readOnly ? null : (
                      <Button id={`${fid}-add-option`} type="button" variant="outline" size="sm" className="w-fit" onClick={() => addOption(i)}>
                        <Plus aria-hidden />
                        {t("addOption")}
                      </Button>
                    )}
                  </fieldset>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <FieldMessage id={errId("fields")} messages={errors.fields} />
      {readOnly ? null : (
        <Button ref={addRef} type="button" variant="outline" className="w-fit" onClick={add}>
          <Plus aria-hidden />
          {t("add")}
        </Button>
      )}
    </div>
  );
}

function blankOption(): EditorOption {
  return { uid: newUid(), label: "", value: "", price: "", valueTouched: false };
}
