"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FormField, SubmitRow, useFieldErrors } from "@/components/form";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/contract/action-result";

/**
 * A member changes their own password: the current one, then the new one. Every open session
 * of theirs ends with it (this one too): they sign in again with the new password.
 */
export function PasswordDialog({
  open,
  onOpenChange,
  changePassword,
  signOut,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  changePassword: (input: { current: string; next: string }) => Promise<ActionResult<void>>;
  signOut: () => Promise<void>;
}) {
  const t = useTranslations("account.password");
  const form = useFieldErrors();
  const { setErrors } = form;
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            start(async () => {
              const result = await changePassword({ current: String(form.get("current") ?? ""), next: String(form.get("next") ?? "") });
              if (result.ok) {
                toast.success(t("done"));
                await signOut();
                return;
              }
              setErrors(result.fields ?? {});
              setMessage(result.message);
            });
          }}
        >
          <FormField {...form.field("current")} label={t("current")} required>
            <Input name="current" type="password" autoComplete="current-password" required {...form.control("current")} />
          </FormField>
          <FormField {...form.field("next", { hint: true })} label={t("next")} required hint={t("hint")}>
            <Input name="next" type="password" autoComplete="new-password" required minLength={10} {...form.control("next", { hint: true })} />
          </FormField>
          <SubmitRow pending={pending} message={message} submitLabel={t("submit")} cancelLabel={t("cancel")} onCancel={() => onOpenChange(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}
