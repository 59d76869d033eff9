"use client";

import { Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { FieldMessage, FormAlert, FormField, useFormState } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { APPOINTMENT_EVENT_TYPES } from "@/lib/contract/events";
import type { WebhookRow } from "./webhooks-view";

const FIELDS = ["url", "types", "companyId", "description"];

/** Adds an endpoint (then its secret is shown once) or edits one. */
export function WebhookFormDialog({
  row,
  companies,
  onClose,
  onCreated,
}: {
  row: WebhookRow | null;
  companies: { id: string; name: string }[];
  onClose: () => void;
  onCreated: (created: { url: string; secret: string }) => void;
}) {
  const actions = useActions();
  const t = useTranslations("settings.webhooks");
  const tc = useTranslations("catalog");
  const { form, formRef, formError, setFormError, pending, start, invalid, failed, words } = useFormState();
  const { base, errors, aria, errorId, clear } = form;
  const [url, setUrl] = useState(row?.url ?? "");
  const [description, setDescription] = useState(row?.description ?? "");
  const [all, setAll] = useState(row ? row.types.includes("*") : true);
  const [types, setTypes] = useState<string[]>(row && !row.types.includes("*") ? row.types : []);
  const [companyId, setCompanyId] = useState(row?.companyId ?? "");
  const id = (k: string) => `${base}-${k}`;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string[]> = {};
    if (!url.trim()) local.url = [tc("requiredField")];
    if (!all && types.length === 0) local.types = [t("types")];
    if (Object.keys(local).length) {
      invalid(local);
      return;
    }
    const values = { url: url.trim(), description: description.trim() || null, types: all ? ["*"] : types, companyId: companyId || null };
    start(async () => {
      const r = row ? await actions.editWebhook({ id: row.id, values }) : await actions.createWebhook({ values });
      if (!r.ok) {
        const fields = { ...(r.fields ?? {}) };
        if (r.code === "company-not-found") fields.companyId = [words(r)];
        failed(r, (k) => FIELDS.includes(k), fields);
        return;
      }
      if (row) {
        toast.success(t("saved"));
        onClose();
      } else if ("secret" in r.data) onCreated({ url: r.data.url, secret: r.data.secret });
    });
  }

  return (
    <Dialog open onOpenChange={(o) => !o && !pending && onClose()}>
      <DialogContent closeLabel={tc("close")} className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>{row ? t("editTitle") : t("newTitle")}</DialogTitle>
            <DialogDescription>{t("formHint")}</DialogDescription>
          </DialogHeader>
          <FormField id={id("url")} label={t("url")} required hint={t("urlHint")} hintId={`${base}-url-hint`} error={errors.url} errorId={errorId("url")}>
            <Input
              id={id("url")}
              type="url"
              inputMode="url"
              value={url}
              autoComplete="off"
              placeholder="https://"
              onChange={(e) => {
                setUrl(e.target.value);
                clear("url");
              }}
              {...aria("url", `${base}-url-hint`)}
            />
          </FormField>
          <FormField id={id("description")} label={t("description")} error={errors.description} errorId={errorId("description")}>
            <Input id={id("description")} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} {...aria("description")} />
          </FormField>
          <fieldset className="grid gap-2" aria-describedby={errors.types ? errorId("types") : undefined}>
            <legend className="mb-1 text-sm font-medium">{t("types")}</legend>
            <div className="flex items-center gap-2">
              <Checkbox id={id("all")} checked={all} onCheckedChange={(v) => (setAll(v === true), clear("types"))} />
              <Label htmlFor={id("all")} className="font-normal">
                {t("allTypes")}
              </Label>
            </div>
            {!all ? (
              <ul className="grid gap-2 pl-6">
                {APPOINTMENT_EVENT_TYPES.map((type) => (
                  <li key={type} className="flex items-center gap-2">
                    <Checkbox
                      id={id(type)}
                      checked={types.includes(type)}
                      onCheckedChange={(v) => {
                        setTypes((list) => (v === true ? [...list, type] : list.filter((x) => x !== type)));
                        clear("types");
                      }}
                    />
                    <Label htmlFor={id(type)} className="font-normal">
                      {t(`typeNames.${type.replaceAll(".", "_")}`)} <code className="text-xs text-muted-foreground">{type}</code>
                    </Label>
                  </li>
                ))}
              </ul>
            ) : null}
            <FieldMessage id={errorId("types")} messages={errors.types} />
          </fieldset>
          <FormField id={id("company")} label={t("company")} error={errors.companyId} errorId={errorId("companyId")}>
            <NativeSelect id={id("company")} value={companyId} onChange={(e) => setCompanyId(e.target.value)} {...aria("companyId")}>
              <option value="">{t("allCompanies")}</option>
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          <FormAlert message={formError} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose} disabled={pending}>
              {tc("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? <Loader2 aria-hidden className="animate-spin" /> : null}
              {row ? t("save") : t("create")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
