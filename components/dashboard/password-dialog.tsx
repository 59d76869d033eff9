"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { FormAlert, FormField } from "@/components/form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
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
  const id = useId();
  const [pending, start] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
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
          <FormField id={`${id}-current`} label={t("current")} required error={errors.current} errorId={`${id}-current-error`}>
            <Input
              id={`${id}-current`}
              name="current"
              type="password"
              autoComplete="current-password"
              required
              aria-invalid={!!errors.current || undefined}
              aria-describedby={errors.current ? `${id}-current-error` : undefined}
            />
          </FormField>
          <FormField id={`${id}-next`} label={t("next")} required hint={t("hint")} hintId={`${id}-next-hint`} error={errors.next} errorId={`${id}-next-error`}>
            <Input
              id={`${id}-next`}
              name="next"
              type="password"
              autoComplete="new-password"
              required
              minLength={10}
              aria-invalid={!!errors.next || undefined}
              aria-describedby={`${id}-next-hint${errors.next ? ` ${id}-next-error` : ""}`}
            />
          </FormField>
          <FormAlert message={message} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              {t("cancel")}
            </Button>
            <Button type="submit" disabled={pending}>
              {t("submit")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
