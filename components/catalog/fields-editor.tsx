"use client";

// The editor of a service's custom fields: the questions the new-appointment form asks and the
// API checks (lib/contract/fields.ts is the one definition; the service editor validates this
// editor's output with it). Keys follow the label until edited by hand. This file holds the
// list and its operations (add, remove, move, focus after each); field-card.tsx one field,
// field-options.tsx its choices, fields-model.ts the rows and their conversions.
import { ListPlus, Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { FieldMessage, type FieldErrors } from "@/components/form";
import { Button } from "@/components/ui/button";
import { keyFromLabel, type FieldType } from "@/lib/contract/fields";
import { FieldCard, type FieldAria } from "./field-card";
import { FieldOptions } from "./field-options";
import { blankField, blankOption, hasOptions, type EditorField, type EditorOption } from "./fields-model";

export { fromEditorFields, localFieldChecks, toEditorFields, type EditorField } from "./fields-model";

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
  const err: FieldAria = {
    errors,
    errId,
    aria: (key, hint) => ({
      "aria-invalid": errors[key] ? true : undefined,
      "aria-describedby": [errors[key] ? errId(key) : null, hint].filter(Boolean).join(" ") || undefined,
    }),
  };

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
    const f = blankField();
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
            const fid = `${idBase}-${f.uid}`;
            return (
              <FieldCard
                key={f.uid}
                field={f}
                index={i}
                count={fields.length}
                fid={fid}
                readOnly={readOnly}
                err={err}
                onLabel={(label) => setLabel(i, label)}
                onType={(type) => setType(i, type)}
                onChange={(patch, clear) => {
                  update(i, patch);
                  if (clear) onClearErrors(clear);
                }}
                onMove={(by) => move(i, by)}
                onRemove={() => remove(i)}
              >
                <FieldOptions
                  field={f}
                  path={`fields.${i}`}
                  fid={fid}
                  currency={currency}
                  readOnly={readOnly}
                  err={err}
                  onLabel={(j, label) => setOptionLabel(i, j, label)}
                  onChange={(j, patch, clear) => {
                    setOption(i, j, patch);
                    onClearErrors(clear);
                  }}
                  onAdd={() => addOption(i)}
                  onRemove={(j) => removeOption(i, j)}
                />
              </FieldCard>
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
