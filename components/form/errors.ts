"use client";

// The error state of a form: field errors keyed like the server's (`fields.0.options`), the
// ids and aria attributes that tie each control to its label, hint and message, the words for
// a failed action, and the focus on the first invalid control.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState, type RefObject } from "react";

export type FieldErrors = Record<string, string[]>;

/** Keys ("fields.0.label") made safe for an element id. */
const safe = (key: string) => key.replace(/[^a-zA-Z0-9_-]/g, "-");

/** Field errors of a form, and the ids/aria attributes that tie each control to its message. */
export function useFieldErrors(initial: FieldErrors = {}) {
  const base = useId();
  const [errors, setErrors] = useState<FieldErrors>(initial);
  const errorId = useCallback((key: string) => `${base}-${safe(key)}-error`, [base]);
  /** The control's id: its label's htmlFor. */
  const controlId = useCallback((key: string) => `${base}-${key}`, [base]);
  const hintId = useCallback((key: string) => `${base}-${key}-hint`, [base]);
  const aria = useCallback(
    (key: string, hint?: string) => ({
      "aria-invalid": errors[key] ? (true as const) : undefined,
      "aria-describedby": [errors[key] ? errorId(key) : null, hint].filter(Boolean).join(" ") || undefined,
    }),
    [errors, errorId],
  );
  /** Props of a <FormField> for a key: its control's id, the error and their ids. */
  const field = useCallback(
    (key: string, { hint }: { hint?: boolean } = {}) => ({
      id: controlId(key),
      error: errors[key],
      errorId: errorId(key),
      hintId: hint ? hintId(key) : undefined,
    }),
    [controlId, errors, errorId, hintId],
  );
  /** Props of the control itself: id, aria-invalid and aria-describedby (error, then hint). */
  const control = useCallback(
    (key: string, { hint }: { hint?: boolean } = {}) => ({ id: controlId(key), ...aria(key, hint ? hintId(key) : undefined) }),
    [aria, controlId, hintId],
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
  return { base, errors, setErrors, aria, errorId, controlId, hintId, field, control, clear };
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
