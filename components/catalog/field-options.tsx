"use client";

// The choices of a select or multiple-select field: label, value (follows the label until
// edited) and the price it adds; a column header row on desktop, labelled inputs on phones.
import { Plus, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { FieldMessage } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { EditorField, EditorOption } from "./fields-model";
import { MoneyInput } from "./inputs";
import type { FieldAria } from "./field-card";

/** One cell of an option row: its label only for screen readers from sm up, its error under it. */
function OptionCell({ id, label, error, errorId, children }: { id: string; label: string; error?: string[]; errorId: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id} className="sm:sr-only">
        {label}
      </Label>
      {children}
      <FieldMessage id={errorId} messages={error} />
    </div>
  );
}

export function FieldOptions({
  field: f,
  path: p,
  fid,
  currency,
  readOnly,
  err,
  onLabel,
  onChange,
  onAdd,
  onRemove,
}: {
  field: EditorField;
  /** The field's error key prefix ("fields.0"). */
  path: string;
  /** The field's element id prefix. */
  fid: string;
  currency: string;
  readOnly?: boolean;
  err: FieldAria;
  onLabel: (j: number, label: string) => void;
  onChange: (j: number, patch: Partial<EditorOption>, clear: string) => void;
  onAdd: () => void;
  onRemove: (j: number) => void;
}) {
  const t = useTranslations("fieldsEditor");
  return (
    <fieldset className="mt-4 grid gap-2" aria-describedby={err.errors[`${p}.options`] ? err.errId(`${p}.options`) : undefined}>
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
          const cell = (k: "label" | "value" | "price", label: string) => ({ id: `${oid}-${k}`, label, error: err.errors[`${op}.${k}`], errorId: err.errId(`${op}.${k}`) });
          return (
            <li key={o.uid} className="grid gap-2 rounded-md border p-2 sm:grid-cols-[1fr_1fr_9rem_2rem] sm:items-start sm:border-0 sm:p-0">
              <OptionCell {...cell("label", t("optionLabelN", { n: j + 1 }))}>
                <Input id={`${oid}-label`} value={o.label} maxLength={100} onChange={(e) => onLabel(j, e.target.value)} {...err.aria(`${op}.label`)} />
              </OptionCell>
              <OptionCell {...cell("value", t("optionValueN", { n: j + 1 }))}>
                <Input
                  id={`${oid}-value`}
                  value={o.value}
                  maxLength={100}
                  spellCheck={false}
                  autoCapitalize="off"
                  autoComplete="off"
                  className="font-mono"
                  onChange={(e) => onChange(j, { value: e.target.value, valueTouched: true }, `${op}.value`)}
                  {...err.aria(`${op}.value`)}
                />
              </OptionCell>
              <OptionCell {...cell("price", t("optionPriceN", { n: j + 1 }))}>
                <MoneyInput
                  id={`${oid}-price`}
                  currency={currency}
                  value={o.price}
                  placeholder="0"
                  onChange={(price) => onChange(j, { price }, `${op}.price`)}
                  {...err.aria(`${op}.price`)}
                />
              </OptionCell>
              {readOnly ? null : (
                <Button
                  type="button"
                  variant="ghost"
                  size="icon-sm"
                  className="justify-self-end text-muted-foreground hover:text-destructive sm:mt-0.5"
                  onClick={() => onRemove(j)}
                  aria-label={t("removeOption", { label: name })}
                >
                  <Trash2 aria-hidden />
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <FieldMessage id={err.errId(`${p}.options`)} messages={err.errors[`${p}.options`]} />
      {readOnly ? null : (
        <Button id={`${fid}-add-option`} type="button" variant="outline" size="sm" className="w-fit" onClick={onAdd}>
          <Plus aria-hidden />
          {t("addOption")}
        </Button>
      )}
    </fieldset>
  );
}
