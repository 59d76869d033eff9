"use client";

import { KeyRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { useActions } from "@/components/actions-context";
import { failureMessage, FormAlert, FormField, useErrorMessage, useFieldErrors, useFocusFirstError } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { CopyButton } from "./copy-button";
import { generatePassword, PASSWORD_MIN } from "./generate-password";

type Member = { userId: string; name: string };

/**
 * An owner or admin gives a member a new password (typed or generated), shown once afterwards
 * to pass on. The member's open sessions end with it, on every instance.
 */
export function ResetPasswordDialog({ member, onOpenChange }: { member: Member | null; onOpenChange: (open: boolean) => void }) {
  const actions = useActions();
  const t = useTranslations("settings.team.reset");
  const tc = useTranslations("catalog");
  const words = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useFocusFirstError(formRef);
  const { base, errors, setErrors, aria, errorId, clear } = useFieldErrors();
  const [password, setPassword] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const name = member?.name ?? "";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!member) return;
    setFormError(null);
    if (password.length < PASSWORD_MIN) {
      setErrors({ password: [t("hint", { min: PASSWORD_MIN })] });
      focusFirstError();
      return;
    }
    start(async () => {
      const r = await actions.resetMemberPassword({ userId: member.userId, password });
      if (!r.ok) {
        setErrors(r.fields ?? {});
        setFormError(failureMessage(r, words, (k) => k === "password"));
        focusFirstError();
        return;
      }
      setDone(password);
    });
  }

  return (
    <Dialog open={member !== null} onOpenChange={(o) => !pending && onOpenChange(o)}>
      <DialogContent closeLabel={tc("close")} className="sm:max-w-lg">
        {done ? (
          <div className="grid gap-4">
            <DialogHeader className="pr-6">
              <DialogTitle>{t("doneTitle", { name })}</DialogTitle>
              <DialogDescription>{t("doneBody")}</DialogDescription>
            </DialogHeader>
            <p className="rounded-md border bg-muted/40 p-3 text-center font-mono text-base" data-testid="reset-password-value">
              {done}
            </p>
            <DialogFooter>
              <CopyButton label={t("copy")} text={done} />
              <Button type="button" onClick={() => onOpenChange(false)}>
                {t("done")}
              </Button>
            </DialogFooter>
          </div>
        ) : (
          <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
            <DialogHeader className="pr-6">
              <DialogTitle>{t("title", { name })}</DialogTitle>
              <DialogDescription>{t("description", { name })}</DialogDescription>
            </DialogHeader>
            <FormField
              id={`${base}-password`}
              label={t("password")}
              required
              hint={t("hint", { min: PASSWORD_MIN })}
              hintId={`${base}-password-hint`}
              error={errors.password}
              errorId={errorId("password")}
            >
              <div className="flex gap-2">
                <Input
                  id={`${base}-password`}
                  name="password"
                  type="text"
                  value={password}
                  autoComplete="new-password"
                  spellCheck={false}
                  className="font-mono"
                  onChange={(e) => {
                    setPassword(e.target.value);
                    clear("password");
                  }}
                  {...aria("password", `${base}-password-hint`)}
                />
                <Button
                  type="button"
                  variant="outline"
                  onClick={() => {
                    setPassword(generatePassword());
                    clear("password");
                  }}
                >
                  <KeyRound aria-hidden />
                  {t("generate")}
                </Button>
              </div>
            </FormField>
            <FormAlert message={formError} />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
                {t("cancel")}
              </Button>
              <Button type="submit" disabled={pending}>
                {t("submit")}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
