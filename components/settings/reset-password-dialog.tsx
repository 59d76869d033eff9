"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useActions } from "@/components/actions-context";
import { FormField, SubmitRow, useFormState } from "@/components/form";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { PASSWORD_MIN } from "@/lib/contract/password";
import { ShownOnce } from "./shown-once";
import { PasswordInput } from "./password-input";

type Member = { userId: string; name: string };

/**
 * An owner or admin gives a member a new password (typed or generated), shown once afterwards
 * to pass on. The member's open sessions end with it, on every instance.
 */
export function ResetPasswordDialog({ member, onOpenChange }: { member: Member | null; onOpenChange: (open: boolean) => void }) {
  const actions = useActions();
  const t = useTranslations("settings.team.reset");
  const tc = useTranslations("catalog");
  const { form, formRef, focusFirstError, formError, setFormError, pending, start, failed } = useFormState();
  const [password, setPassword] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const name = member?.name ?? "";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!member) return;
    setFormError(null);
    if (password.length < PASSWORD_MIN) {
      form.setErrors({ password: [t("hint", { min: PASSWORD_MIN })] });
      focusFirstError();
      return;
    }
    start(async () => {
      const r = await actions.resetMemberPassword({ userId: member.userId, password });
      if (!r.ok) {
        failed(r, (k) => k === "password");
        return;
      }
      setDone(password);
    });
  }

  return (
    <Dialog open={member !== null} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent closeLabel={tc("close")} className="sm:max-w-lg">
        {done ? (
          <ShownOnce
            title={t("doneTitle", { name })}
            description={t("doneBody")}
            label={t("password")}
            value={done}
            copyLabel={t("copy")}
            doneLabel={t("done")}
            onDone={() => onOpenChange(false)}
            testId="reset-password-value"
          />
        ) : (
          <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
            <DialogHeader className="pr-6">
              <DialogTitle>{t("title", { name })}</DialogTitle>
              <DialogDescription>{t("description", { name })}</DialogDescription>
            </DialogHeader>
            <FormField {...form.field("password", { hint: true })} label={t("password")} required hint={t("hint", { min: PASSWORD_MIN })}>
              <PasswordInput
                name="password"
                value={password}
                onValueChange={(v) => {
                  setPassword(v);
                  form.clear("password");
                }}
                generateLabel={t("generate")}
                {...form.control("password", { hint: true })}
              />
            </FormField>
            <SubmitRow pending={pending} message={formError} submitLabel={t("submit")} cancelLabel={t("cancel")} onCancel={() => onOpenChange(false)} />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
