"use client";

// One custom field in the editor: its number and title with move/remove buttons, then its
// label, type, key (with the warning when a saved key changes), required and text length.
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { FieldMessage, FormField } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { DEFAULT_TEXT_MAX, FIELD_TYPES, type FieldType } from "@/lib/contract/fields";
import { cn } from "@/lib/utils";
import type { FieldErrors } from "@/components/form";
import { hasOptions, type EditorField } from "./fields-model";

/** The editor's errors and how a control points at its message. */
export type FieldAria = {
  errors: FieldErrors;
  errId: (key: string) => string;
  aria: (key: string, hint?: string) => { "aria-invalid": true | undefined; "aria-describedby": string | undefined };
};

export function FieldCard({
  field: f,
  index: i,
  count,
  fid,
  readOnly,
  err,
  onLabel,
  onType,
  onChange,
  onMove,
  onRemove,
  children,
}: {
  field: EditorField;
  index: number;
  count: number;
  fid: string;
  readOnly?: boolean;
  err: FieldAria;
  onLabel: (label: string) => void;
  onType: (type: FieldType) => void;
  /** A change to the field, and the error key it clears. */
  onChange: (patch: Partial<EditorField>, clear?: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  /** The options editor, for choice fields. */
  children?: React.ReactNode;
}) {
  const t = useTranslations("fieldsEditor");
  const p = `fields.${i}`;
  const title = f.label.trim() || t("untitled");
  const keyChanged = f.savedName !== null && f.name.trim() !== f.savedName;
  const field = (k: string, id: string) => ({ id: `${fid}-${id}`, error: err.errors[`${p}.${k}`], errorId: err.errId(`${p}.${k}`), className: "gap-1.5" });
  return (
    <li className="rounded-lg border bg-background/60 p-3 sm:p-4" data-field={f.name || f.uid} aria-label={t("fieldN", { n: i + 1, label: title })}>
      <div className="mb-3 flex items-center gap-2">
        <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-semibold tabular-nums" aria-hidden>
          {i + 1}
        </span>
        <span className="min-w-0 flex-1 truncate text-sm font-medium">{title}</span>
        {readOnly ? null : (
          <div className="flex items-center gap-1">
            <Button id={`${fid}-up`} type="button" variant="ghost" size="icon-sm" onClick={() => onMove(-1)} disabled={i === 0} aria-label={t("moveUp", { label: title })}>
              <ArrowUp aria-hidden />
            </Button>
            <Button
              id={`${fid}-down`}
              type="button"
              variant="ghost"
              size="icon-sm"
              onClick={() => onMove(1)}
              disabled={i === count - 1}
              aria-label={t("moveDown", { label: title })}
            >
              <ArrowDown aria-hidden />
            </Button>
            <Button type="button" variant="ghost" size="icon-sm" className="text-destructive hover:text-destructive" onClick={onRemove} aria-label={t("remove", { label: title })}>
              <Trash2 aria-hidden />
            </Button>
          </div>
        )}
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <FormField {...field("label", "label")} label={t("label")} required>
          <Input
            id={`${fid}-label`}
            value={f.label}
            maxLength={100}
            placeholder={t("labelPlaceholder")}
            onChange={(e) => onLabel(e.target.value)}
            {...err.aria(`${p}.label`)}
          />
        </FormField>
        <FormField {...field("type", "type")} label={t("type")}>
          <NativeSelect id={`${fid}-type`} value={f.type} onChange={(e) => onType(e.target.value as FieldType)} {...err.aria(`${p}.type`)}>
            {FIELD_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          {...field("name", "key")}
          label={t("key")}
          required
          hintId={`${fid}-key-hint`}
          hint={<span className={cn(keyChanged && "text-amber-800")}>{keyChanged ? t("keyChanged", { key: f.savedName ?? "" }) : t("keyHint")}</span>}
        >
          <Input
            id={`${fid}-key`}
            value={f.name}
            maxLength={50}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            className="font-mono"
            onChange={(e) => onChange({ name: e.target.value, keyTouched: true }, `${p}.name`)}
            {...err.aria(`${p}.name`, `${fid}-key-hint`)}
          />
        </FormField>
        <div className="flex flex-col gap-3 sm:pt-6">
          <div className="flex items-center gap-2">
            <Checkbox id={`${fid}-required`} checked={f.required} onCheckedChange={(v) => onChange({ required: v === true })} />
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
                onChange={(e) => onChange({ maxLength: e.target.value }, `${p}.maxLength`)}
                {...err.aria(`${p}.maxLength`)}
              />
              <FieldMessage id={err.errId(`${p}.maxLength`)} messages={err.errors[`${p}.maxLength`]} />
            </div>
          ) : null}
        </div>
      </div>
      {hasOptions(f.type) ? children : null}
    </li>
  );
}
