"use client";

import { useTranslations } from "next-intl";
import { DateField } from "@/components/forms/date-field";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { ServiceField } from "@/lib/contract/fields";
import { cn } from "@/lib/utils";
import { FieldError } from "./customer-picker";

// A service's custom field in the booking form, drawn from its definition.

export function RequiredMark() {
  const t = useTranslations("form");
  return (
    <span className="text-destructive" aria-hidden title={t("required")}>
      *
    </span>
  );
}

export function CustomField({
  field,
  idBase,
  value,
  onChange,
  errors,
  money,
}: {
  field: ServiceField;
  idBase: string;
  value: string | string[] | undefined;
  /** null: a date field's text is not a date. */
  onChange: (v: string | string[] | null) => void;
  errors?: string[];
  money: (n: number) => string;
}) {
  const t = useTranslations("form");
  const errorId = `${idBase}-error`;
  const a11y = {
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": errors ? errorId : undefined,
    "aria-required": field.required || undefined,
  };
  const label = (
    <>
      {field.label}{" "}
      {field.required ? <RequiredMark /> : <span className="text-xs font-normal text-muted-foreground">({t("optional")})</span>}
    </>
  );
  const optionLabel = (o: { label: string; price: number }) => (o.price ? `${o.label} (${t("plus", { price: money(o.price) })})` : o.label);

  if (field.type === "multipleSelect") {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="grid gap-2" {...a11y}>
        <legend className="mb-1 text-sm font-medium">{label}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {field.options.map((o) => {
            const oid = `${idBase}-${o.value}`;
            return (
              <div key={o.value} className="flex items-center gap-2 rounded-md border p-2">
                <Checkbox
                  id={oid}
                  checked={chosen.includes(o.value)}
                  onCheckedChange={(v) =>
                    onChange(
                      field.options.map((x) => x.value).filter((x) => (x === o.value ? v === true : chosen.includes(x))),
                    )
                  }
                />
                <Label htmlFor={oid} className="font-normal">
                  {optionLabel(o)}
                </Label>
              </div>
            );
          })}
        </div>
        <FieldError id={errorId} messages={errors} />
      </fieldset>
    );
  }

  return (
    <div className="grid gap-2">
      <Label htmlFor={idBase}>{label}</Label>
      {field.type === "select" ? (
        <NativeSelect id={idBase} value={typeof value === "string" ? value : ""} onChange={(e) => onChange(e.target.value)} {...a11y}>
          <option value="">{t("none")}</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {optionLabel(o)}
            </option>
          ))}
        </NativeSelect>
      ) : field.type === "date" ? (
        <DateField id={idBase} value={typeof value === "string" ? value : ""} onValueChange={onChange} className="sm:w-60" {...a11y} />
      ) : (
        <Input
          id={idBase}
          type={{ text: "text", number: "number", email: "email", phone: "tel" }[field.type]}
          inputMode={field.type === "number" ? "decimal" : field.type === "phone" ? "tel" : undefined}
          maxLength={field.type === "text" ? field.maxLength : undefined}
          placeholder={field.type === "phone" ? "07 07 12 34 56" : undefined}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.target.value)}
          className={cn(field.type === "number" && "sm:w-48")}
          {...a11y}
        />
      )}
      <FieldError id={errorId} messages={errors} />
    </div>
  );
}
