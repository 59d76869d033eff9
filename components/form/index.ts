// The form kit every catalog and settings form uses (import from "@/components/form").
export { ConfirmDialog } from "./confirm-dialog";
export { CheckboxGroup, FieldMessage, FormAlert, FormField, RequiredMark, SubmitRow } from "./field";
export { TextField, type FieldKit } from "./text-field";
export { CheckboxField, PhoneField } from "./choice-fields";
export { useFormState } from "./use-form";
export {
  failureMessage,
  useErrorMessage,
  useFieldErrors,
  useFocusFirstError,
  useWarnBeforeLeave,
  type FieldErrors,
} from "./errors";
