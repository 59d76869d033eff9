"use client";

// The state every kit form holds: field errors, the message above the buttons, the pending
// save, and the two ways a save fails (local checks, or the action's answer), each of which
// shows its errors and moves the focus to the first invalid control.
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, useTransition } from "react";
import { failureMessage, useErrorMessage, useFieldErrors, useFocusFirstError, type FieldErrors } from "./errors";

export function useFormState() {
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const form = useFieldErrors();
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { setErrors } = form;
  /** Local checks failed: their errors, "fix the fields marked" above the buttons. */
  const invalid = useCallback(
    (errors: FieldErrors) => {
      setErrors(errors);
      setFormError(tc("fixErrors"));
      focusFirstError();
    },
    [setErrors, tc, focusFirstError],
  );
  /** The action refused: its field errors, and its words plus any error no control shows (`shown`). */
  const failed = useCallback(
    (r: { code: string; message: string; fields?: FieldErrors }, shown: (key: string) => boolean, fields: FieldErrors = r.fields ?? {}) => {
      setErrors(fields);
      setFormError(failureMessage(r, words, shown));
      focusFirstError();
    },
    [setErrors, words, focusFirstError],
  );
  return { form, formRef, focusFirstError, words, formError, setFormError, pending, start, invalid, failed };
}
