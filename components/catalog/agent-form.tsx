"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/use-hydrated";
import { agentInput } from "@/lib/contract/catalog-inputs";
import { fieldErrors } from "@/lib/contract/errors";
import { ActiveBadge } from "./bits";
import { CheckboxField, ConfirmDialog, FieldMessage, PhoneField, TextField, useFormState } from "@/components/form";
import { useActions } from "@/components/actions-context";
import { EditorSubmitRow } from "./editor-submit-row";

export type AgentFormValues = {
  id?: string;
  fullname: string;
  role: string | null;
  telephone: string | null;
  email: string | null;
  isActive: boolean;
  serviceIds: string[];
};

const KEYS = ["fullname", "role", "telephone", "email", "isActive", "serviceIds"];

/** Creates or edits an agent: who they are and which of the company's services they perform. */
export function AgentForm({
  company,
  services,
  initial,
  upcoming = 0,
  readOnly = false,
}: {
  company: { slug: string };
  services: { id: string; name: string; isActive: boolean }[];
  initial?: AgentFormValues;
  /** Active appointments ahead of this agent: said when they are deactivated. */
  upcoming?: number;
  readOnly?: boolean;
}) {
  const actions = useActions();
  const t = useTranslations("agents");
  const tc = useTranslations("catalog");
  const router = useRouter();
  const hydrated = useHydrated();
  const { form, formRef, formError, setFormError, pending, start, invalid, failed } = useFormState();
  const { base, errors, errorId, clear } = form;
  const [fullname, setFullname] = useState(initial?.fullname ?? "");
  const [role, setRole] = useState(initial?.role ?? "");
  const [telephone, setTelephone] = useState(initial?.telephone ?? "");
  const [email, setEmail] = useState(initial?.email ?? "");
  const [isActive, setIsActive] = useState(initial?.isActive ?? true);
  const [serviceIds, setServiceIds] = useState<string[]>(initial?.serviceIds ?? []);
  const [confirming, setConfirming] = useState(false);
  const editing = !!initial?.id;
  const listHref = `/c/${company.slug}/agents`;
  const id = (k: string) => `${base}-${k}`;

  const values = () => ({ fullname, role: role || null, telephone: telephone || null, email: email || null, isActive, serviceIds });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (readOnly) return;
    setFormError(null);
    const parsed = agentInput.safeParse(values());
    if (!parsed.success) {
      invalid(fieldErrors(parsed.error.issues));
      return;
    }
    if (editing && initial?.isActive && !isActive) {
      setConfirming(true);
      return;
    }
    void save();
  }

  function save() {
    return new Promise<void>((resolve) =>
      start(async () => {
        const v = values();
        const r = editing
          ? await actions.editAgent({ company: company.slug, id: initial!.id!, values: v })
          : await actions.createAgent({ company: company.slug, values: v });
        resolve();
        if (!r.ok) {
          failed(r, (k) => KEYS.includes(k));
          return;
        }
        toast.success(editing ? t("saved") : t("created"), { description: r.data.name });
        router.push(listHref);
      }),
    );
  }

  const allChecked = services.length > 0 && services.every((s) => serviceIds.includes(s.id));

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6" data-hydrated={hydrated || undefined}>
      <fieldset disabled={readOnly} className="contents">
        <section className="grid gap-4 rounded-lg border bg-card p-4 sm:grid-cols-2 sm:p-6" aria-labelledby={`${base}-who`}>
          <h2 id={`${base}-who`} className="font-semibold sm:col-span-2">
            {t("identity")}
          </h2>
          <TextField form={form} name="fullname" label={t("fullname")} required value={fullname} onValueChange={setFullname} maxLength={120} autoComplete="off" />
          <TextField form={form} name="role" label={t("role")} hint={t("roleHint")} value={role} onValueChange={setRole} maxLength={80} autoComplete="off" />
          <PhoneField form={form} name="telephone" label={t("telephone")} value={telephone} onValueChange={setTelephone} />
          <TextField form={form} name="email" label={t("email")} value={email} onValueChange={setEmail} type="email" autoComplete="off" />
          <CheckboxField id={id("active")} label={t("activeLabel")} hint={t("activeHint")} checked={isActive} onCheckedChange={setIsActive} className="sm:col-span-2" />
        </section>

        <section className="grid gap-3 rounded-lg border bg-card p-4 sm:p-6" aria-labelledby={`${base}-services`}>
          <fieldset className="grid gap-3" aria-describedby={errors.serviceIds ? errorId("serviceIds") : undefined}>
            <legend id={`${base}-services`} className="font-semibold">
              {t("services")}
            </legend>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <p className="text-sm text-muted-foreground">{t("servicesHint")}</p>
              {services.length > 1 && !readOnly ? (
                <Button type="button" variant="ghost" size="sm" onClick={() => setServiceIds(allChecked ? [] : services.map((s) => s.id))}>
                  {allChecked ? t("uncheckAll") : t("checkAll")}
                </Button>
              ) : null}
            </div>
            {services.length === 0 ? (
              <p className="rounded-md border border-dashed p-4 text-sm text-muted-foreground">
                {t("noServices")}{" "}
                <Link href={`/c/${company.slug}/services`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {t("goServices")}
                </Link>
              </p>
            ) : (
              <ul className="grid gap-2 sm:grid-cols-2">
                {services.map((s) => {
                  const cid = `${base}-s-${s.id}`;
                  const checked = serviceIds.includes(s.id);
                  return (
                    <li key={s.id} className="flex items-center gap-2 rounded-md border p-2">
                      <Checkbox
                        id={cid}
                        checked={checked}
                        onCheckedChange={(v) => {
                          setServiceIds((ids) => (v === true ? [...ids, s.id] : ids.filter((x) => x !== s.id)));
                          clear("serviceIds");
                        }}
                      />
                      <Label htmlFor={cid} className="flex-1 font-normal">
                        {s.name}
                      </Label>
                      {s.isActive ? null : <ActiveBadge active={false} labels={{ active: tc("active"), inactive: tc("inactive") }} />}
                    </li>
                  );
                })}
              </ul>
            )}
            <FieldMessage id={errorId("serviceIds")} messages={errors.serviceIds} />
          </fieldset>
        </section>
      </fieldset>

      <EditorSubmitRow namespace="agents" editing={editing} pending={pending} message={formError} listHref={listHref} readOnly={readOnly} />

      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t("deactivateTitle", { name: initial?.fullname ?? "" })}
        description={upcoming > 0 ? `${t("deactivateBody")} ${t("upcoming", { count: upcoming })}` : t("deactivateBody")}
        confirmLabel={t("deactivateAndSave")}
        destructive
        onConfirm={save}
      />
    </form>
  );
}
