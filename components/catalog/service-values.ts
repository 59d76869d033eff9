import type { ServiceField } from "@/lib/contract/fields";
import type { EditorField } from "./fields-editor";

export type ServiceFormValues = {
  id?: string;
  name: string;
  description: string | null;
  duration: number;
  bufferBefore?: number;
  bufferAfter?: number;
  basePrice: number;
  categories: string[];
  isActive: boolean;
  fields: ServiceField[];
};

export const TOP_KEYS = ["name", "description", "duration", "bufferBefore", "bufferAfter", "basePrice", "categories", "isActive", "fields"];

/** Saved fields that an edit removes or re-keys: answers already given keep the old keys. */
export function riskyFieldChanges(
  saved: ServiceField[],
  fields: EditorField[],
  t: (key: "changeRemoved" | "changeRenamed", values: Record<string, string>) => string,
): string[] {
  const changes: string[] = [];
  for (const was of saved) {
    const now = fields.find((f) => f.savedName === was.name);
    if (!now) changes.push(t("changeRemoved", { label: was.label }));
    else if (now.name.trim() !== was.name) changes.push(t("changeRenamed", { label: was.label, from: was.name, to: now.name.trim() }));
  }
  return changes;
}
