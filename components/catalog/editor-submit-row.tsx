"use client";

// The bar under an agent's or a service's editor: "create" or "save", back to the list, or
// the read-only note for a member who may not write.
import { useTranslations } from "next-intl";
import { SubmitRow } from "@/components/form";

export function EditorSubmitRow({
  namespace,
  editing,
  pending,
  message,
  listHref,
  readOnly,
}: {
  namespace: "agents" | "services";
  editing: boolean;
  pending: boolean;
  message: string | null;
  listHref: string;
  readOnly: boolean;
}) {
  const t = useTranslations(namespace);
  const tc = useTranslations("catalog");
  return (
    <SubmitRow
      variant="page"
      pending={pending}
      message={message}
      submitLabel={editing ? tc("save") : t("create")}
      cancelHref={listHref}
      readOnlyNote={readOnly ? t("readOnly") : undefined}
    />
  );
}
