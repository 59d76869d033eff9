// The custom-field editor's rows and their conversions: saved definitions ⇄ editor rows (with
// uids, untouched keys that follow the label, prices as typed), and the checks the schema
// cannot word well. No React: the service editor validates this output with lib/contract/fields.
import { DEFAULT_TEXT_MAX, type FieldType, type ServiceField, type ServiceFieldInput } from "@/lib/contract/fields";
import type { FieldErrors } from "@/components/form";
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
export const newUid = () => `n${++counter}`;

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

/** A new, empty option row. */
export function blankOption(): EditorOption {
  return { uid: newUid(), label: "", value: "", price: "", valueTouched: false };
}

/** A new, empty text field row (its key follows the label until edited). */
export function blankField(): EditorField {
  return { uid: newUid(), name: "", label: "", type: "text", required: false, options: [], maxLength: "", keyTouched: false, savedName: null };
}
