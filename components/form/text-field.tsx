"use client";

// The most common field: a labelled text input whose error clears as the member types.
import { Input } from "@/components/ui/input";
import type { useFieldErrors } from "./errors";
import { FormField } from "./field";

export type FieldKit = ReturnType<typeof useFieldErrors>;

export function TextField({
  form,
  name,
  label,
  required,
  hint,
  value,
  onValueChange,
  className,
  inputClassName,
  ...input
}: Omit<React.ComponentProps<"input">, "value" | "onChange" | "id" | "name" | "className" | "form"> & {
  /** The form's useFieldErrors(): ids, errors, aria attributes. */
  form: FieldKit;
  /** The field's key, as the server names it in its errors. */
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  className?: string;
  inputClassName?: string;
}) {
  return (
    <FormField {...form.field(name, { hint: !!hint })} label={label} required={required} hint={hint} className={className}>
      <Input
        {...input}
        className={inputClassName}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
          form.clear(name);
        }}
        {...form.control(name, { hint: !!hint })}
      />
    </FormField>
  );
}
