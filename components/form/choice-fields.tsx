"use client";

// Fields met in several forms: a phone number, a checkbox with its explanation.
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { TextField } from "./text-field";

/** A phone number as Ivorian numbers are written (the domain normalises it). */
export function PhoneField(props: Omit<React.ComponentProps<typeof TextField>, "type" | "inputMode" | "placeholder" | "autoComplete">) {
  return <TextField type="tel" inputMode="tel" placeholder="07 07 12 34 56" autoComplete="off" {...props} />;
}

/** A checkbox, its label and the sentence that says what it does. */
export function CheckboxField({
  id,
  label,
  hint,
  checked,
  onCheckedChange,
  className,
}: {
  id: string;
  label: React.ReactNode;
  hint: React.ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  className?: string;
}) {
  return (
    <div className={cn("flex items-start gap-2", className)}>
      <Checkbox id={id} checked={checked} onCheckedChange={(v) => onCheckedChange(v === true)} className="mt-0.5" aria-describedby={`${id}-hint`} />
      <div className="grid gap-1">
        <Label htmlFor={id}>{label}</Label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
    </div>
  );
}
