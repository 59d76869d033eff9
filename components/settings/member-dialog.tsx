"use client";

// Adds a member (e-mail, name, optional password, role, companies) or changes one's role and
// companies; after an add, shows the credentials to hand over.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActions } from "@/components/actions-context";
import { FieldMessage, FormField, SubmitRow, TextField, useFormState } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { PASSWORD_MIN } from "@/lib/contract/password";
import { MEMBER_ROLES, type MemberRole } from "@/lib/contract/scopes";
import { MemberCredentials, type NewMember } from "./member-credentials";
import type { MemberRow } from "./team-view";
import { PasswordInput } from "./password-input";

type Company = { id: string; name: string };

export function MemberDialog({
  member,
  open,
  onOpenChange,
  companies,
  callerRole,
}: {
  member: MemberRow | null;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  companies: Company[];
  callerRole: MemberRole;
}) {
  const actions = useActions();
  const t = useTranslations("settings.team");
  const tc = useTranslations("catalog");
  const { form, formRef, formError, setFormError, pending, start, invalid, failed } = useFormState();
  const { base, errors, errorId, clear } = form;
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<MemberRole>(member?.role ?? "staff");
  const [companyIds, setCompanyIds] = useState<string[]>(member?.companyIds ?? (companies.length === 1 ? [companies[0].id] : []));
  const [done, setDone] = useState<NewMember | null>(null);
  const roles = MEMBER_ROLES.filter((r) => r !== "owner" || callerRole === "owner");

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setFormError(null);
    const local: Record<string, string[]> = {};
    if (!member) {
      if (!email.trim()) local.email = [tc("requiredField")];
      if (!name.trim()) local.name = [tc("requiredField")];
      if (password && password.length < PASSWORD_MIN) local.password = [t("passwordMin", { min: PASSWORD_MIN })];
    }
    if (role === "staff" && companyIds.length === 0) local.companyIds = [t("companiesRequired")];
    if (Object.keys(local).length) {
      invalid(local);
      return;
    }
    start(async () => {
      const companiesFor = role === "staff" ? companyIds : [];
      const r = member
        ? await actions.editMember({ userId: member.userId, values: { role, companyIds: companiesFor } })
        : await actions.addMember({ values: { email: email.trim(), name, password: password || undefined, role, companyIds: companiesFor } });
      if (!r.ok) {
        failed(r, (k) => ["email", "name", "password", "role", "companyIds"].includes(k));
        return;
      }
      if (member) {
        toast.success(t("saved"), { description: r.data.name });
        onOpenChange(false);
      } else {
        toast.success(t("added"), { description: r.data.name });
        setDone({ email: email.trim().toLowerCase(), password: password || null, name: r.data.name });
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent closeLabel={tc("close")} className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        {done ? (
          <MemberCredentials done={done} onClose={() => onOpenChange(false)} />
        ) : (
          <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
            <DialogHeader>
              <DialogTitle>{member ? t("editTitle", { name: member.name }) : t("addTitle")}</DialogTitle>
              <DialogDescription>{member ? member.email : t("addHint")}</DialogDescription>
            </DialogHeader>
            {member ? null : (
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField form={form} name="email" label={t("email")} required value={email} onValueChange={setEmail} type="email" autoComplete="off" />
                <TextField form={form} name="name" label={t("name")} required value={name} onValueChange={setName} maxLength={120} autoComplete="off" />
                <FormField {...form.field("password", { hint: true })} label={t("password")} hint={t("passwordHint", { min: PASSWORD_MIN })} className="sm:col-span-2">
                  <PasswordInput
                    value={password}
                    onValueChange={(v) => {
                      setPassword(v);
                      clear("password");
                    }}
                    generateLabel={t("generate")}
                    {...form.control("password", { hint: true })}
                  />
                </FormField>
              </div>
            )}
            <FormField {...form.field("role", { hint: true })} label={t("role")} required hint={t(`roleHints.${role}`)}>
              <NativeSelect
                value={role}
                onChange={(e) => {
                  setRole(e.target.value as MemberRole);
                  clear("role", "companyIds");
                }}
                {...form.control("role", { hint: true })}
              >
                {roles.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            {role === "staff" ? (
              <fieldset className="grid gap-2" aria-describedby={errors.companyIds ? errorId("companyIds") : undefined}>
                <legend className="mb-1 text-sm font-medium">{t("companies")}</legend>
                <ul className="grid gap-2 sm:grid-cols-2">
                  {companies.map((c) => {
                    const cid = `${base}-c-${c.id}`;
                    return (
                      <li key={c.id} className="flex items-center gap-2 rounded-md border p-2">
                        <Checkbox
                          id={cid}
                          checked={companyIds.includes(c.id)}
                          onCheckedChange={(v) => {
                            setCompanyIds((ids) => (v === true ? [...ids, c.id] : ids.filter((x) => x !== c.id)));
                            clear("companyIds");
                          }}
                        />
                        <Label htmlFor={cid} className="font-normal">
                          {c.name}
                        </Label>
                      </li>
                    );
                  })}
                </ul>
                <FieldMessage id={errorId("companyIds")} messages={errors.companyIds} />
              </fieldset>
            ) : null}
            <SubmitRow
              pending={pending}
              message={formError}
              submitLabel={member ? tc("save") : t("addSubmit")}
              cancelLabel={tc("cancel")}
              onCancel={() => onOpenChange(false)}
            />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
