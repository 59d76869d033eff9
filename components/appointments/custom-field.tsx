"use client";

// A service's custom field in the booking form, drawn from its definition.
import { useTranslations } from "next-intl";
import { DateField } from "@/components/forms/date-field";
import { CheckboxGroup, FormField, RequiredMark, type FieldKit } from "@/components/form";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ServiceField } from "@/lib/contract/fields";
import { cn } from "@/lib/utils";
import { filledKey } from "./booking-values";

export function CustomField({
  form,
  field,
  value,
  onChange,
  money,
}: {
  /** The booking form's useFieldErrors(): the field's ids and error, keyed `filledFields.<name>`. */
  form: FieldKit;
  field: ServiceField;
  value: string | string[] | undefined;
  /** null: a date field's text is not a date. */
  onChange: (v: string | string[] | null) => void;
  money: (n: number) => string;
}) {
  const t = useTranslations("form");
  const key = filledKey(field.name);
  const props = form.field(key);
  const control = { ...form.control(key), "aria-required": field.required || undefined };
  const optional = <span className="text-xs font-normal text-muted-foreground">({t("optional")})</span>;
  const optionLabel = (o: { label: string; price: number }) => (o.price ? `${o.label} (${t("plus", { price: money(o.price) })})` : o.label);

  if (field.type === "multipleSelect") {
    const chosen = Array.isArray(value) ? value : [];
    const { id: _, ...group } = control;
    return (
      <CheckboxGroup legend={
          <>
            {field.label} {field.required ? <RequiredMark /> : optional}
          </>
        } error={props.error} errorId={props.errorId} {...group}>
        <div className="grid gap-2 sm:grid-cols-2">
          {field.options.map((o) => {
            const oid = `${props.id}-${o.value}`;
            return (
              <div key={o.value} className="flex items-center gap-2 rounded-md border p-2">
                <Checkbox
                  id={oid}
                  checked={chosen.includes(o.value)}
                  onCheckedChange={(v) =>
                    onChange(field.options.map((x) => x.value).filter((x) => (x === o.value ? v === true : chosen.includes(x))))
                  }
                />
                <Label htmlFor={oid} className="font-normal">
                  {optionLabel(o)}
                </Label>
              </div>
            );
          })}
        </div>
      </CheckboxGroup>
    );
  }

  return (
    <FormField
      {...props}
      label={
        <>
          {field.label} {field.required ? null : optional}
        </>
      }
      required={field.required}
    >
      {field.type === "select" ? (
        <NativeSelect value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} {...control}>
          <option value="">{t("none")}</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {optionLabel(o)}
            </option>
          ))}
        </NativeSelect>
      ) : field.type === "date" ? (
        <DateField value={typeof value === "string" ? value : ""} onValueChange={onChange} className="sm:w-60" {...control} />
      ) : (
        <Input
          type={{ text: "text", number: "number", email: "email", phone: "tel" }[field.type]}
          inputMode={field.type === "number" ? "decimal" : field.type === "phone" ? "tel" : undefined}
          maxLength={field.type === "text" ? field.maxLength : undefined}
          placeholder={field.type === "phone" ? "07 07 12 34 56" : undefined}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          className={cn(field.type === "number" && "sm:w-48")}
          {...control}
        />
      )}
    </FormField>
  );
}
