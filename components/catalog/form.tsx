"use client";

// Small pieces every catalog and settings form shares: labelled fields with their errors,
// field errors keyed like the server's (`fields.0.options`), and a confirm dialog.
import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState, useTransition, type RefObject } from "react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

export type FieldErrors = Record<string, string[]>;

/** Field errors of a form, and the aria attributes that tie each control to its message. */
export function useFieldErrors(initial: FieldErrors = {}) {
  const base = useId();
  const [errors, setErrors] = useState<FieldErrors>(initial);
  const errorId = useCallback((key: string) => `${base}-${key.replace(/[^a-zA-Z0-9_-]/g, "-")}-error`, [base]);
  const aria = useCallback(
    (key: string, hintId?: string) => ({
      "aria-invalid": errors[key] ? (true as const) : undefined,
      "aria-describedby": [errors[key] ? errorId(key) : null, hintId].filter(Boolean).join(" ") || undefined,
    }),
    [errors, errorId],
  );
  /** Clears these keys; a key ending in "." clears every key under it. */
  const clear = useCallback((...keys: string[]) => {
    setErrors((e) => {
      const drop = Object.keys(e).filter((k) => keys.some((x) => (x.endsWith(".") ? k.startsWith(x) : k === x)));
      if (drop.length === 0) return e;
      const next = { ...e };
      for (const k of drop) delete next[k];
      return next;
    });
  }, []);
  return { base, errors, setErrors, aria, errorId, clear };
}

export function FieldMessage({ id, messages, className }: { id: string; messages?: string[]; className?: string }) {
  if (!messages?.length) return null;
  return (
    <p id={id} className={cn("text-sm font-medium text-destructive", className)}>
      {messages.join(" ")}
    </p>
  );
}

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
      {hint ? (
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

/** Asks before doing something that cannot be undone or that changes what others see. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel,
  destructive = false,
  onConfirm,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  destructive?: boolean;
  /** Resolves true to close the dialog, false to keep it open (the error is shown elsewhere). */
  onConfirm: () => Promise<boolean | void> | boolean | void;
  children?: React.ReactNode;
}) {
  const t = useTranslations("catalog");
  const [pending, start] = useTransition();
  return (
    <AlertDialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>{cancelLabel ?? t("cancel")}</AlertDialogCancel>
          <Button
            variant={destructive ? "destructive" : "default"}
            disabled={pending}
            onClick={() =>
              start(async () => {
                const close = await onConfirm();
                if (close !== false) onOpenChange(false);
              })
            }
          >
            {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
            {confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** The error words for an action's failure code, or its own message. */
export function useErrorMessage() {
  const t = useTranslations("errors");
  return useCallback((r: { code: string; message: string }) => (t.has(r.code) ? t(r.code) : r.message), [t]);
}

/**
 * The message above a form's buttons after a failed save: the words for the code, plus any
 * field error that no control of this form shows (so nothing the server said is lost).
 */
export function failureMessage(
  r: { code: string; message: string; fields?: FieldErrors },
  words: (r: { code: string; message: string }) => string,
  shown: (key: string) => boolean,
): string {
  const lost = Object.entries(r.fields ?? {})
    .filter(([k]) => !shown(k))
    .flatMap(([, v]) => v);
  const head = r.code === "validation-error" && !r.fields ? r.message : words(r);
  return [head, ...lost].join(" ");
}

/**
 * Moves the focus to the first invalid control once the errors are on screen (after React has
 * committed them, not before: a control marked invalid in the same update is found).
 */
export function useFocusFirstError(formRef: RefObject<HTMLElement | null>) {
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (asked === 0) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [asked, formRef]);
  return useCallback(() => setAsked((n) => n + 1), []);
}

/** While a form holds unsaved changes, closing or reloading the tab asks first (the browser's own prompt). */
export function useWarnBeforeLeave(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
