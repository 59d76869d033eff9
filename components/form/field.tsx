"use client";

// A labelled control with its required mark, hint and error message, the form-level alert,
// and the row of buttons under a form (cancel, submit with its pending state).
import { Loader2, Save } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/** A field's error words, tied to its control by id (aria-describedby). */
export function FieldMessage({ id, messages, className }: { id: string; messages?: string[]; className?: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className={cn("text-sm font-medium text-destructive", className)}>
      {messages.join(" ")}
    </p>
  );
}

/** The "*" after a required field's label (the word is in its title; the control says required itself). */
export function RequiredMark() {
  const t = useTranslations("catalog");
  return (
    <span className="text-destructive" aria-hidden title={t("required")}>
      *
    </span>
  );
}

/** A label, its control, an optional hint and the control's error, stacked. */
export function FormField({
  id,
  label,
  required,
  hint,
  hintId,
  error,
  errorId,
  className,
  children,
}: {
  id: string;
  label: React.ReactNode;
  required?: boolean;
  hint?: React.ReactNode;
  hintId?: string;
  error?: string[];
  errorId: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("grid content-start gap-2", className)}>
      <Label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </Label>
      {children}
      {/* A refusal in the hint's own words (a password's minimum) is said once, as the error. */}
      {hint && !(typeof hint === "string" && error?.includes(hint)) ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <FieldMessage id={errorId} messages={error} />
    </div>
  );
}

/** The form-level message shown above the buttons (and announced). */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" aria-label={message} className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm font-medium text-destructive">
      {message}
    </p>
  );
}

/**
 * The form's message and its buttons: cancel (a button, or a link back to the list) and
 * submit, which spins and is disabled while the save runs. "dialog" sits in a dialog's
 * footer; "page" is the sticky bar under a full-page editor.
 */
export function SubmitRow({
  pending,
  message,
  submitLabel,
  pendingLabel,
  icon,
  cancelLabel,
  onCancel,
  cancelHref,
  variant = "dialog",
  readOnlyNote,
}: {
  pending: boolean;
  message: string | null;
  submitLabel: string;
  /** What the submit button says while saving (default: its label; "Enregistrement…" on a page). */
  pendingLabel?: string;
  /** Shown before the label when not pending (a page's default: the save icon). */
  icon?: React.ReactNode;
  /** Default: "Annuler". */
  cancelLabel?: string;
  onCancel?: () => void;
  cancelHref?: string;
  variant?: "dialog" | "page";
  /** Set when the member may only read: this note replaces the buttons. */
  readOnlyNote?: string;
}) {
  const tc = useTranslations("catalog");
  if (readOnlyNote) return <p className="rounded-lg border bg-muted/50 p-4 text-sm text-muted-foreground">{readOnlyNote}</p>;
  const page = variant === "page";
  cancelLabel ??= tc("cancel");
  if (page) {
    pendingLabel ??= tc("saving");
    icon ??= <Save aria-hidden />;
  }
  const cancel = cancelHref ? (
    <Button variant="outline" asChild className={cn(page && "flex-1 sm:flex-none")}>
      <Link href={cancelHref}>{cancelLabel}</Link>
    </Button>
  ) : (
    <Button type="button" variant="outline" onClick={onCancel} disabled={pending} className={cn(page && "flex-1 sm:flex-none")}>
      {cancelLabel}
    </Button>
  );
  const submit = (
    <Button type="submit" disabled={pending} className={cn(page && "flex-[2] sm:flex-none")}>
      {pending ? <Loader2 aria-hidden className="animate-spin" /> : icon}
      {pending ? (pendingLabel ?? submitLabel) : submitLabel}
    </Button>
  );
  if (!page) {
    return (
      <>
        <FormAlert message={message} />
        <DialogFooter>
          {cancel}
          {submit}
        </DialogFooter>
      </>
    );
  }
  return (
    <section className="sticky bottom-0 z-10 flex flex-col gap-3 rounded-lg border bg-card p-4 shadow-md">
      <FormAlert message={message} />
      <div className="flex gap-2 sm:justify-end">
        {cancel}
        {submit}
      </div>
    </section>
  );
}

/** Checkboxes chosen together (companies, scopes, services): a legend, the list, one error for all. */
export function CheckboxGroup({
  legend,
  error,
  errorId,
  className,
  children,
  ...fieldset
}: Omit<React.ComponentProps<"fieldset">, "children"> & {
  legend: React.ReactNode;
  error?: string[];
  errorId: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset {...fieldset} className={cn("grid gap-2", className)} aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {children}
      <FieldMessage id={errorId} messages={error} />
    </fieldset>
  );
}
