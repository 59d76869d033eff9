"use client";

// Creates an API key (name, scopes, one company or all) and shows it once.
import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActions } from "@/components/actions-context";
import { CheckboxGroup, FormField, SubmitRow, TextField, useFormState } from "@/components/form";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { SCOPES, type Scope } from "@/lib/contract/scopes";
import { ShownOnce } from "./shown-once";

type Company = { id: string; name: string };

/** What a booking app usually needs: read and create appointments, read the catalog. */
const DEFAULT_SCOPES: Scope[] = ["appointments:read", "appointments:write", "catalog:read"];

export function CreateKeyDialog({ open, onOpenChange, companies }: { open: boolean; onOpenChange: (open: boolean) => void; companies: Company[] }) {
  const actions = useActions();
  const t = useTranslations("settings.apiKeys");
  const tc = useTranslations("catalog");
  const { form, formRef, words, formError, setFormError, pending, start, invalid, failed } = useFormState();
  const { base, errors, errorId, clear } = form;
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(DEFAULT_SCOPES);
  const [companyId, setCompanyId] = useState("");
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string[]> = {};
    if (!name.trim()) local.name = [tc("requiredField")];
    if (scopes.length === 0) local.scopes = [t("scopesRequired")];
    if (Object.keys(local).length) {
      invalid(local);
      return;
    }
    start(async () => {
      const r = await actions.createApiKey({ values: { name, scopes: SCOPES.filter((s) => scopes.includes(s)), companyId: companyId || null } });
      if (!r.ok) {
        const fields = { ...(r.fields ?? {}) };
        if (r.code === "company-not-found") fields.companyId = [words(r)];
        failed(r, (k) => ["name", "scopes", "companyId"].includes(k), fields);
        return;
      }
      setCreated({ key: r.data.key, name: r.data.name });
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent
        closeLabel={tc("close")}
        className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl"
        // The key is shown once: a stray click outside must not lose it.
        onInteractOutside={(e) => created && e.preventDefault()}
      >
        {created ? (
          <ShownOnce
            title={t("createdTitle", { name: created.name })}
            description={t("createdBody")}
            warning={t("onceWarning")}
            label={t("yourKey")}
            value={created.key}
            copyLabel={t("copy")}
            doneLabel={t("done")}
            onDone={() => onOpenChange(false)}
            testId="new-api-key"
          />
        ) : (
          <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{t("newTitle")}</DialogTitle>
              <DialogDescription>{t("newHint")}</DialogDescription>
            </DialogHeader>
            <TextField form={form} name="name" label={t("name")} required hint={t("nameHint")} value={name} onValueChange={setName} maxLength={80} autoComplete="off" />
            <CheckboxGroup legend={t("scopesLabel")} error={errors.scopes} errorId={errorId("scopes")}>
              <ul className="grid gap-2">
                {SCOPES.map((s) => {
                  const sid = `${base}-scope-${s.replace(":", "-")}`;
                  return (
                    <li key={s} className="flex items-start gap-2 rounded-md border p-2">
                      <Checkbox
                        id={sid}
                        className="mt-0.5"
                        checked={scopes.includes(s)}
                        onCheckedChange={(v) => {
                          setScopes((list) => (v === true ? [...list, s] : list.filter((x) => x !== s)));
                          clear("scopes");
                        }}
                        aria-describedby={`${sid}-hint`}
                      />
                      <div className="grid gap-0.5">
                        <Label htmlFor={sid} className="font-normal">
                          {t(`scopes.${s}.label`)} <code className="text-xs text-muted-foreground">{s}</code>
                        </Label>
                        <p id={`${sid}-hint`} className="text-xs text-muted-foreground">
                          {t(`scopes.${s}.hint`)}
                        </p>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </CheckboxGroup>
            <FormField {...form.field("companyId", { hint: true })} label={t("company")} hint={t("companyHint")}>
              <NativeSelect
                value={companyId}
                onChange={(e) => {
                  setCompanyId(e.target.value);
                  clear("companyId");
                }}
                {...form.control("companyId", { hint: true })}
              >
                <option value="">{t("allCompanies")}</option>
                {companies.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            <SubmitRow
              pending={pending}
              message={formError}
              submitLabel={t("create")}
              icon={<KeyRound aria-hidden />}
              cancelLabel={tc("cancel")}
              onCancel={() => onOpenChange(false)}
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
